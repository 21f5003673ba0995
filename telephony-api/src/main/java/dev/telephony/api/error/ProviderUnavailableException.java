package dev.telephony.api.error;

/** The provider could not be reached or answered with a server error (5xx, I/O failure), after the library's own bounded retries for reads. */
public class ProviderUnavailableException extends RetryableException {
    private static final long serialVersionUID = 1L;

    public ProviderUnavailableException(String reason, ErrorContext context) {
        super(reason, context, null);
    }

    public ProviderUnavailableException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }
}
