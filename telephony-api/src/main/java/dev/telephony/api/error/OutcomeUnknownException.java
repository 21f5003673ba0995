package dev.telephony.api.error;

import dev.telephony.api.PhoneNumber;
import java.util.List;

/**
 * A write that spends or releases money may or may not have been carried out: its answer was lost or
 * unusable, and the library could not establish the truth from the provider afterwards. Nothing was
 * re-sent. {@link #numbers()} names every number whose outcome is open; check them on the account
 * before trying again.
 */
public abstract class OutcomeUnknownException extends NonRetryableException {
    private static final long serialVersionUID = 1L;

    private final transient List<PhoneNumber> numbers;

    protected OutcomeUnknownException(String reason, List<PhoneNumber> numbers, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
        this.numbers = List.copyOf(numbers);
    }

    /** Every number the write concerned whose outcome could not be established. */
    public List<PhoneNumber> numbers() {
        return numbers;
    }
}
