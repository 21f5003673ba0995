package dev.telephony.api.error;

/** An error that may go away if the same call is repeated later: rate limits, outages, time-outs. */
public abstract class RetryableException extends TelephonyException {
    private static final long serialVersionUID = 1L;

    protected RetryableException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }

    @Override
    public final boolean isRetryable() {
        return true;
    }
}
