package dev.telephony.api.error;

import dev.telephony.api.PhoneNumber;
import java.util.Objects;

/** The number is not owned by this account, so it cannot be read, changed or released. */
public class NumberNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    private final PhoneNumber number;

    public NumberNotFoundException(PhoneNumber number, ErrorContext context) {
        super(Objects.requireNonNull(number, "number") + " is not a number of this account", context);
        this.number = number;
    }

    public PhoneNumber number() {
        return number;
    }
}
