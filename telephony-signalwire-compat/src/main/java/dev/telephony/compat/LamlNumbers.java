package dev.telephony.compat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LaML number objects, mapped to neutral values. The readers are strict: a required field that is
 * missing or of the wrong type throws {@link IllegalArgumentException}, which the callers turn into a
 * {@link dev.telephony.api.error.ProtocolException}; nothing is filled in from what was asked.
 */
final class LamlNumbers {
    private static final Set<String> TYPED = Set.of("sid", "phone_number", "friendly_name", "capabilities", "date_created");
    /** The NANP area codes in service for toll-free numbers. */
    private static final Set<String> TOLL_FREE_NPAS = Set.of("800", "833", "844", "855", "866", "877", "888");
    /** "25 Sept 2018": real answers are not always strict RFC 2822. */
    private static final Pattern LONG_MONTH = Pattern.compile("\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\b");

    private LamlNumbers() {
    }

    /**
     * An available-number item: capabilities {@code voice}, {@code SMS}, {@code MMS}, {@code fax} in any
     * case. Its type is what the number is (see {@link #typeOf}); {@code list} is the kind of list the
     * answer says it is ({@code uri} ending in {@code Local}, {@code TollFree} or {@code Mobile}), which
     * only tells a North American mobile number from a local one.
     */
    /** The fields of an available number kept as provider attributes, in this order. */
    private static final String[] OFFER_ATTRIBUTES = {"friendly_name", "lata", "postal_code", "latitude", "longitude", "beta",
            "address_requirements"};

    static AvailableNumber offer(JsonNode item, Optional<NumberType> list) {
        requireObject(item, "an available number");
        PhoneNumber number = PhoneNumber.of(required(item, "phone_number"));
        // the text or null, not an Optional and a lambda per field: every result of every search passes here
        String country = textOrNull(item, "iso_country");
        AvailableNumber.Builder offer = AvailableNumber.builder(number)
                .type(typeOf(number, list))
                .features(features(item.get("capabilities")))
                .countryCode(country != null ? country : number.isNanp() ? "US" : null)
                .region(textOrNull(item, "region"))
                .locality(textOrNull(item, "locality"))
                .rateCenter(textOrNull(item, "rate_center"));
        for (String field : OFFER_ATTRIBUTES) {
            offer.attribute(field, valueOrNull(item, field));
        }
        return offer.build();
    }

    /**
     * An available-number item's fields, read straight from its tokens (the parser on the item's
     * {@code START_OBJECT}); it declines (see {@link JsonTokens}) whatever {@link #offer(JsonNode, Optional)}
     * would not read as it is. The offer is made by {@link OfferFields#offer(Optional)} once the answer's
     * {@code uri}, which may follow the items, has been read.
     */
    static OfferFields offerFields(JsonParser item) throws IOException {
        OfferFields fields = new OfferFields();
        for (String field = item.nextFieldName(); field != null; field = item.nextFieldName()) {
            item.nextToken();
            switch (field) {
                case "phone_number" -> fields.number = JsonTokens.text(item);
                case "iso_country" -> fields.country = JsonTokens.text(item);
                case "region" -> fields.region = JsonTokens.text(item);
                case "locality" -> fields.locality = JsonTokens.text(item);
                case "rate_center" -> fields.rateCenter = JsonTokens.text(item);
                case "capabilities" -> fields.features = features(item);
                default -> {
                    int attribute = attributeIndex(field);
                    if (attribute >= 0) {
                        fields.attributes[attribute] = scalarText(item);
                    } else {
                        item.skipChildren();
                    }
                }
            }
        }
        if (fields.number == null || fields.features == null) {
            throw JsonTokens.decline();
        }
        return fields;
    }

    /** The fields of an available number the library reads, taken from its tokens. */
    static final class OfferFields {
        private String number;
        private String country;
        private String region;
        private String locality;
        private String rateCenter;
        private Set<NumberFeature> features;
        private final String[] attributes = new String[OFFER_ATTRIBUTES.length];

