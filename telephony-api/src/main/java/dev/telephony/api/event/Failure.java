package dev.telephony.api.event;

import dev.telephony.api.error.RetryableException;
import dev.telephony.api.error.TelephonyException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What went wrong, without the words: the error's type and the provider's status, code and request id.
 * Messages are left out on purpose, since a provider's words are not ours to vouch for.
 *
 * @param type         the exception's simple class name, such as {@code NumberNotAvailableException}
 *                     (a small, fixed set for the library's own errors)
 * @param retryable    whether the error is one worth retrying ({@link RetryableException})
 * @param httpStatus   the provider's HTTP status, if the error came with one
 * @param providerCode the provider's own error code, if any
 * @param requestId    the provider's request id, if any
 */
public record Failure(String type, boolean retryable, OptionalInt httpStatus, Optional<String> providerCode,
                      Optional<String> requestId) {
    public Failure {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(httpStatus, "httpStatus");
        Objects.requireNonNull(providerCode, "providerCode");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** The failure {@code error} stands for. */
    public static Failure of(Throwable error) {
        Objects.requireNonNull(error, "error");
        if (error instanceof TelephonyException t) {
            return new Failure(error.getClass().getSimpleName(), error instanceof RetryableException,
                    t.httpStatus(), t.providerCode(), t.requestId());
        }
        return new Failure(error.getClass().getSimpleName(), false, OptionalInt.empty(), Optional.empty(), Optional.empty());
    }
}
