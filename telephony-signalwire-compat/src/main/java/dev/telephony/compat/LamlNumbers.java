package dev.telephony.compat;

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
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** LaML number objects, mapped to neutral values. */
final class LamlNumbers {
    private static final Set<String> TYPED = Set.of("sid", "phone_number", "friendly_name", "capabilities", "date_created");
    /** "25 Sept 2018": real answers are not always strict RFC 2822. */
    private static final Pattern LONG_MONTH = Pattern.compile("\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\b");

    private LamlNumbers() {
    }

    /** An available-number item: capabilities {@code voice}, {@code SMS}, {@code MMS}, {@code fax} in any case. */
    static AvailableNumber offer(JsonNode item, NumberType searched) {
        AvailableNumber.Builder offer = AvailableNumber.builder(PhoneNumber.of(required(item, "phone_number")))
                .type(searched)
                .features(features(item.get("capabilities")))
                .countryCode(text(item, "iso_country").orElse("US"))
                .region(text(item, "region").orElse(null))
                .locality(text(item, "locality").orElse(null))
                .rateCenter(text(item, "rate_center").orElse(null));
        for (String field : new String[] {"friendly_name", "lata", "postal_code", "latitude", "longitude", "beta"}) {
            text(item, field).ifPresent(v -> offer.attribute(field, v));
        }
        JsonNode requirements = item.get("address_requirements");
        if (requirements != null && !requirements.isNull()) {
            offer.attribute("address_requirements", requirements.asText());
        }
        return offer.build();
    }

    /** An IncomingPhoneNumber: typed fields mapped, every other non-null field kept as an attribute. */
    static OwnedNumber owned(JsonNode item) {
        OwnedNumber.Builder owned = OwnedNumber.builder(required(item, "sid"), PhoneNumber.of(required(item, "phone_number")))
                .name(text(item, "friendly_name").orElse(null))
                .type(type(item))
                .features(features(item.get("capabilities")))
                .status(NumberStatus.ACTIVE)
                .createdAt(text(item, "date_created").flatMap(LamlNumbers::date).orElse(null))
                .voiceRoute(route(item, "voice"))
                .messagingRoute(route(item, "sms"));
        Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!TYPED.contains(field.getKey()) && !field.getValue().isNull()) {
                owned.attribute(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
            }
        }
        return owned.build();
    }

    private static NumberType type(JsonNode item) {
        String type = text(item, "type").orElse("");
        if (type.equals("toll-free") || type.equals("tollfree")) {
            return NumberType.TOLL_FREE;
        }
        if (type.equals("mobile")) {
            return NumberType.MOBILE;
        }
        String number = text(item, "phone_number").orElse("");
        return number.matches("\\+1(800|833|844|855|866|877|888)\\d{7}") ? NumberType.TOLL_FREE : NumberType.LOCAL;
    }

    private static Route route(JsonNode item, String prefix) {
        Optional<String> url = text(item, prefix + "_url");
        if (url.isEmpty()) {
            return null;
        }
        Route route = new Route(URI.create(url.get()), method(text(item, prefix + "_method")), Optional.empty(), WebhookMethod.POST);
        Optional<String> fallback = text(item, prefix + "_fallback_url");
        return fallback.isPresent() ? route.withFallback(fallback.get(), method(text(item, prefix + "_fallback_method"))) : route;
    }

    private static WebhookMethod method(Optional<String> value) {
        return value.map(v -> v.toUpperCase(Locale.ROOT)).filter("GET"::equals).isPresent() ? WebhookMethod.GET : WebhookMethod.POST;
    }

    static Set<NumberFeature> features(JsonNode capabilities) {
        Set<NumberFeature> features = EnumSet.noneOf(NumberFeature.class);
        if (capabilities != null && capabilities.isObject()) {
            capabilities.fields().forEachRemaining(e -> {
                if (e.getValue().asBoolean(false)) {
                    switch (e.getKey().toLowerCase(Locale.ROOT)) {
                        case "voice" -> features.add(NumberFeature.VOICE);
                        case "sms" -> features.add(NumberFeature.SMS);
                        case "mms" -> features.add(NumberFeature.MMS);
                        case "fax" -> features.add(NumberFeature.FAX);
                        default -> { }
                    }
                }
            });
        }
        return features;
    }

    /**
     * An RFC 2822 date as LaML answers it, also when it spells the month out ({@code 25 Sept 2018}) or
     * gives a one-digit day.
     */
    static Optional<Instant> date(String text) {
        Matcher month = LONG_MONTH.matcher(text.strip());
        String normalized = month.replaceAll("$1");
        try {
            return Optional.of(ZonedDateTime.parse(normalized, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String required(JsonNode item, String field) {
        return text(item, field).orElseThrow(() -> new IllegalArgumentException("no " + field));
    }

    static Optional<String> text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? Optional.empty() : Optional.of(value.asText());
    }
}
