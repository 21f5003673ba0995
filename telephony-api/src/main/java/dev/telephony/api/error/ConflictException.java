package dev.telephony.api.error;

/** The resource's current state forbids the operation: a port the carrier already approved, a number still in its post-purchase cool-down or still assigned, and the like. */
public class ConflictException extends NonRetryableException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String reason, ErrorContext context) {
        super(reason, context, null);
    }

    public ConflictException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }
}
