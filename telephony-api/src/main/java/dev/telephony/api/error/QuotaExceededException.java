package dev.telephony.api.error;

/** An account limit (numbers per project, orders per day, …) forbids the operation. Never retried: waiting does not raise a quota. */
public class QuotaExceededException extends NonRetryableException {
    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String reason, ErrorContext context) {
        super(reason, context, null);
    }

    public QuotaExceededException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }
}
