package dev.telephony.signalwire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberStatus;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.Route;
import dev.telephony.api.WebhookMethod;
import dev.telephony.api.spi.DateTimes;
import dev.telephony.http.JsonTokens;
import dev.telephony.http.WebhookUris;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SignalWire's number objects, mapped to neutral values. Every reader here is strict: a field the
 * documents require that is missing, of the wrong type or not a value they allow throws
 * {@link IllegalArgumentException}, which the callers turn into a
 * {@link dev.telephony.api.error.ProtocolException}. Nothing is filled in from what was asked.
 */
final class SignalWireNumbers {
    static final String LAML_WEBHOOKS = "laml_webhooks";
    /** Fields of the phone-number object that have a typed home in {@link OwnedNumber}. */
    private static final Set<String> TYPED = Set.of("id", "number", "name", "capabilities", "number_type", "created_at");
    /** The NANP area codes in service for toll-free numbers. */
    private static final Set<String> TOLL_FREE_NPAS = Set.of("800", "833", "844", "855", "866", "877", "888");

    private SignalWireNumbers() {
    }

    /**
     * A search result, in either documented shape: {@code number} or {@code e164}; capabilities as an
     * array of strings or an object of booleans. Its type is SignalWire's {@code number_type} when the
     * item has one, else what the number itself is (see {@link #typeOf(PhoneNumber)}).
     */
    static AvailableNumber offer(JsonNode item) {
        requireObject(item, "a search result");
        // text() rather than nullableText(): no Optional or lambda per field of each of a search's results
        String e164 = text(item, "e164");
        if (e164 == null) {
            e164 = text(item, "number");
        }
        if (e164 == null) {
            throw new IllegalArgumentException("a search result without e164 or number");
        }
        PhoneNumber number = PhoneNumber.of(e164);
        return offer(number, item.hasNonNull("number_type") ? numberType(item) : typeOf(number), text(item, "country_code"),
                features(required(item, "capabilities")), text(item, "region"), text(item, "city"), text(item, "rate_center"),
                text(item, "lata"), text(item, "national_number_formatted"), text(item, "international_number_formatted"));
    }

    /**
     * A search result read straight from its tokens, the parser on the item's {@code START_OBJECT}; it
     * declines (see {@link JsonTokens}) whatever {@link #offer(JsonNode)} would not read as it is.
     */
    static AvailableNumber offer(JsonParser item) throws IOException {
        String e164 = null;
        String listed = null;
        String type = null;
        String country = null;
        String region = null;
        String city = null;
        String rateCenter = null;
        String lata = null;
        String national = null;
        String international = null;
        Set<NumberFeature> features = null;
        for (String field = item.nextFieldName(); field != null; field = item.nextFieldName()) {
            item.nextToken();
            switch (field) {
                case "e164" -> e164 = JsonTokens.text(item);
                case "number" -> listed = JsonTokens.text(item);
                // a null number_type is read as none; an empty one is refused by the tree reading
                case "number_type" -> type = item.currentToken() == JsonToken.VALUE_NULL ? null : required(JsonTokens.text(item));
                case "country_code" -> country = JsonTokens.text(item);
                case "region" -> region = JsonTokens.text(item);
                case "city" -> city = JsonTokens.text(item);
                case "rate_center" -> rateCenter = JsonTokens.text(item);
                case "lata" -> lata = JsonTokens.text(item);
                case "national_number_formatted" -> national = JsonTokens.text(item);
                case "international_number_formatted" -> international = JsonTokens.text(item);
                case "capabilities" -> features = features(item);
                default -> item.skipChildren();
            }
        }
        if (features == null) {
            throw JsonTokens.decline();
        }
        PhoneNumber number = PhoneNumber.of(required(e164 != null ? e164 : listed));
        return offer(number, type != null ? numberType(type) : typeOf(number), country, features, region, city, rateCenter,
                lata, national, international);
    }

    private static String required(String text) {
        if (text == null) {
            throw JsonTokens.decline();
        }
        return text;
    }

    /** A search result from the fields either reader took from it, in the order the tree reading checks them. */
    private static AvailableNumber offer(PhoneNumber number, NumberType type, String country, Set<NumberFeature> features,
                                         String region, String city, String rateCenter, String lata, String national,
                                         String international) {
        return AvailableNumber.builder(number)
                .type(type)
                .features(features)
                .countryCode(country != null ? country : number.regionCode().orElse(number.isNanp() ? "US" : null))
                .region(region)
                .locality(city)
                .rateCenter(rateCenter)
                .attribute("lata", lata)
                .attribute("national_number_formatted", national)
                .attribute("international_number_formatted", international)
                .build();
    }

