package dev.telephony.alianza;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.alianza.internal.PublicApiError;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.Secret;
import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.FieldError;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.http.ErrorTranslator;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.ProviderError;
import dev.telephony.http.Redactor;
import dev.telephony.http.RestClient;
import dev.telephony.http.StatusErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Alianza's error answers, mapped to the neutral exceptions in one place. Errors come as the
 * {@code PublicApiException} body {@code {status, messages[], data}} (400, 401, 404, 422), or as a
 * bare status. Every exception carries the HTTP status, the request id when the answer has one, the
 * provider code and Alianza's messages as its message. A message that is a single identifier
 * ({@code TelephoneNumberNotAvailable}) is kept as the provider code; the keys of {@code data} name
 * the fields a 400 or 422 is about, and its values are never quoted as the message.
 *
 * <p>An order refused because a number is not in inventory, not available, in use or already taken
 * is {@link NumberNotAvailableException}. Nothing quoted from a body keeps a secret: the configured
 * ones, the auth token obtained at log-in, and any PIN or password the request itself carried.
 */
final class AlianzaErrors implements ErrorTranslator {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{2,80}");
    private static final Pattern NOT_AVAILABLE = Pattern.compile(
            "not ?available|not in inventory|in ?use|already|taken|unavailable", Pattern.CASE_INSENSITIVE);
    /** What a {@code data} key naming a field looks like (a name or a dotted path), not free text. */
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\[\\]-]{0,80}");
    private static final Set<String> SECRET_FIELDS = Set.of("pin", "password", "authtoken");

    private final Supplier<List<Secret>> liveSecrets;

    /**
     * @param liveSecrets secrets that appear after the client was built (the auth token obtained at log-in)
     */
    AlianzaErrors(Supplier<List<Secret>> liveSecrets) {
        this.liveSecrets = liveSecrets;
    }

    @Override
    public TelephonyException translate(HttpRequest request, HttpResponse response, ErrorContext context,
                                        Optional<Duration> retryAfter, Redactor redactor) {
        Scrubber scrub = scrubber(request, redactor);
        ParsedError parsed = read(response, scrub);
        ProviderError error = parsed.error();
        ErrorContext full = error.code().map(context::withProviderCode).orElse(context);
        int status = response.status();
        if (isLogIn(request) && (status == 400 || status == 401 || status == 403 || status == 404)) {
            // the public OpenAPI answers a refused log-in with 400, 401 or 404: each means these credentials get no token
            return new AuthenticationException("the log-in was refused: " + error.message(), full);
        }
        if (status == 401) {
            return new AuthenticationException("the provider refused the credentials: " + error.message(), full);
        }
        if ((status == 400 || status == 409 || status == 422) && isOrder(request) && NOT_AVAILABLE.matcher(
                error.message() + " " + error.code().orElse("")).find()) {
            return new NumberNotAvailableException(parsed.numbers().isEmpty() ? orderedNumbers(request) : parsed.numbers(),
                    error.message(), full, null);
        }
        if (status == 409) {
            return new ConflictException(error.message(), full);
        }
        return StatusErrors.byStatus(status, error, context, retryAfter);
    }

    /** What the answer said, with any numbers its {@code data} names. */
    record ParsedError(ProviderError error, List<PhoneNumber> numbers) {
    }

    /**
     * Alianza's own words are the message: every entry of {@code messages}, in order. {@code data}
     * only says which fields the messages are about (its keys) and which numbers (its
     * {@code telephoneNumber…} entries); its values are never shown as if they were the message.
     */
    ParsedError read(HttpResponse response, Scrubber redactor) {
        try {
            JsonNode tree = RestClient.sharedMapper().readTree(response.body());
            PublicApiError body = tree != null && tree.isObject() && (tree.has("messages") || tree.has("status"))
                    ? RestClient.sharedMapper().treeToValue(tree, PublicApiError.class) : null;
            if (body != null && (!body.messages().isEmpty() || body.status() != null)) {
                Optional<String> code = body.messages().stream().filter(m -> IDENTIFIER.matcher(m).matches()).findFirst();
                String message = redactor.redact(body.messages().isEmpty() ? "HTTP " + response.status()
                        : String.join("; ", body.messages()));
                List<String> fields = new ArrayList<>();
                List<PhoneNumber> numbers = new ArrayList<>();
                if (body.data() != null && body.data().isObject()) {
                    for (Map.Entry<String, JsonNode> entry : body.data().properties()) {
                        String key = entry.getKey().toLowerCase(Locale.ROOT);
                        if (key.startsWith("telephonenumber")) {
                            numbers.addAll(numbers(entry.getValue()));
                        } else if (FIELD.matcher(entry.getKey()).matches()) {
                            // a field's name is never secret, only its value, which is never quoted
                            fields.add(entry.getKey());
                        }
                    }
                }
                List<FieldError> blamed = fields.isEmpty() ? List.of() : List.of(new FieldError(String.join(", ", fields), message));
                return new ParsedError(new ProviderError(message, code, blamed), List.copyOf(numbers));
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            // not the documented shape: quote a short excerpt instead
        }
        String excerpt = redactor.excerpt(response.body());
        return new ParsedError(ProviderError.of("HTTP " + response.status() + (excerpt.isEmpty() ? "" : " '" + excerpt + "'")), List.of());
    }

    private static List<PhoneNumber> numbers(JsonNode value) {
        List<PhoneNumber> numbers = new ArrayList<>();
        for (JsonNode item : value.isArray() ? value : List.of(value)) {
            try {
                numbers.add(PhoneNumber.of(item.asText()));
            } catch (RuntimeException notANumber) {
                // a note rather than a number: the message says it all
            }
        }
        return numbers;
    }

    private static boolean isLogIn(HttpRequest request) {
        return request.method().equals("POST") && request.path().equals(AlianzaPaths.AUTHORIZE);
    }

    private static boolean isOrder(HttpRequest request) {
        return request.method().equals("POST") && (request.path().endsWith("/telephone-number/order")
                || request.path().endsWith("/telephone-number/order/tollfree"));
    }

    /** The numbers an order request named, read back from its own body. */
    private List<PhoneNumber> orderedNumbers(HttpRequest request) {
        List<PhoneNumber> numbers = new ArrayList<>();
        request.body().ifPresent(bytes -> {
            try {
                JsonNode body = RestClient.sharedMapper().readTree(bytes);
                numbers.addAll(numbers(body.path("telephoneNumbers")));
                if (body.hasNonNull("telephoneNumber")) {
                    numbers.addAll(numbers(body.get("telephoneNumber")));
                }
            } catch (IOException notJson) {
                // nothing to name
            }
        });
        return numbers;
    }

    /** Hides the configured secrets, the live ones, and any secret field the request carried. */
    private Scrubber scrubber(HttpRequest request, Redactor configured) {
        List<Secret> more = new ArrayList<>(liveSecrets.get());
        request.body().ifPresent(bytes -> {
            try {
                collectSecrets(RestClient.sharedMapper().readTree(bytes), more);
            } catch (IOException notJson) {
                // a form or no body: nothing secret of ours in it
            }
        });
        return new Scrubber(configured, new Redactor(more));
    }

    /** Two redactors applied in turn: the client's, then this request's. */
    record Scrubber(Redactor configured, Redactor extra) {
        String redact(String text) {
            return extra.redact(configured.redact(text));
        }

        String excerpt(byte[] body) {
            return extra.excerpt(configured.redact(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void collectSecrets(JsonNode node, List<Secret> into) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (SECRET_FIELDS.contains(e.getKey().toLowerCase(Locale.ROOT)) && e.getValue().isTextual()
                        && !e.getValue().asText().isBlank()) {
                    into.add(Secret.of(e.getKey(), e.getValue().asText()));
                } else {
                    collectSecrets(e.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectSecrets(item, into));
        }
    }
}
