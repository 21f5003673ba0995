package dev.telephony.api.error;

/** The credentials are valid but may not do this (HTTP 403 or the provider's equivalent). */
public class PermissionDeniedException extends NonRetryableException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String reason, ErrorContext context) {
        super(reason, context, null);
    }

    public PermissionDeniedException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }
}
