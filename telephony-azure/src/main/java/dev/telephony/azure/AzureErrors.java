package dev.telephony.azure;

import com.azure.communication.phonenumbers.models.PhoneNumberError;
import com.azure.communication.phonenumbers.models.PhoneNumberErrorResponseException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.FieldError;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotFoundException;
import dev.telephony.api.error.PermissionDeniedException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.QuotaExceededException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.error.TelephonyException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Azure's answers and the SDK's exceptions, mapped to the neutral types in one place. Azure's words come
 * from its {@code CommunicationErrorResponse} body ({@code {"error":{"code","message","target"}}}): 404
 * not found, 401 authentication, 403 permission (or, for an operation on one number, "not owned by this
 * resource": that number is not the account's), 429 rate limited, quota codes as quota exceeded, 5xx
 * and failures to reach Azure unavailable, anything unreadable a protocol error. Every exception built
 * from an answer carries its status, Azure's code and message and the request id.
 */
final class AzureErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Clock clock;

    AzureErrors(Clock clock) {
        this.clock = clock;
    }

    /** What a {@code CommunicationErrorResponse} said; each part may be missing. */
    record AzureError(String code, String message, String target) {
        static final AzureError NONE = new AzureError(null, null, null);

        /** The error of a body, or {@link #NONE} when the body is not a {@code CommunicationErrorResponse}. */
        static AzureError of(byte[] body) {
            if (body == null || body.length == 0) {
                return NONE;
            }
            try {
                JsonNode error = JSON.readTree(body).path("error");
                if (!error.isObject()) {
                    return NONE;
                }
                return new AzureError(text(error, "code"), text(error, "message"), text(error, "target"));
            } catch (IOException | RuntimeException notJson) {
                return NONE;
            }
        }

        /** The error an operation reports in its {@code error} member. */
        static AzureError of(JsonNode error) {
            if (error == null || !error.isObject()) {
                return NONE;
            }
            return new AzureError(text(error, "code"), text(error, "message"), text(error, "target"));
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || !value.isValueNode() || value.isNull() ? null : shorten(value.asText());
        }
    }

    /**
     * An answer refused in the SDK's pipeline before the SDK read it: a body that is not JSON (an HTML
     * error page, XML; the SDK's XML reader is not on the class path and it would never return), or a
     * successful answer that is not in the shape Azure documents for it ({@link AzureShapes}).
     */
    static final class UnreadableAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final transient HttpHeaders headers;
        final transient HttpRequest request;

        /** @param what what is wrong, after "Azure's answer" */
        UnreadableAnswer(int status, String what, HttpHeaders headers, HttpRequest request) {
            super("Azure's answer " + what + " (HTTP " + status + ")");
            this.status = status;
            this.headers = headers;
            this.request = request;
        }
    }

    /** Runs a call, translating whatever it throws. */
    <T> T call(Supplier<T> call) {
        return callOn(null, call);
    }

    /**
     * Runs a call on one number: Azure's "not found" and "not owned by this resource" both mean the
     * account does not own {@code number}, a {@link NumberNotFoundException}.
     */
    <T> T callOn(PhoneNumber number, Supplier<T> call) {
        try {
            return call.get();
        } catch (TelephonyException already) {
            throw number != null && already instanceof NotFoundException && !(already instanceof NumberNotFoundException)
                    ? new NumberNotFoundException(number, already.context()) : already;
        } catch (RuntimeException e) {
            throw translate(e, number);
        }
    }

    TelephonyException translate(RuntimeException e) {
        return translate(e, null);
    }

    TelephonyException translate(RuntimeException e, PhoneNumber number) {
        TelephonyException typed = find(e, TelephonyException.class);
        if (typed != null) {
            return typed;
        }
        UnreadableAnswer unreadable = find(e, UnreadableAnswer.class);
        if (unreadable != null) {
            return fromAnswer(unreadable.status, unreadable.headers, unreadable.request, AzureError.NONE, unreadable.getMessage(), number);
        }
        HttpResponseException http = find(e, HttpResponseException.class);
        if (http != null && http.getResponse() != null) {
            HttpResponse response = http.getResponse();
            AzureError error = AzureError.NONE;
            if (http instanceof PhoneNumberErrorResponseException phone && phone.getValue() != null) {
                PhoneNumberError value = phone.getValue();
                error = new AzureError(value.getCode(), value.getMessage(), value.getTarget());
            } else if (http instanceof com.azure.communication.phonenumbers.implementation.models.CommunicationErrorResponseException
                    numbers && numbers.getValue() != null && numbers.getValue().getError() != null) {
                var value = numbers.getValue().getError();
                error = new AzureError(value.getCode(), value.getMessage(), value.getTarget());
            } else if (http instanceof com.azure.communication.phonenumbers.siprouting.implementation.models.CommunicationErrorResponseException
                    sip && sip.getValue() != null && sip.getValue().getError() != null) {
                var value = sip.getValue().getError();
                error = new AzureError(value.getCode(), value.getMessage(), value.getTarget());
            } else if (http.getValue() instanceof Map<?, ?> body && body.get("error") instanceof Map<?, ?> inner) {
                error = new AzureError(string(inner.get("code")), string(inner.get("message")), string(inner.get("target")));
            }
            String fallback = response.getStatusCode() < 300
                    ? "Azure's answer could not be read (" + describe(http.getCause() == null ? http : http.getCause()) + ")"
                    : "Azure answered HTTP " + response.getStatusCode();
            return fromAnswer(response.getStatusCode(), response.getHeaders(), response.getRequest(), error, fallback, number);
        }
        if (unreachable(e)) {
            return new ProviderUnavailableException("Azure could not be reached or did not answer in time"
                    + " (the request may have been carried out): " + describe(rootOf(e)), context(), e);
        }
        // a failure on this side (a link that is not a URL, a body the SDK could not map): not an outage, never retried
        return new ProtocolException("Azure's answer could not be used: " + describe(rootOf(e)), context(), e);
    }

    /**
     * The exception for an answer with status {@code status}, from Azure's error body.
     *
     * @param fallback the message when Azure's body says none
     * @param number   the one number the request was about, or null
     */
    TelephonyException fromAnswer(int status, HttpHeaders headers, HttpRequest request, AzureError error, String fallback,
                                  PhoneNumber number) {
        ErrorContext context = context().withHttpStatus(status);
        String requestId = requestId(headers, request);
        if (requestId != null) {
            context = context.withRequestId(requestId);
        }
        if (error.code() != null) {
            context = context.withProviderCode(error.code());
        }
        String message = error.message() != null ? error.message() : fallback;
        String lower = error.code() == null ? "" : error.code().toLowerCase(Locale.ROOT);
        if (status >= 400 && status < 500 && status != 429 && (lower.contains("quota") || lower.contains("limit"))) {
            return new QuotaExceededException("an Azure limit forbids this: " + message, context);
        }
        if (number != null && (status == 404 || (status == 403 && notOwned(error)))) {
            return new NumberNotFoundException(number, context);
        }
        return switch (status) {
            case 400, 422 -> new InvalidRequestException(List.of(new FieldError(
                    error.target() != null ? error.target() : error.code() != null ? error.code() : "request", message)), context);
            case 401 -> new AuthenticationException("Azure refused the credentials: " + message, context);
            case 403 -> new PermissionDeniedException("the credentials may not do this: " + message, context);
            case 404 -> new NotFoundException(message, context);
            case 409 -> new ConflictException(message, context);
            case 429 -> new RateLimitedException("Azure asked us to slow down: " + message, context, retryAfter(headers).orElse(null));
            default -> status >= 500
                    ? new ProviderUnavailableException("Azure failed: " + message, context)
                    : status < 400
                    ? new ProtocolException(status < 300 ? message : "Azure answered HTTP " + status + ", which this request does not expect: "
                            + message, context)
                    : new InvalidRequestException(List.of(new FieldError("request", message)), context);
        };
    }

    /** The context of an answer Azure gave: its status and request id. */
    ErrorContext context(int status, HttpHeaders headers, HttpRequest request) {
        ErrorContext context = context().withHttpStatus(status);
        String requestId = requestId(headers, request);
        return requestId == null ? context : context.withRequestId(requestId);
    }

    /** A 200-class answer that is not in the shape Azure documents for it. */
    ProtocolException unexpected(String what, int status, HttpHeaders headers, HttpRequest request) {
        ErrorContext context = context().withHttpStatus(status);
        String requestId = requestId(headers, request);
        return new ProtocolException("Azure's answer " + what, requestId == null ? context : context.withRequestId(requestId));
    }

    /**
     * Whether a 403 says the number is not the resource's: Azure answers updates of a number another
     * resource owns with {@code InsufficientPermissions}, "Phone number not owned by this resource."
     */
    private static boolean notOwned(AzureError error) {
        String message = error.message() == null ? "" : error.message().toLowerCase(Locale.ROOT);
        return message.contains("not owned");
    }

    private static String requestId(HttpHeaders headers, HttpRequest request) {
        if (headers != null) {
            for (String name : List.of("x-ms-request-id", "MS-CV", "X-Azure-Ref")) {
                String value = headers.getValue(name);
                if (value != null && !value.isBlank()) {
                    return shorten(value);
                }
            }
        }
        if (request != null) {
            String sent = request.getHeaders().getValue("x-ms-client-request-id");
            if (sent != null && !sent.isBlank()) {
                return shorten(sent);
            }
        }
        return null;
    }

    private Optional<Duration> retryAfter(HttpHeaders headers) {
        if (headers == null) {
            return Optional.empty();
        }
        for (String name : List.of("retry-after-ms", "x-ms-retry-after-ms")) {
            String value = headers.getValue(name);
            if (value != null) {
                try {
                    long millis = Long.parseLong(value.strip());
                    if (millis >= 0) {
                        return Optional.of(Duration.ofMillis(millis));
                    }
                } catch (NumberFormatException ignored) {
                    // try the next form
                }
            }
        }
        String value = headers.getValue("Retry-After");
        if (value == null) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds < 0 || seconds > Duration.ofDays(365).toSeconds() ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
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

    /**
     * Whether the failure is one of reaching Azure (refused or reset connection, no answer in time):
     * the request may have been carried out. Reading an answer that arrived, or making a request at
     * all (a malformed URL), is not.
     */
    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof java.net.MalformedURLException || t instanceof java.io.CharConversionException
                    || name.startsWith("com.fasterxml.jackson.") || name.startsWith("com.azure.json.")) {
                return false;
            }
            if (t instanceof TimeoutException || t instanceof ConnectException || t instanceof SocketException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException || t instanceof ClosedChannelException
                    || name.contains("Timeout") || name.endsWith("PrematureCloseException")
                    || name.startsWith("io.netty.channel.") || t instanceof java.io.EOFException
                    || (t instanceof IOException && t.getClass() == IOException.class)
                    || (t instanceof java.io.UncheckedIOException && t.getCause() != null && unreachable(t.getCause()))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + shorten(t.getMessage()));
    }

    private static String string(Object value) {
        return value == null ? null : shorten(String.valueOf(value));
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

    /** One line of at most 160 characters: what an exception message may quote of an answer. */
    static String shorten(String text) {
        String value = String.valueOf(text);
        // a request id on every answer has no whitespace to fold: no regular expression for it
        String line = (foldsWhitespace(value) ? WHITESPACE.matcher(value).replaceAll(" ") : value).strip();
        return line.length() <= 160 ? line : line.substring(0, 160) + "…";
    }

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    /** Whether folding {@code \s+} into one space changes {@code text}: any whitespace but a space, or two spaces in a row. */
    private static boolean foldsWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r'
                    || c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                return true;
            }
        }
        return false;
    }
}
