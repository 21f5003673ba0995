package dev.telephony.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberStatus;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.Route;
import dev.telephony.api.WebhookMethod;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** SignalWire's number objects, mapped to neutral values. */
final class SignalWireNumbers {
    static final String LAML_WEBHOOKS = "laml_webhooks";
    /** Fields of the phone-number object that have a typed home in {@link OwnedNumber}. */
    private static final Set<String> TYPED = Set.of("id", "number", "name", "capabilities", "number_type", "created_at");

    private SignalWireNumbers() {
    }

    /**
     * A search result, in either documented shape: {@code number} or {@code e164}; capabilities as an
     * array of strings or an object of booleans.
     */
    static AvailableNumber offer(JsonNode item, NumberType searched) {
        String e164 = text(item, "e164").or(() -> text(item, "number"))
                .orElseThrow(() -> new IllegalArgumentException("a search result without e164 or number"));
        AvailableNumber.Builder offer = AvailableNumber.builder(PhoneNumber.of(e164))
                .type(searched)
                .features(features(item.get("capabilities")))
                .countryCode(text(item, "country_code").orElse("US"))
                .region(text(item, "region").orElse(null))
                .locality(text(item, "city").orElse(null))
                .rateCenter(text(item, "rate_center").orElse(null));
        text(item, "lata").ifPresent(v -> offer.attribute("lata", v));
        text(item, "national_number_formatted").ifPresent(v -> offer.attribute("national_number_formatted", v));
        text(item, "international_number_formatted").ifPresent(v -> offer.attribute("international_number_formatted", v));
        return offer.build();
    }

    /** A phone-number object: typed fields mapped, every other field kept as a provider attribute. */
    static OwnedNumber owned(JsonNode item) {
        String id = text(item, "id").orElseThrow(() -> new IllegalArgumentException("a phone number without id"));
        String number = text(item, "number").or(() -> text(item, "e164"))
                .orElseThrow(() -> new IllegalArgumentException("a phone number without number"));
        OwnedNumber.Builder owned = OwnedNumber.builder(id, PhoneNumber.of(number))
                .name(text(item, "name").orElse(null))
                .type("toll-free".equals(text(item, "number_type").orElse("")) ? NumberType.TOLL_FREE : NumberType.LOCAL)
                .features(features(item.get("capabilities")))
                .status(NumberStatus.ACTIVE)
                .createdAt(text(item, "created_at").flatMap(SignalWireNumbers::instant).orElse(null))
                .voiceRoute(route(item, "call", LAML_WEBHOOKS.equals(text(item, "call_handler").orElse(""))))
                .messagingRoute(route(item, "message", LAML_WEBHOOKS.equals(text(item, "message_handler").orElse(""))));
        Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!TYPED.contains(field.getKey()) && !field.getValue().isNull()) {
                owned.attribute(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
            }
        }
        return owned.build();
    }

    private static Route route(JsonNode item, String prefix, boolean webhooks) {
        Optional<String> url = text(item, prefix + "_request_url");
        if (!webhooks || url.isEmpty()) {
            return null;
        }
        Route route = new Route(URI.create(url.get()), method(text(item, prefix + "_request_method")),
                Optional.empty(), WebhookMethod.POST);
        Optional<String> fallback = text(item, prefix + "_fallback_url");
        return fallback.isPresent()
                ? route.withFallback(fallback.get(), method(text(item, prefix + "_fallback_method")))
                : route;
    }

    private static WebhookMethod method(Optional<String> value) {
        return value.map(v -> v.toUpperCase(Locale.ROOT)).filter("GET"::equals).isPresent() ? WebhookMethod.GET : WebhookMethod.POST;
    }

    static Set<NumberFeature> features(JsonNode capabilities) {
        Set<NumberFeature> features = EnumSet.noneOf(NumberFeature.class);
        if (capabilities == null || capabilities.isNull()) {
            return features;
        }
        if (capabilities.isArray()) {
            capabilities.forEach(c -> feature(c.asText()).ifPresent(features::add));
        } else if (capabilities.isObject()) {
            capabilities.fields().forEachRemaining(e -> {
                if (e.getValue().asBoolean(false)) {
                    feature(e.getKey()).ifPresent(features::add);
                }
            });
        }
        return features;
    }

    private static Optional<NumberFeature> feature(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "voice" -> Optional.of(NumberFeature.VOICE);
            case "sms" -> Optional.of(NumberFeature.SMS);
            case "mms" -> Optional.of(NumberFeature.MMS);
            case "fax" -> Optional.of(NumberFeature.FAX);
            default -> Optional.empty();
        };
    }

    private static Optional<java.time.Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<String> text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? Optional.empty() : Optional.of(value.asText());
    }
}
