package dev.telephony.api.error;

import dev.telephony.api.PhoneNumber;
import java.util.List;

/**
 * A release was sent, its answer was lost or unusable, and the account's numbers could not be read
 * afterwards to tell whether it went through. Nothing was re-sent: the number may be released or
 * still the account's. Read it with {@code inventory().get(number)} before releasing again.
 */
public class ReleaseOutcomeUnknownException extends OutcomeUnknownException {
    private static final long serialVersionUID = 1L;

    public ReleaseOutcomeUnknownException(PhoneNumber number, ErrorContext context, Throwable cause) {
        super("the outcome of releasing " + number + " could not be established; nothing was re-sent, check whether the "
                + "account still owns it before releasing again", List.of(number), context, cause);
    }

    /** The number whose release may or may not have happened. */
    public PhoneNumber number() {
        return numbers().get(0);
    }
}