        /** The offer, as {@link #offer(JsonNode, Optional)} makes it of the same fields. */
        AvailableNumber offer(Optional<NumberType> list) {
            PhoneNumber phone = PhoneNumber.of(number);
            AvailableNumber.Builder offer = AvailableNumber.builder(phone)
                    .type(typeOf(phone, list))
                    .features(features)
                    .countryCode(country != null ? country : phone.isNanp() ? "US" : null)
                    .region(region)
                    .locality(locality)
                    .rateCenter(rateCenter);
            for (int i = 0; i < OFFER_ATTRIBUTES.length; i++) {
                offer.attribute(OFFER_ATTRIBUTES[i], attributes[i]);
            }
            return offer.build();
        }
    }

    private static int attributeIndex(String field) {
        for (int i = 0; i < OFFER_ATTRIBUTES.length; i++) {
            if (OFFER_ATTRIBUTES[i].equals(field)) {
                return i;
            }
        }
        return -1;
    }

    /** {@link #valueOrNull} read from tokens: a scalar of any JSON type as the tree gives its text; a container declines. */
    private static String scalarText(JsonParser value) throws IOException {
        if (value.currentToken().isStructStart()) {
            throw JsonTokens.decline();
        }
        String text = JsonTokens.attribute(value);
        return text == null || text.isEmpty() ? null : text;
    }

    /**
     * What a number is, from the number itself: in North America toll-free by its area code, else local
     * (or mobile when the answer is the mobile list: North American mobile numbers look like any other);
     * elsewhere what libphonenumber knows of the number, and the answer's list where it knows nothing
     * more definite. A toll-free list never makes a number toll-free.
     */
    static NumberType typeOf(PhoneNumber number, Optional<NumberType> list) {
        if (number.isNanp()) {
            // +1 and the area code's three digits
            if (TOLL_FREE_NPAS.contains(number.e164().substring(2, 5))) {
                return NumberType.TOLL_FREE;
            }
            return list.filter(t -> t == NumberType.MOBILE).orElse(NumberType.LOCAL);
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return switch (util.getNumberType(util.parse(number.e164(), null))) {
                case TOLL_FREE -> NumberType.TOLL_FREE;
                case MOBILE -> NumberType.MOBILE;
                case FIXED_LINE -> NumberType.LOCAL;
                default -> list.filter(t -> t != NumberType.TOLL_FREE).orElse(NumberType.LOCAL);
            };
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("not a phone number libphonenumber can read: " + number, e);
        }
    }

    /** The kind of list a search answer is, from its {@code uri}: {@code …/Local}, {@code …/TollFree}, {@code …/Mobile}. */
    static Optional<NumberType> listKind(JsonNode answer) {
        return listKind(textOrNull(answer, "uri"));
    }

    /** {@link #listKind(JsonNode)} of the answer's {@code uri}, or empty for none. */
    static Optional<NumberType> listKind(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        String path = uri.split("\\?", 2)[0];
        String last = path.substring(path.lastIndexOf('/') + 1).replace(".json", "");
        return switch (last) {
            case "Local" -> Optional.of(NumberType.LOCAL);
            case "TollFree" -> Optional.of(NumberType.TOLL_FREE);
            case "Mobile" -> Optional.of(NumberType.MOBILE);
            default -> Optional.empty();
        };
    }

