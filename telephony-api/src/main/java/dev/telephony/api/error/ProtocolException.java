package dev.telephony.api.error;

/** The provider answered something this library cannot understand (an unparseable or unexpected body). The message quotes at most a short, secret-free excerpt. */
public class ProtocolException extends NonRetryableException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String reason, ErrorContext context) {
        super(reason, context, null);
    }

    public ProtocolException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }
}
