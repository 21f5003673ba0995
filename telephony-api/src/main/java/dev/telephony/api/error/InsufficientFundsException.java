package dev.telephony.api.error;

/** The account lacks the balance or credit to pay for the operation. */
public class InsufficientFundsException extends NonRetryableException {
    private static final long serialVersionUID = 1L;

    public InsufficientFundsException(String reason, ErrorContext context) {
        super(reason, context, null);
    }

    public InsufficientFundsException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }
}
