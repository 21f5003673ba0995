package dev.telephony.api.error;

/** The provider refused the credentials (HTTP 401 or the provider's equivalent). Never retried. */
public class AuthenticationException extends NonRetryableException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String reason, ErrorContext context) {
        super(reason, context, null);
    }

    public AuthenticationException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }
}
