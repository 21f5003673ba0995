package dev.telephony.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telephony.api.spi.DateTimes;
import java.io.IOException;
import java.net.URI;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The shapes Azure documents for the answers the library reads (the 2022-12-01 phone-numbers API SDK
 * 1.1.6 speaks, and the SIP routing API): every field a definition lists as required, of its type,
 * and every optional field that is present of its type. The SDK reads a body leniently (a body
 * without its list reads as an empty list, a missing field as null), so each answer is checked here,
 * in the SDK's pipeline, before the SDK reads it; one in another shape never reaches the SDK and
 * surfaces as a {@link dev.telephony.api.error.ProtocolException}.
 *
 * <p>Values are checked for their type here and for their meaning where they are used (a phone number
 * for E.164, a type or capability for the values Azure documents), since that is where the library
 * knows what it needs of them.
 */
final class AzureShapes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AzureShapes() {
    }

    /** One answer's documented shape. */
    @FunctionalInterface
    interface Shape {
        /** Returns when {@code body} is in this shape; throws, saying where it is not, otherwise. */
        void check(JsonNode body);
    }

    /** A body that is not in its documented shape: the message says where. */
    private static final class Wrong extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Wrong(String where, String what) {
            super(where + " " + what, null, false, false);
        }
    }

    // ---- the answers ----------------------------------------------------------------------------

    /** {@code PurchasedPhoneNumber}: id, phoneNumber, countryCode, phoneNumberType, capabilities, assignmentType, purchaseDate, cost. */
    static void purchasedNumber(JsonNode n, String where) {
        object(n, where);
        text(n, "id", where);
        text(n, "phoneNumber", where);
        text(n, "countryCode", where);
        text(n, "phoneNumberType", where);
        capabilities(n, "capabilities", where);
        text(n, "assignmentType", where);
        dateTime(n, "purchaseDate", where, true);
        cost(n, "cost", where);
    }

    /** {@code PurchasedPhoneNumbers}: the page's {@code phoneNumbers}, and {@code nextLink} when there is another page. */
    static final Shape NUMBER_LIST = body -> {
        object(body, "the page");
        items(body, "phoneNumbers", "the page", AzureShapes::purchasedNumber);
        optionalText(body, "nextLink", "the page");
    };

    static final Shape NUMBER = body -> purchasedNumber(body, "the number");

    /** {@code PhoneNumberSearchResult}: searchId, phoneNumbers, phoneNumberType, assignmentType, capabilities, cost, searchExpiresBy. */
    static final Shape SEARCH_RESULT = body -> {
        String where = "the search result";
        object(body, where);
        text(body, "searchId", where);
        items(body, "phoneNumbers", where, (n, at) -> {
            if (!n.isTextual()) {
                throw new Wrong(at, "is not a string");
            }
        });
        text(body, "phoneNumberType", where);
        text(body, "assignmentType", where);
        capabilities(body, "capabilities", where);
        cost(body, "cost", where);
        dateTime(body, "searchExpiresBy", where, true);
    };

    /** {@code PhoneNumberOperation}: status, id, operationType, createdDateTime; resourceLocation, lastActionDateTime and error when given. */
    static final Shape OPERATION = body -> {
        String where = "the operation";
        object(body, where);
        text(body, "status", where);
        text(body, "id", where);
        text(body, "operationType", where);
        dateTime(body, "createdDateTime", where, true);
        dateTime(body, "lastActionDateTime", where, false);
        optionalText(body, "resourceLocation", where);
        JsonNode error = body.get("error");
        if (error != null && !error.isNull()) {
            // a CommunicationError: code and message
            object(error, where + "'s error");
            text(error, "code", where + "'s error");
            text(error, "message", where + "'s error");
        }
    };

    /** {@code PhoneNumberCountries}: each country's countryCode and localizedName. */
    static final Shape COUNTRIES = body -> {
        object(body, "the countries");
        items(body, "countries", "the countries", (c, at) -> {
            object(c, at);
            text(c, "countryCode", at);
            text(c, "localizedName", at);
        });
        optionalText(body, "nextLink", "the countries");
    };

    /** {@code PhoneNumberLocalities}: each locality's localizedName, and its administrative division's names when given. */
    static final Shape LOCALITIES = body -> {
        object(body, "the localities");
        items(body, "phoneNumberLocalities", "the localities", (l, at) -> {
            object(l, at);
            text(l, "localizedName", at);
            JsonNode division = l.get("administrativeDivision");
            if (division != null && !division.isNull()) {
                object(division, at + ".administrativeDivision");
                text(division, "localizedName", at + ".administrativeDivision");
                text(division, "abbreviatedName", at + ".administrativeDivision");
            }
        });
        optionalText(body, "nextLink", "the localities");
    };

    /**
     * {@code AreaCodes}: each entry's areaCode. The definition lists no required field of an entry, but
     * an entry without its area code names nothing: it is taken as a broken answer, not skipped.
     */
    static final Shape AREA_CODES = body -> {
        object(body, "the area codes");
        items(body, "areaCodes", "the area codes", (a, at) -> {
            object(a, at);
            text(a, "areaCode", at);
        });
        optionalText(body, "nextLink", "the area codes");
    };

    /** {@code PhoneNumberOfferings}: each offering's cost, and its type, assignment and capabilities when given. */
    static final Shape OFFERINGS = body -> {
        object(body, "the offerings");
        items(body, "phoneNumberOfferings", "the offerings", (o, at) -> {
            object(o, at);
            cost(o, "cost", at);
            optionalText(o, "phoneNumberType", at);
            optionalText(o, "assignmentType", at);
            JsonNode capabilities = o.get("availableCapabilities");
            if (capabilities != null && !capabilities.isNull()) {
                capabilities(o, "availableCapabilities", at);
            }
        });
        optionalText(body, "nextLink", "the offerings");
    };

    /**
     * {@code SipConfiguration}: its trunks (each with its sipSignalingPort) and its routes (each with its
     * name and numberPattern). The definition marks neither member required, as it also serves updates;
     * Azure's answers always carry both (empty ones as {@code {}} and {@code []}), and an answer without
     * them would read as "no trunks, no routes".
     */
    static final Shape SIP_CONFIGURATION = body -> {
        String where = "the SIP configuration";
        object(body, where);
        JsonNode trunks = body.get("trunks");
        if (trunks == null || !trunks.isObject()) {
            throw new Wrong(where, trunks == null ? "lacks trunks" : "has trunks that are not an object");
        }
        Iterator<Map.Entry<String, JsonNode>> each = trunks.fields();
        while (each.hasNext()) {
            Map.Entry<String, JsonNode> trunk = each.next();
            String at = where + "'s trunk " + AzureErrors.shorten(trunk.getKey());
            object(trunk.getValue(), at);
            JsonNode port = trunk.getValue().get("sipSignalingPort");
            if (port == null || !port.isIntegralNumber() || !port.canConvertToInt()) {
                throw new Wrong(at, port == null || port.isNull() ? "lacks sipSignalingPort" : "has a sipSignalingPort that is not an integer");
            }
        }
        items(body, "routes", where, (r, at) -> {
            object(r, at);
            text(r, "name", at);
            text(r, "numberPattern", at);
            optionalText(r, "description", at);
            JsonNode routeTrunks = r.get("trunks");
            if (routeTrunks != null && !routeTrunks.isNull()) {
                items(r, "trunks", at, (t, tat) -> {
                    if (!t.isTextual()) {
                        throw new Wrong(tat, "is not a string");
                    }
                });
            }
        });
    };

    // ---- which answer is which ------------------------------------------------------------------

    /**
     * The shape of the successful answer to {@code method} on {@code path} (relative to the endpoint),
     * or empty for an answer the library does not read (a write's 202, whose headers alone are used).
     */
    static Optional<Shape> of(HttpMethod method, String path) {
        List<String> s = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
        if (s.equals(List.of("sip"))) {
            return method == HttpMethod.GET || method == HttpMethod.PATCH ? Optional.of(SIP_CONFIGURATION) : Optional.empty();
        }
        if (method != HttpMethod.GET || s.isEmpty()) {
            return Optional.empty();
        }
        if (s.get(0).equals("phoneNumbers")) {
            if (s.size() == 1) {
                return Optional.of(NUMBER_LIST);
            }
            if (s.size() == 3 && s.get(1).equals("operations")) {
                return Optional.of(OPERATION);
            }
            return s.size() == 2 ? Optional.of(NUMBER) : Optional.empty();
        }
        if (s.get(0).equals("availablePhoneNumbers")) {
            if (s.size() == 3 && s.get(1).equals("searchResults")) {
                return Optional.of(SEARCH_RESULT);
            }
            if (s.size() == 2 && s.get(1).equals("countries")) {
                return Optional.of(COUNTRIES);
            }
            if (s.size() == 4 && s.get(1).equals("countries")) {
                return switch (s.get(3)) {
                    case "localities" -> Optional.of(LOCALITIES);
                    case "areaCodes" -> Optional.of(AREA_CODES);
                    case "offerings" -> Optional.of(OFFERINGS);
                    default -> Optional.empty();
                };
            }
        }
        return Optional.empty();
    }

    /**
     * What is wrong with {@code body} as the answer of that shape, or empty when it is in that shape:
     * a body that is empty, not JSON, or not what Azure documents.
     */
    static Optional<String> complaint(Shape shape, byte[] body) {
        // the answers of every page and every get: read from their tokens first, a tree only for one that is not surely right
        if (shape == NUMBER_LIST && SurelyInShape.numberList(body) || shape == NUMBER && SurelyInShape.number(body)) {
            return Optional.empty();
        }
        return treeComplaint(shape, body);
    }

    /** {@link #complaint} as the tree of the body says it. */
    static Optional<String> treeComplaint(Shape shape, byte[] body) {
        JsonNode json;
        try {
            json = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return Optional.of("is not JSON");
        }
        if (json == null || json.isMissingNode() || json.isNull()) {
            return Optional.of("is empty");
        }
        try {
            shape.check(json);
            return Optional.empty();
        } catch (Wrong wrong) {
            return Optional.of("is not in the shape Azure documents: " + wrong.getMessage());
        }
    }

    /**
     * The pipeline step that reads, before the SDK does, each answer the library uses: a body that is
     * not JSON (the SDK would look for an XML reader it does not have and never return), and a
     * successful answer that is not in its documented shape, are refused. A refused answer is closed
     * and raised as {@link AzureErrors.UnreadableAnswer}.
     *
     * @param endpoint the endpoint, whose path (if any) leads every request's path
     */
    static HttpPipelinePolicy documentedAnswersOnly(String endpoint) {
        String base = Optional.ofNullable(URI.create(endpoint).getRawPath()).orElse("");
        String prefix = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return (context, next) -> next.process().flatMap(response -> {
            String type = response.getHeaderValue(HttpHeaderName.CONTENT_TYPE);
            String length = response.getHeaderValue(HttpHeaderName.CONTENT_LENGTH);
            int status = response.getStatusCode();
            boolean empty = "0".equals(length == null ? null : length.strip());
            if (type != null && !type.isBlank() && !empty && !isJson(type)) {
                return Mono.error(refuse(response, "with a " + AzureErrors.shorten(type) + " body, not JSON"));
            }
            String path = response.getRequest().getUrl().getPath();
            if (status < 200 || status >= 300 || !path.startsWith(prefix)) {
                return Mono.just(response);
            }
            Optional<Shape> shape = of(response.getRequest().getHttpMethod(), path.substring(prefix.length()));
            if (shape.isEmpty()) {
                return Mono.just(response);
            }
            HttpResponse buffered = response.buffer();
            return buffered.getBodyAsByteArray().defaultIfEmpty(new byte[0]).flatMap(bytes -> {
                Optional<String> wrong = complaint(shape.get(), bytes);
                return wrong.isEmpty() ? Mono.just(buffered) : Mono.error(refuse(buffered, wrong.get()));
            });
        });
    }

    private static AzureErrors.UnreadableAnswer refuse(HttpResponse response, String what) {
        AzureErrors.UnreadableAnswer refused = new AzureErrors.UnreadableAnswer(response.getStatusCode(),
                "to " + response.getRequest().getHttpMethod() + " " + response.getRequest().getUrl().getPath() + " " + what,
                response.getHeaders(), response.getRequest());
        response.close();
        return refused;
    }

    private static boolean isJson(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        String media = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
        return media.equals("application/json") || media.endsWith("+json") || media.equals("text/json");
    }

    // ---- checks -----------------------------------------------------------------------------------

    private static void object(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new Wrong(where, node == null || node.isNull() ? "is missing" : "is not an object");
        }
    }

    /** A required string, not blank. */
    private static void text(JsonNode parent, String field, String where) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw new Wrong(where, "lacks " + field);
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new Wrong(where, "has a " + field + " that is not a string");
        }
    }

    /** An optional string: absent, null, or a string. */
    private static void optionalText(JsonNode parent, String field, String where) {
        JsonNode value = parent.get(field);
        if (value != null && !value.isNull() && !value.isTextual()) {
            throw new Wrong(where, "has a " + field + " that is not a string");
        }
    }

    /** A date-time as RFC 3339 writes it (with its offset); {@code required} or else absent, null, or one. */
    private static void dateTime(JsonNode parent, String field, String where, boolean required) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new Wrong(where, "lacks " + field);
            }
            return;
        }
        try {
            DateTimes.parseOffsetDateTime(value.isTextual() ? value.asText() : "");
        } catch (DateTimeParseException notADate) {
            throw new Wrong(where, "has a " + field + " that is not a date-time");
        }
    }

    /** {@code PhoneNumberCapabilities}: calling and sms. */
    private static void capabilities(JsonNode parent, String field, String where) {
        JsonNode capabilities = parent.get(field);
        object(capabilities, where + "." + field);
        text(capabilities, "calling", where + "." + field);
        text(capabilities, "sms", where + "." + field);
    }

    /** {@code PhoneNumberCost}: amount, currencyCode, billingFrequency. */
    private static void cost(JsonNode parent, String field, String where) {
        JsonNode cost = parent.get(field);
        object(cost, where + "." + field);
        JsonNode amount = cost.get("amount");
        if (amount == null || !amount.isNumber()) {
            throw new Wrong(where + "." + field, amount == null || amount.isNull() ? "lacks amount" : "has an amount that is not a number");
        }
        text(cost, "currencyCode", where + "." + field);
        text(cost, "billingFrequency", where + "." + field);
    }

    /** A required array, each item checked by {@code item} with its place. */
    private static void items(JsonNode parent, String field, String where, java.util.function.BiConsumer<JsonNode, String> item) {
        JsonNode array = parent.get(field);
        if (array == null || array.isNull()) {
            throw new Wrong(where, "lacks " + field);
        }
        if (!array.isArray()) {
            throw new Wrong(where, "has " + field + " that are not an array");
        }
        List<JsonNode> all = new ArrayList<>();
        array.forEach(all::add);
        for (int i = 0; i < all.size(); i++) {
            JsonNode value = all.get(i);
            String at = where + ": " + field + "[" + i + "]";
            if (value == null || value.isNull()) {
                throw new Wrong(at, "is null");
            }
            item.accept(value, at);
        }
    }

    /**
     * The shapes of {@link #NUMBER_LIST} and {@link #NUMBER} checked straight from the tokens, without a
     * tree: true only when the body is surely in its shape. Anything it cannot vouch for (a field of
     * another type, a body that is not JSON) answers false and is checked by the tree, which
     * says what is wrong; so whatever this accepts, the tree check accepts too.
     */
    static final class SurelyInShape {
        private static final int ID = 1;
        private static final int PHONE_NUMBER = 1 << 1;
        private static final int COUNTRY_CODE = 1 << 2;
        private static final int TYPE = 1 << 3;
        private static final int ASSIGNMENT = 1 << 4;
        private static final int CAPABILITIES = 1 << 5;
        private static final int PURCHASE_DATE = 1 << 6;
        private static final int COST = 1 << 7;
        private static final int EVERY_FIELD = (1 << 8) - 1;

        private SurelyInShape() {
        }

        static boolean numberList(byte[] body) {
            try (JsonParser parser = parser(body)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return false;
                }
                boolean numbers = false;
                for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                    JsonToken value = parser.nextToken();
                    if (field.equals("phoneNumbers")) {
                        if (value != JsonToken.START_ARRAY) {
                            return false;
                        }
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            if (!purchasedNumber(parser)) {
                                return false;
                            }
                        }
                        if (parser.currentToken() != JsonToken.END_ARRAY) {
                            return false;
                        }
                        numbers = true;
                    } else if (field.equals("nextLink")) {
                        if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                            return false;
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
                return numbers;
            } catch (IOException | RuntimeException notSurely) {
                return false;
            }
        }

        static boolean number(byte[] body) {
            try (JsonParser parser = parser(body)) {
                return parser.nextToken() == JsonToken.START_OBJECT && purchasedNumber(parser);
            } catch (IOException | RuntimeException notSurely) {
                return false;
            }
        }

        private static JsonParser parser(byte[] body) throws IOException {
            // a repeated key is its last value to the tree; here every value of it is checked, so a body
            // vouched for has a good last value too
            return JSON.createParser(body == null ? new byte[0] : body);
        }

        /** A {@code PurchasedPhoneNumber}, the parser on its {@code START_OBJECT}; false when not surely one. */
        private static boolean purchasedNumber(JsonParser parser) throws IOException {
            int seen = 0;
            for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                parser.nextToken();
                int bit = switch (field) {
                    case "id" -> text(parser) ? ID : -1;
                    case "phoneNumber" -> text(parser) ? PHONE_NUMBER : -1;
                    case "countryCode" -> text(parser) ? COUNTRY_CODE : -1;
                    case "phoneNumberType" -> text(parser) ? TYPE : -1;
                    case "assignmentType" -> text(parser) ? ASSIGNMENT : -1;
                    case "capabilities" -> capabilities(parser) ? CAPABILITIES : -1;
                    case "purchaseDate" -> dateTime(parser) ? PURCHASE_DATE : -1;
                    case "cost" -> cost(parser) ? COST : -1;
                    default -> {
                        parser.skipChildren();
                        yield 0;
                    }
                };
                if (bit < 0) {
                    return false;
                }
                seen |= bit;
            }
            return seen == EVERY_FIELD;
        }

        /** A string that is not blank, as {@link AzureShapes#text} requires; looked at in the parser's buffer, not copied. */
        private static boolean text(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return false;
            }
            char[] chars = parser.getTextCharacters();
            int end = parser.getTextOffset() + parser.getTextLength();
            for (int i = parser.getTextOffset(); i < end; i++) {
                // String.isBlank's whitespace: no surrogate is whitespace, so a char at a time gives the same answer
                if (!Character.isWhitespace(chars[i])) {
                    return true;
                }
            }
            return false;
        }

        private static boolean dateTime(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return false;
            }
            DateTimes.parseOffsetDateTime(java.nio.CharBuffer.wrap(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength()));
            return true;
        }

        private static boolean capabilities(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean calling = false;
            boolean sms = false;
            for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                parser.nextToken();
                if (field.equals("calling")) {
                    calling = text(parser);
                } else if (field.equals("sms")) {
                    sms = text(parser);
                } else {
                    parser.skipChildren();
                }
            }
            return calling && sms;
        }

        private static boolean cost(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean amount = false;
            boolean currency = false;
            boolean frequency = false;
            for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "amount" -> amount = value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT;
                    case "currencyCode" -> currency = text(parser);
                    case "billingFrequency" -> frequency = text(parser);
                    default -> parser.skipChildren();
                }
            }
            return amount && currency && frequency;
        }
    }
}