    /**
     * What a North American number is by its area code: toll-free for the toll-free NPAs, else local.
     * SignalWire sells North American numbers only, and its search results carry no type.
     */
    static NumberType typeOf(PhoneNumber number) {
        return number.isNanp() && TOLL_FREE_NPAS.contains(number.nationalNumber().substring(0, 3))
                ? NumberType.TOLL_FREE : NumberType.LOCAL;
    }

    /** A phone-number object: typed fields mapped, every other field kept as a provider attribute. */
    static OwnedNumber owned(JsonNode item) {
        requireObject(item, "a phone number");
        String id = requiredText(item, "id");
        PhoneNumber number = PhoneNumber.of(requiredText(item, "number"));
        OwnedNumber.Builder owned = OwnedNumber.builder(id, number)
                .name(nullableText(item, "name").orElse(null))
                .type(numberType(item))
                .features(features(required(item, "capabilities")))
                .status(NumberStatus.ACTIVE)
                .createdAt(instant(requiredText(item, "created_at")))
                .voiceRoute(route(item, "call", LAML_WEBHOOKS.equals(nullableText(item, "call_handler").orElse(""))))
                .messagingRoute(route(item, "message", LAML_WEBHOOKS.equals(nullableText(item, "message_handler").orElse(""))));
        Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!TYPED.contains(field.getKey()) && !field.getValue().isNull()) {
                owned.attribute(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
            }
        }
        return owned.build();
    }

    /** {@code number_type}: {@code toll-free} or {@code longcode}, nothing else. */
    private static NumberType numberType(JsonNode item) {
        return numberType(requiredText(item, "number_type"));
    }

    private static NumberType numberType(String type) {
        return switch (type) {
            case "toll-free" -> NumberType.TOLL_FREE;
            case "longcode" -> NumberType.LOCAL;
            default -> throw new IllegalArgumentException("number_type '" + type + "' is neither toll-free nor longcode");
        };
    }

    private static Route route(JsonNode item, String prefix, boolean webhooks) {
        String url = text(item, prefix + "_request_url");
        if (!webhooks || url == null) {
            return null;
        }
        String method = text(item, prefix + "_request_method");
        String fallback = text(item, prefix + "_fallback_url");
        return route(url, method, fallback, fallback == null ? null : text(item, prefix + "_fallback_method"));
    }

    /** The route of a number whose handler is {@code laml_webhooks}, from its request and fallback fields. */
    private static Route route(String url, String method, String fallback, String fallbackMethod) {
        return fallback == null
                ? new Route(WebhookUris.parse(url), method(Optional.ofNullable(method)), Optional.empty(), WebhookMethod.POST)
                : new Route(WebhookUris.parse(url), method(Optional.ofNullable(method)), Optional.of(WebhookUris.parse(fallback)),
                        method(Optional.ofNullable(fallbackMethod)));
    }

    /** The fields of a phone-number object its routes are read from, in {@link #owned(JsonParser)}'s order. */
    private static final List<String> ROUTE_FIELDS = List.of("call_handler", "call_request_url", "call_request_method",
            "call_fallback_url", "call_fallback_method", "message_handler", "message_request_url", "message_request_method",
            "message_fallback_url", "message_fallback_method");

    /**
     * A phone-number object read straight from its tokens, the parser on the object's {@code START_OBJECT};
     * it declines (see {@link JsonTokens}) whatever {@link #owned(JsonNode)} would not read as it is, and
     * keeps every other field as an attribute as that reading does.
     */
    static OwnedNumber owned(JsonParser item) throws IOException {
        String id = null;
        String number = null;
        String name = null;
        String type = null;
        String created = null;
        Set<NumberFeature> features = null;
        String[] routes = new String[ROUTE_FIELDS.size()];
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String field = item.nextFieldName(); field != null; field = item.nextFieldName()) {
            item.nextToken();
            switch (field) {
                case "id" -> id = JsonTokens.text(item);
                case "number" -> number = JsonTokens.text(item);
                case "name" -> name = JsonTokens.text(item);
                case "number_type" -> type = JsonTokens.text(item);
                case "created_at" -> created = JsonTokens.text(item);
                case "capabilities" -> features = features(item);
                default -> {
                    int route = ROUTE_FIELDS.indexOf(field);
                    if (route >= 0) {
                        routes[route] = JsonTokens.text(item);
                    }
                    String attribute = JsonTokens.attribute(item);
                    // a repeated field is its last value, and a last null leaves it out, as in the tree
                    if (attribute != null) {
                        attributes.put(field, attribute);
                    } else {
                        attributes.remove(field);
                    }
                }
            }
        }
        if (features == null) {
            throw JsonTokens.decline();
        }
        OwnedNumber.Builder owned = OwnedNumber.builder(required(id), PhoneNumber.of(required(number)))
                .name(name)
                .type(numberType(required(type)))
                .features(features)
                .status(NumberStatus.ACTIVE)
                .createdAt(instant(required(created)))
                .voiceRoute(LAML_WEBHOOKS.equals(routes[0]) && routes[1] != null ? route(routes[1], routes[2], routes[3], routes[3] == null ? null : routes[4]) : null)
                .messagingRoute(LAML_WEBHOOKS.equals(routes[5]) && routes[6] != null ? route(routes[6], routes[7], routes[8], routes[8] == null ? null : routes[9]) : null);
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            owned.attribute(attribute.getKey(), attribute.getValue());
        }
        return owned.build();
    }

    private static WebhookMethod method(Optional<String> value) {
        if (value.isEmpty()) {
            return WebhookMethod.POST;
        }
        return switch (value.get().toUpperCase(Locale.ROOT)) {
            case "GET" -> WebhookMethod.GET;
            case "POST" -> WebhookMethod.POST;
            default -> throw new IllegalArgumentException("a request method that is neither GET nor POST: " + value.get());
        };
    }

    /**
     * Capabilities as an array of names or an object of booleans. A name SignalWire may add later is
     * left out rather than refused; a value of the wrong type is refused.
     */
    static Set<NumberFeature> features(JsonNode capabilities) {
        Set<NumberFeature> features = EnumSet.noneOf(NumberFeature.class);
        if (capabilities.isArray()) {
            for (JsonNode capability : capabilities) {
                if (!capability.isTextual()) {
                    throw new IllegalArgumentException("a capability that is not a name: " + capability);
                }
                add(features, feature(capability.asText()));
            }
        } else if (capabilities.isObject()) {
            capabilities.fields().forEachRemaining(e -> {
                if (!e.getValue().isBoolean()) {
                    throw new IllegalArgumentException("capability " + e.getKey() + " is not true or false");
                }
                if (e.getValue().asBoolean()) {
                    add(features, feature(e.getKey()));
                }
            });
        } else {
            throw new IllegalArgumentException("capabilities are neither a list nor an object");
        }
        return features;
    }

    /** {@link #features(JsonNode)} read from tokens, the parser on the capabilities' first token. */
    private static Set<NumberFeature> features(JsonParser capabilities) throws IOException {
        Set<NumberFeature> features = EnumSet.noneOf(NumberFeature.class);
        if (capabilities.currentToken() == JsonToken.START_ARRAY) {
            while (capabilities.nextToken() == JsonToken.VALUE_STRING) {
                add(features, feature(capabilities.getText()));
            }
        } else if (capabilities.currentToken() == JsonToken.START_OBJECT) {
            List<String> names = new ArrayList<>(4);
            for (String key = capabilities.nextFieldName(); key != null; key = capabilities.nextFieldName()) {
                String name = JsonTokens.firstTime(names, key);
                JsonToken value = capabilities.nextToken();
                if (value == JsonToken.VALUE_TRUE) {
                    add(features, feature(name));
                } else if (value != JsonToken.VALUE_FALSE) {
                    throw JsonTokens.decline();
                }
            }
        } else {
            throw JsonTokens.decline();
        }
        if (capabilities.currentToken() != JsonToken.END_ARRAY && capabilities.currentToken() != JsonToken.END_OBJECT) {
            throw JsonTokens.decline();
        }
        return features;
    }

    /** The feature SignalWire's capability name stands for, or null for one the library has no feature for. */
    private static NumberFeature feature(String name) {
        return switch (name) {
            case "voice" -> NumberFeature.VOICE;
            case "sms" -> NumberFeature.SMS;
            case "mms" -> NumberFeature.MMS;
            case "fax" -> NumberFeature.FAX;
            default -> {
                // only a name in another case pays for lower-casing it
                String lower = name.toLowerCase(Locale.ROOT);
                yield lower.equals(name) ? null : feature(lower);
            }
        };
    }

    private static void add(Set<NumberFeature> features, NumberFeature feature) {
        if (feature != null) {
            features.add(feature);
        }
    }

    private static Instant instant(String text) {
        try {
            return DateTimes.parseOffsetDateTime(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("created_at is not a date-time: " + text, e);
        }
    }

    private static void requireObject(JsonNode item, String what) {
        if (item == null || !item.isObject()) {
            throw new IllegalArgumentException(what + " that is not an object");
        }
    }

    private static JsonNode required(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static String requiredText(JsonNode item, String field) {
        return nullableText(item, field).orElseThrow(() -> new IllegalArgumentException("no " + field));
    }

    /** A string field that may be absent or null; any other type is refused. */
    static Optional<String> nullableText(JsonNode item, String field) {
        return Optional.ofNullable(text(item, field));
    }

    /** {@link #nullableText} as the text or null. */
    static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }
}
