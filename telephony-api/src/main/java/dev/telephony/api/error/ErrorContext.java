package dev.telephony.api.error;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What is known about where an error came from: the provider, the HTTP status, the provider's own
 * error code and the provider's request id. Every part is optional, because errors raised before any
 * request (validation) know none of them.
 *
 * <p>Immutable; the {@code with…} methods return copies.
 */
public final class ErrorContext {
    private static final ErrorContext NONE = new ErrorContext(null, -1, null, null);

    private final String provider;
    private final int httpStatus;
    private final String providerCode;
    private final String requestId;

    private ErrorContext(String provider, int httpStatus, String providerCode, String requestId) {
        this.provider = provider;
        this.httpStatus = httpStatus;
        this.providerCode = providerCode;
        this.requestId = requestId;
    }

    /** No context: the error arose before any provider was involved. */
    public static ErrorContext none() {
        return NONE;
    }

    /** Context naming only the provider. */
    public static ErrorContext of(String provider) {
        return new ErrorContext(Objects.requireNonNull(provider, "provider"), -1, null, null);
    }

    public ErrorContext withProvider(String provider) {
        return new ErrorContext(Objects.requireNonNull(provider, "provider"), httpStatus, providerCode, requestId);
    }

    public ErrorContext withHttpStatus(int status) {
        return new ErrorContext(provider, status, providerCode, requestId);
    }

    public ErrorContext withProviderCode(String code) {
        return new ErrorContext(provider, httpStatus, code, requestId);
    }

    public ErrorContext withRequestId(String id) {
        return new ErrorContext(provider, httpStatus, providerCode, id);
    }

    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    public Optional<String> providerCode() {
        return Optional.ofNullable(providerCode);
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** A short suffix for exception messages, empty when nothing is known. */
    String describe() {
        StringBuilder text = new StringBuilder();
        if (provider != null) {
            text.append("provider=").append(provider);
        }
        if (httpStatus >= 0) {
            text.append(text.length() == 0 ? "" : ", ").append("status=").append(httpStatus);
        }
        if (providerCode != null) {
            text.append(text.length() == 0 ? "" : ", ").append("code=").append(providerCode);
        }
        if (requestId != null) {
            text.append(text.length() == 0 ? "" : ", ").append("requestId=").append(requestId);
        }
        return text.length() == 0 ? "" : " [" + text + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ErrorContext that
                && httpStatus == that.httpStatus
                && Objects.equals(provider, that.provider)
                && Objects.equals(providerCode, that.providerCode)
                && Objects.equals(requestId, that.requestId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, httpStatus, providerCode, requestId);
    }

    @Override
    public String toString() {
        return "ErrorContext" + (describe().isEmpty() ? "[]" : describe().trim());
    }
}
