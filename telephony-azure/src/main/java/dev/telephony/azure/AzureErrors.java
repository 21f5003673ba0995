package dev.telephony.azure;

import com.azure.communication.phonenumbers.models.PhoneNumberError;
import com.azure.communication.phonenumbers.models.PhoneNumberErrorResponseException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;
import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.FieldError;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.PermissionDeniedException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.QuotaExceededException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.error.TelephonyException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The SDK's exceptions and Azure's {@code CommunicationErrorResponse} bodies, mapped to the neutral
 * types in one place: 404 not found, 401/403 authentication and permission, 429 rate limited, quota
 * errors as quota exceeded, 5xx and I/O failures unavailable, unreadable answers a protocol error.
 */
final class AzureErrors {
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final java.util.regex.Pattern MESSAGE = java.util.regex.Pattern.compile("\"message\"\\s*:\\s*\"([^\"]+)\"");
    private final Clock clock;

    AzureErrors(Clock clock) {
        this.clock = clock;
    }

    /** Runs an SDK call, translating whatever it throws. */
    <T> T call(Supplier<T> sdkCall) {
        try {
            return sdkCall.get();
        } catch (TelephonyException already) {
            throw already;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    TelephonyException translate(RuntimeException e) {
        HttpResponseException http = find(e, HttpResponseException.class);
        if (http != null && http.getResponse() != null) {
            return fromResponse(http);
        }
        if (find(e, IOException.class) != null || find(e, TimeoutException.class) != null
                || e.getClass().getName().contains("Timeout") || String.valueOf(e.getMessage()).contains("Timeout")) {
            return new ProviderUnavailableException("Azure could not be reached or did not answer in time"
                    + " (the request may have been carried out): " + e.getClass().getSimpleName(), context(), null);
        }
        return new ProtocolException("Azure's answer could not be read: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + shorten(e.getMessage())), context(), null);
    }

    private TelephonyException fromResponse(HttpResponseException http) {
        HttpResponse response = http.getResponse();
        int status = response.getStatusCode();
        ErrorContext context = context().withHttpStatus(status);
        String requestId = Optional.ofNullable(response.getHeaderValue("x-ms-request-id"))
                .or(() -> Optional.ofNullable(response.getHeaderValue("MS-CV")))
                .orElse(response.getRequest() == null ? null : response.getRequest().getHeaders().getValue("x-ms-client-request-id"));
        if (requestId != null) {
            context = context.withRequestId(requestId);
        }
        String code = null;
        String message = null;
        if (http instanceof PhoneNumberErrorResponseException phone && phone.getValue() != null) {
            PhoneNumberError error = phone.getValue();
            code = error.getCode();
            message = error.getMessage();
        }
        if (code == null && http.getValue() instanceof java.util.Map<?, ?> body && body.get("error") instanceof java.util.Map<?, ?> error) {
            code = error.get("code") == null ? null : String.valueOf(error.get("code"));
            message = error.get("message") == null ? null : String.valueOf(error.get("message"));
        }
        if (code == null) {
            // azure-core quotes the body in its message when it could not give it a type
            java.util.regex.Matcher quoted = CODE.matcher(String.valueOf(http.getMessage()));
            if (quoted.find()) {
                code = quoted.group(1);
            }
            java.util.regex.Matcher said = MESSAGE.matcher(String.valueOf(http.getMessage()));
            if (message == null && said.find()) {
                message = said.group(1);
            }
        }
        if (message == null) {
            message = shorten(String.valueOf(http.getMessage()));
        }
        if (code != null) {
            context = context.withProviderCode(code);
        }
        String lower = code == null ? "" : code.toLowerCase(Locale.ROOT);
        if (lower.contains("quota") || lower.contains("limit")) {
            return new QuotaExceededException("an Azure limit forbids this: " + message, context);
        }
        return switch (status) {
            case 400, 422 -> new InvalidRequestException(List.of(new FieldError(code == null ? "request" : code, message)), context);
            case 401 -> new AuthenticationException("Azure refused the credentials: " + message, context);
            case 403 -> new PermissionDeniedException("the credentials may not do this: " + message, context);
            case 404 -> new NotFoundException(message, context);
            case 409 -> new ConflictException(message, context);
            case 429 -> new RateLimitedException("Azure asked us to slow down: " + message, context, retryAfter(response).orElse(null));
            default -> status >= 500
                    ? new ProviderUnavailableException("Azure failed: " + message, context)
                    : status < 300
                    ? new ProtocolException("Azure's answer could not be read: " + message, context)
                    : new InvalidRequestException(List.of(new FieldError("request", message)), context);
        };
    }

    private Optional<Duration> retryAfter(HttpResponse response) {
        for (String name : List.of("retry-after-ms", "x-ms-retry-after-ms")) {
            String value = response.getHeaderValue(name);
            if (value != null) {
                try {
                    return Optional.of(Duration.ofMillis(Long.parseLong(value.strip())));
                } catch (NumberFormatException ignored) {
                    // try the next form
                }
            }
        }
        String value = response.getHeaderValue("Retry-After");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(clock.instant(), ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (RuntimeException notADate) {
                return Optional.empty();
            }
        }
    }

    ErrorContext context() {
        return ErrorContext.of(AzureProvider.NAME);
    }

    private static <X extends Throwable> X find(Throwable e, Class<X> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 160 ? line : line.substring(0, 160) + "…";
    }
}
