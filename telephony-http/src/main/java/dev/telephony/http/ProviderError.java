package dev.telephony.http;

import dev.telephony.api.error.FieldError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider's error body said, in neutral form.
 *
 * @param message     the provider's message (already redacted)
 * @param code        the provider's error code, if it gave one
 * @param fieldErrors the fields it blamed, if any
 */
public record ProviderError(String message, Optional<String> code, List<FieldError> fieldErrors) {
    public ProviderError {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
        fieldErrors = List.copyOf(fieldErrors);
    }

    /** An error with only a message. */
    public static ProviderError of(String message) {
        return new ProviderError(message, Optional.empty(), List.of());
    }
}
