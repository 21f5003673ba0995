package dev.telephony.api.error;

/** The thing addressed (a number, an order, a port) does not exist for this account. */
public class NotFoundException extends NonRetryableException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String reason, ErrorContext context) {
        super(reason, context, null);
    }

    public NotFoundException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }
}
