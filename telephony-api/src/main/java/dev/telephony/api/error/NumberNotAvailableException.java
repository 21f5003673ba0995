package dev.telephony.api.error;

import dev.telephony.api.PhoneNumber;
import java.util.List;

/** The numbers asked for cannot be bought: someone else has them, or they were never offered. */
public class NumberNotAvailableException extends NonRetryableException {
    private static final long serialVersionUID = 1L;

    private final transient List<PhoneNumber> numbers;

    public NumberNotAvailableException(List<PhoneNumber> numbers, ErrorContext context) {
        this(numbers, context, null);
    }

    public NumberNotAvailableException(List<PhoneNumber> numbers, ErrorContext context, Throwable cause) {
        this(numbers, null, context, cause);
    }

    /**
     * A refusal that keeps the provider's own words for it beside its status, code and request id in
     * {@code context}.
     *
     * @param providerMessage what the provider said, in its own words and free of secrets; null when it said nothing
     */
    public NumberNotAvailableException(List<PhoneNumber> numbers, String providerMessage, ErrorContext context, Throwable cause) {
        super("not available to buy: " + numbers + (providerMessage == null || providerMessage.isBlank() ? "" : ": " + providerMessage),
                context, cause);
        this.numbers = List.copyOf(numbers);
    }

    public List<PhoneNumber> numbers() {
        return numbers;
    }
}
