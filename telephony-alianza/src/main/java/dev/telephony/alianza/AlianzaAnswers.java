package dev.telephony.alianza;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.Redactor;
import dev.telephony.http.RestClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads Alianza's successful answers, and refuses any that is not in the documented shape before a
 * single value is used: a body that is not JSON, a JSON type other than the one documented (an object
 * where an array belongs, a number where text belongs), a required field missing or null, or an error
 * body sent with a 2xx status ({@code {"messages":[…]}}, {@code {"error":…}}). Each of these is a
 * {@link ProtocolException} quoting a short excerpt with every secret removed, the token obtained at
 * log-in included; none is ever read as an empty result.
 *
 * <p>Which fields are required is not written in Alianza's documents: a field counts as required when
 * every example of the answer in the guide carries it and the library cannot do its work without it.
 */
final class AlianzaAnswers {
    /** Top-level keys of an error body, which a successful answer never carries. */
    private static final Set<String> ERROR_KEYS = Set.of("error", "errors", "messages");
    private static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "request-id");

    /**
     * The shared mapper's settings, without its coercions: text where a number or boolean belongs (or
     * the reverse) is a wrong type, not a value.
     */
    private static final ObjectMapper STRICT = strictMapper();

    private final RestClient client;
    private final Supplier<List<dev.telephony.api.Secret>> liveSecrets;

    AlianzaAnswers(RestClient client, Supplier<List<dev.telephony.api.Secret>> liveSecrets) {
        this.client = client;
        this.liveSecrets = liveSecrets;
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = RestClient.newMapper();
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    /** The fields an answer object must carry, each with its JSON type. */
    static Map<String, JsonNodeType> required(Object... fieldsAndTypes) {
        Map<String, JsonNodeType> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fieldsAndTypes.length; i += 2) {
            fields.put((String) fieldsAndTypes[i], (JsonNodeType) fieldsAndTypes[i + 1]);
        }
        return fields;
    }

    /** A JSON object answer, checked for {@code required} fields, as {@code type}. */
    <T> T object(HttpResponse response, Class<T> type, String what, Map<String, JsonNodeType> required) {
        JsonNode node = tree(response, what);
        if (!node.isObject()) {
            throw wrongShape(response, what, "it is not a JSON object");
        }
        check(response, node, what, required);
        return convert(response, node, STRICT.constructType(type), what);
    }

    /** A JSON array answer, each item an object checked for {@code required} fields, as items of {@code type}. */
    <T> List<T> array(HttpResponse response, Class<T> type, String what, Map<String, JsonNodeType> required) {
        JsonNode node = tree(response, what);
        if (!node.isArray()) {
            if (node.isObject()) {
                errorShaped(response, node, what);
            }
            throw wrongShape(response, what, "it is not a JSON array");
        }
        List<T> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw wrongShape(response, what, "an item is not a JSON object");
            }
            check(response, item, what, required);
            items.add(convert(response, item, STRICT.constructType(type), what));
        }
        return items;
    }

    /**
     * {@code mapping} applied to {@code item}, read from {@code response}: a value the mapping refuses (a
     * malformed number, an unknown status, an unreadable date) is Alianza's error, never the caller's.
     */
    <W, T> T mapped(HttpResponse response, W item, java.util.function.Function<W, T> mapping, String what) {
        try {
            return mapping.apply(item);
        } catch (RuntimeException refused) {
            String why = refused instanceof dev.telephony.api.error.TelephonyException t ? t.reason() : refused.getMessage();
            throw wrongShape(response, what, why == null ? refused.getClass().getSimpleName() : why);
        }
    }

    /** Whether the answer has a body at all (a 204, or a 200 without one). */
    static boolean hasBody(HttpResponse response) {
        return response.body().length > 0 && !response.text().isBlank();
    }

    /** The protocol error for an answer that parsed but says something the library cannot use. */
    ProtocolException unusable(HttpResponse response, String what, String why) {
        return wrongShape(response, what, why);
    }

    /** The context of an error built from {@code response}: the provider, the status and the request id, when there is one. */
    ErrorContext context(HttpResponse response) {
        return context(client, response);
    }

    /** {@link #context(HttpResponse)} for an answer to {@code client}. */
    static ErrorContext context(RestClient client, HttpResponse response) {
        ErrorContext context = client.context().withHttpStatus(response.status());
        for (String header : REQUEST_ID_HEADERS) {
            if (response.header(header).isPresent()) {
                return context.withRequestId(response.header(header).get());
            }
        }
        return context;
    }

    private JsonNode tree(HttpResponse response, String what) {
        String contentType = response.header("Content-Type").orElse("application/json").toLowerCase(Locale.ROOT);
        if (!contentType.contains("json")) {
            throw wrongShape(response, what, "its content type is " + client.redactor().redact(contentType.strip()));
        }
        try {
            JsonNode node = STRICT.readTree(response.body());
            if (node == null || node.isMissingNode() || node.isNull()) {
                throw wrongShape(response, what, "it is empty");
            }
            return node;
        } catch (IOException unreadable) {
            throw wrongShape(response, what, "it is not JSON");
        }
    }

    private void check(HttpResponse response, JsonNode node, String what, Map<String, JsonNodeType> required) {
        errorShaped(response, node, what);
        for (Map.Entry<String, JsonNodeType> field : required.entrySet()) {
            JsonNode value = node.get(field.getKey());
            if (value == null || value.isNull()) {
                throw wrongShape(response, what, "it has no " + field.getKey());
            }
            if (value.getNodeType() != field.getValue()
                    || (value.isTextual() && value.asText().isBlank())) {
                throw wrongShape(response, what, field.getKey() + " is not " + article(field.getValue()));
            }
        }
    }

    private void errorShaped(HttpResponse response, JsonNode node, String what) {
        for (String key : ERROR_KEYS) {
            if (node.has(key)) {
                throw wrongShape(response, what, "it is an error body (" + key + ")");
            }
        }
    }

    private <T> T convert(HttpResponse response, JsonNode node, JavaType type, String what) {
        try {
            T value = STRICT.treeToValue(node, type);
            if (value == null) {
                throw wrongShape(response, what, "it is empty");
            }
            return value;
        } catch (IOException | IllegalArgumentException wrongTypes) {
            throw wrongShape(response, what, "a field has the wrong type");
        }
    }

    private ProtocolException wrongShape(HttpResponse response, String what, String why) {
        Redactor live = new Redactor(liveSecrets.get());
        String excerpt = live.excerpt(client.redactor().redact(response.text()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new ProtocolException("Alianza's answer is not " + what + " in the documented shape (" + why + ")"
                + (excerpt.isEmpty() ? "" : ": '" + excerpt + "'"), context(response));
    }

    private static String article(JsonNodeType type) {
        return switch (type) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }
}
