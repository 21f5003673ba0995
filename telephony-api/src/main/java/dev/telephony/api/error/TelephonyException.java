package dev.telephony.api.error;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Root of every error this library raises. Unchecked. Each carries an {@link ErrorContext} (provider,
 * HTTP status, provider error code, request id, where known) and says whether retrying the same
 * call later may succeed ({@link #isRetryable()}).
 *
 * <p>Messages never contain secrets: providers build them from status, codes and short,
 * secret-free excerpts only.
 */
public abstract class TelephonyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorContext context;
    private final String reason;

    protected TelephonyException(String reason, ErrorContext context, Throwable cause) {
        super(reason + Objects.requireNonNull(context, "context").describe(), cause);
        this.reason = reason;
        this.context = context;
    }

    /** The reason alone, without the context suffix that {@link #getMessage()} adds. */
    public String reason() {
        return reason;
    }

    public ErrorContext context() {
        return context;
    }

    public Optional<String> provider() {
        return context.provider();
    }

    public OptionalInt httpStatus() {
        return context.httpStatus();
    }

    public Optional<String> providerCode() {
        return context.providerCode();
    }

    public Optional<String> requestId() {
        return context.requestId();
    }

    /** Whether the same call may succeed if repeated later, unchanged. */
    public abstract boolean isRetryable();
}