    /** An IncomingPhoneNumber: typed fields mapped, every other non-null field kept as an attribute. */
    static OwnedNumber owned(JsonNode item) {
        requireObject(item, "an incoming phone number");
        PhoneNumber number = PhoneNumber.of(required(item, "phone_number"));
        String created = required(item, "date_created");
        OwnedNumber.Builder owned = OwnedNumber.builder(required(item, "sid"), number)
                .name(text(item, "friendly_name").orElse(null))
                .type(type(item, number))
                .features(features(item.get("capabilities")))
                .status(NumberStatus.ACTIVE)
                .createdAt(date(created).orElseThrow(() -> new IllegalArgumentException("date_created is not an RFC 2822 date: " + created)))
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

    /** The fields of an IncomingPhoneNumber its routes are read from, in {@link #owned(JsonParser)}'s order. */
    private static final List<String> ROUTE_FIELDS = List.of("voice_url", "voice_method", "voice_fallback_url",
            "voice_fallback_method", "sms_url", "sms_method", "sms_fallback_url", "sms_fallback_method");

    /**
     * An IncomingPhoneNumber read straight from its tokens, the parser on the object's {@code START_OBJECT};
     * it declines (see {@link JsonTokens}) whatever {@link #owned(JsonNode)} would not read as it is, and
     * keeps every other non-null field as an attribute as that reading does.
     */
    static OwnedNumber owned(JsonParser item) throws IOException {
        String sid = null;
        String phone = null;
        String name = null;
        String created = null;
        String type = null;
        Set<NumberFeature> features = null;
        String[] routes = new String[ROUTE_FIELDS.size()];
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String field = item.nextFieldName(); field != null; field = item.nextFieldName()) {
            item.nextToken();
            switch (field) {
                case "sid" -> sid = JsonTokens.text(item);
                case "phone_number" -> phone = JsonTokens.text(item);
                case "friendly_name" -> name = JsonTokens.text(item);
                case "date_created" -> created = JsonTokens.text(item);
                case "capabilities" -> features = features(item);
                default -> {
                    int route = ROUTE_FIELDS.indexOf(field);
                    if (route >= 0) {
                        routes[route] = JsonTokens.text(item);
                    } else if (field.equals("type")) {
                        type = JsonTokens.text(item);
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
        if (phone == null || created == null || sid == null || features == null) {
            throw JsonTokens.decline();
        }
        PhoneNumber number = PhoneNumber.of(phone);
        Instant createdAt = date(created).orElseThrow(JsonTokens::decline);
        OwnedNumber.Builder owned = OwnedNumber.builder(sid, number)
                .name(name)
                .type(type(type, number))
                .features(features)
                .status(NumberStatus.ACTIVE)
                .createdAt(createdAt)
                .voiceRoute(route(routes[0], routes[1], routes[2], routes[3]))
                .messagingRoute(route(routes[4], routes[5], routes[6], routes[7]));
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            owned.attribute(attribute.getKey(), attribute.getValue());
        }
        return owned.build();
    }

    /** Twilio's {@code type} where the answer has one; SignalWire's answer has none, so the number says. */
    private static NumberType type(JsonNode item, PhoneNumber number) {
        return type(text(item, "type").orElse(null), number);
    }

    private static NumberType type(String given, PhoneNumber number) {
        String type = given == null ? "" : given;
        return switch (type) {
            case "toll-free", "tollfree", "toll_free" -> NumberType.TOLL_FREE;
            case "mobile" -> NumberType.MOBILE;
            case "local" -> NumberType.LOCAL;
            default -> typeOf(number, Optional.empty());
        };
    }

    private static Route route(JsonNode item, String prefix) {
        String url = textOrNull(item, prefix + "_url");
        if (url == null) {
            return null;
        }
        String method = textOrNull(item, prefix + "_method");
        String fallback = textOrNull(item, prefix + "_fallback_url");
        return route(url, method, fallback, fallback == null ? null : textOrNull(item, prefix + "_fallback_method"));
    }

    /** The route of a number from its url, method and fallback fields; none without a url. */
    private static Route route(String url, String method, String fallback, String fallbackMethod) {
        if (url == null) {
            return null;
        }
        return fallback == null
                ? new Route(WebhookUris.parse(url), method(Optional.ofNullable(method)), Optional.empty(), WebhookMethod.POST)
                : new Route(WebhookUris.parse(url), method(Optional.ofNullable(method)), Optional.of(WebhookUris.parse(fallback)),
                        method(Optional.ofNullable(fallbackMethod)));
    }

    private static WebhookMethod method(Optional<String> value) {
        return value.map(v -> v.toUpperCase(Locale.ROOT)).filter("GET"::equals).isPresent() ? WebhookMethod.GET : WebhookMethod.POST;
    }

    /** The capabilities object, every value true or false; a name the API may add later is left out, not refused. */
    static Set<NumberFeature> features(JsonNode capabilities) {
        if (capabilities == null || !capabilities.isObject()) {
            throw new IllegalArgumentException("capabilities are not an object");
        }
        Set<NumberFeature> features = EnumSet.noneOf(NumberFeature.class);
        capabilities.fields().forEachRemaining(e -> {
            if (!e.getValue().isBoolean()) {
                throw new IllegalArgumentException("capability " + e.getKey() + " is not true or false");
            }
            if (e.getValue().asBoolean()) {
                addFeature(features, e.getKey());
            }
        });
        return features;
    }

    /** Adds the feature a capability name stands for; a name the API may add later is left out. */
    private static void addFeature(Set<NumberFeature> features, String capability) {
        switch (capability) {
            // "SMS" and "MMS" as the LaML API writes them, without lower-casing them for every number
            case "voice" -> features.add(NumberFeature.VOICE);
            case "sms", "SMS" -> features.add(NumberFeature.SMS);
            case "mms", "MMS" -> features.add(NumberFeature.MMS);
            case "fax" -> features.add(NumberFeature.FAX);
            default -> {
                // only a name in another case pays for lower-casing it
                String lower = capability.toLowerCase(Locale.ROOT);
                if (!lower.equals(capability)) {
                    addFeature(features, lower);
                }
            }
        }
    }

    /** {@link #features(JsonNode)} read from tokens, the parser on the capabilities' first token. */
    private static Set<NumberFeature> features(JsonParser capabilities) throws IOException {
        if (capabilities.currentToken() != JsonToken.START_OBJECT) {
            throw JsonTokens.decline();
        }
        Set<NumberFeature> features = EnumSet.noneOf(NumberFeature.class);
        List<String> names = new ArrayList<>(4);
        for (String key = capabilities.nextFieldName(); key != null; key = capabilities.nextFieldName()) {
            String name = JsonTokens.firstTime(names, key);
            JsonToken value = capabilities.nextToken();
            if (value == JsonToken.VALUE_TRUE) {
                addFeature(features, name);
            } else if (value != JsonToken.VALUE_FALSE) {
                throw JsonTokens.decline();
            }
        }
        return features;
    }

    /**
     * An RFC 2822 date as LaML answers it, also when it spells the month out ({@code 25 Sept 2018}) or
     * gives a one-digit day.
     */
    static Optional<Instant> date(String text) {
        String stripped = text.strip();
        // the common spelling has no month to shorten: read at once, as the formatter would read it
        Optional<ZonedDateTime> common = DateTimes.readRfc1123(stripped);
        if (common.isPresent()) {
            return Optional.of(common.get().toInstant());
        }
        Matcher month = LONG_MONTH.matcher(stripped);
        String normalized = month.replaceAll("$1");
        try {
            return Optional.of(ZonedDateTime.parse(normalized, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void requireObject(JsonNode item, String what) {
        if (item == null || !item.isObject()) {
            throw new IllegalArgumentException(what + " that is not an object");
        }
    }

    private static String required(JsonNode item, String field) {
        return text(item, field).orElseThrow(() -> new IllegalArgumentException("no " + field));
    }

    /** A string field, absent, null or empty as none; any other type is refused. */
    static Optional<String> text(JsonNode item, String field) {
        return Optional.ofNullable(textOrNull(item, field));
    }

    /** {@link #text} as the text or null. */
    static String textOrNull(JsonNode item, String field) {
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

    /** A scalar field of any JSON type, as text (null when absent or empty), for the provider attributes. */
    private static String valueOrNull(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new IllegalArgumentException(field + " is not a single value");
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }
}
