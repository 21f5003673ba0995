package dev.telephony.api.error;

/** An error that repeating the same call will not cure: bad input, credentials, state, money. */
public abstract class NonRetryableException extends TelephonyException {
    private static final long serialVersionUID = 1L;

    protected NonRetryableException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }

    @Override
    public final boolean isRetryable() {
        return false;
    }
}
