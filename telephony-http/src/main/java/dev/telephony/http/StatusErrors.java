package dev.telephony.http;

import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.FieldError;
import dev.telephony.api.error.InsufficientFundsException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.PermissionDeniedException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.error.TelephonyException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The mapping from HTTP status to neutral exception that every REST provider starts from. */
public final class StatusErrors {
    private StatusErrors() {
    }

    /** The neutral exception for {@code status}, carrying what the provider said. */
    public static TelephonyException byStatus(int status, ProviderError error, ErrorContext context,
                                              Optional<Duration> retryAfter) {
        ErrorContext full = error.code().map(context::withProviderCode).orElse(context);
        String message = error.message();
        return switch (status) {
            case 400, 422 -> new InvalidRequestException(error.fieldErrors().isEmpty()
                    ? List.of(new FieldError("request", message)) : error.fieldErrors(), full);
            case 401 -> new AuthenticationException("the provider refused the credentials: " + message, full);
            case 402 -> new InsufficientFundsException(message, full);
            case 403 -> new PermissionDeniedException("the credentials may not do this: " + message, full);
            case 404 -> new NotFoundException(message, full);
            case 409 -> new ConflictException(message, full);
            case 429 -> new RateLimitedException("the provider asked us to slow down: " + message, full, retryAfter.orElse(null));
            case 408 -> new ProviderUnavailableException("the provider timed out: " + message, full);
            default -> status >= 500
                    ? new ProviderUnavailableException("the provider failed: " + message, full)
                    : new InvalidRequestException(List.of(new FieldError("request", message)), full);
        };
    }

    /**
     * A translator for providers whose error bodies are a JSON object with a code and a message, such as
     * {@code {"code":"not_found","message":"…"}}: the status picks the exception, which carries the
     * provider's code and (redacted) message. A body of any other shape gives the status alone.
     */
    public static ErrorTranslator jsonFields(String codeField, String messageField) {
        return (request, response, context, retryAfter, redactor) -> {
            Optional<String> code = Optional.empty();
            String message = "HTTP " + response.status();
            try {
                com.fasterxml.jackson.databind.JsonNode body = RestClient.sharedMapper().readTree(response.text());
                if (body != null && body.isObject()) {
                    code = Optional.ofNullable(body.path(codeField).isValueNode() ? body.path(codeField).asText(null) : null);
                    if (body.path(messageField).isTextual()) {
                        message = redactor.redact(body.path(messageField).asText());
                    }
                }
            } catch (java.io.IOException notJson) {
                // the status alone says what happened
            }
            return byStatus(response.status(), new ProviderError(message, code, List.of()), context, retryAfter);
        };
    }

    /** A translator that reads nothing from the body: status alone. */
    public static ErrorTranslator statusOnly() {
        return (request, response, context, retryAfter, redactor) -> byStatus(response.status(),
                ProviderError.of("HTTP " + response.status()), context, retryAfter);
    }
}
