package dev.telephony.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.DigitPattern;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.Route;
import dev.telephony.api.WebhookMethod;
import dev.telephony.http.RestClient;
import dev.telephony.testkit.carrier.CarrierRejection;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.wire.SimRequest;
import dev.telephony.testkit.wire.SimResponse;
import dev.telephony.testkit.wire.WireSimulator;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * A stateful simulator of SignalWire's REST phone-number API on the shared carrier state: Basic
 * auth, search with SignalWire's parameter rules (answering in both documented item shapes, one
 * after the other), purchase, paginated lists with {@code links.next} and page tokens, get, update
 * and release, and SignalWire's error bodies.
 */
public final class SignalWireSimulator extends WireSimulator {
    private static final String[] NUMBERS = {"api", "relay", "rest", "phone_numbers"};
    private static final ObjectMapper JSON = RestClient.newMapper();
    /** The code SignalWire gives a refused purchase and other invalid attributes. */
    static final String INVALID_ATTRIBUTE = "invalid_attribute";

    private final String authorization;
    private final Map<String, String> pageTokens = new ConcurrentHashMap<>();
    private final Queue<Canned> canned = new ConcurrentLinkedQueue<>();
    private final List<SimRequest> served = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** An answer given once, instead of the carrier's, to the next request that matches. */
    private record Canned(Predicate<SimRequest> when, SimResponse answer) {
    }

    public SignalWireSimulator(CarrierState carrier, String projectId, String apiToken) {
        super(carrier);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((projectId + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Answers the next request that {@code when} matches with {@code answer} instead of serving it: the
     * carrier does nothing. Credentials and faults are checked first, as for every request.
     */
    public SignalWireSimulator answerOnce(Predicate<SimRequest> when, SimResponse answer) {
        canned.add(new Canned(when, answer));
        return this;
    }

    /** Every request that passed the credential check and its faults, in order. */
    public List<SimRequest> served() {
        return List.copyOf(served);
    }

    /** Matches a read of the numbers list (what every look-up of one number is). */
    public static Predicate<SimRequest> listRead() {
        return r -> r.is("GET", NUMBERS[0], NUMBERS[1], NUMBERS[2], NUMBERS[3]);
    }

    /** Matches a purchase. */
    public static Predicate<SimRequest> purchaseRequest() {
        return r -> r.is("POST", NUMBERS[0], NUMBERS[1], NUMBERS[2], NUMBERS[3]);
    }

    /** Matches a search. */
    public static Predicate<SimRequest> searchRequest() {
        return r -> r.is("GET", "api", "relay", "rest", "phone_numbers", "search");
    }

    @Override
    protected RequestKind classify(SimRequest request) {
        return switch (request.method()) {
            case "POST" -> RequestKind.PURCHASE;
            case "PUT" -> RequestKind.UPDATE;
            case "DELETE" -> RequestKind.RELEASE;
            default -> RequestKind.READ;
        };
    }

    @Override
    protected boolean authorized(SimRequest request) {
        return request.header("Authorization").map(authorization::equals).orElse(false);
    }

    @Override
    protected SimResponse unauthorized() {
        return identified(SimResponse.json(401, "{\"error\":\"Unauthorized\"}"));
    }

    @Override
    protected SimResponse rateLimited(Duration retryAfter) {
        return identified(SimResponse.json(429, "{\"error\":\"Too Many Requests\"}")
                .withHeader("Retry-After", String.valueOf(retryAfter.toSeconds())));
    }

    @Override
    protected SimResponse serverError(int status) {
        return identified(SimResponse.json(status, "{\"error\":\"Internal Server Error\"}"));
    }

    @Override
    protected SimResponse refused(SimRequest request, CarrierRejection rejection) {
        return identified(switch (rejection.reason()) {
            case NOT_FOUND -> SimResponse.json(404, "{\"error\":\"Not Found\"}");
            case NOT_AVAILABLE -> invalid(INVALID_ATTRIBUTE, "The phone number is not available for purchase.");
            case CONFLICT, INVALID -> invalid(INVALID_ATTRIBUTE, rejection.getMessage());
        });
    }

    /** The request id every answer carries; SignalWire does not document its header, so this is ours (X-Request-Id). */
    private static SimResponse identified(SimResponse response) {
        return response.withHeader("X-Request-Id", UUID.randomUUID().toString());
    }

    @Override
    protected SimResponse serve(SimRequest request) {
        served.add(request);
        for (Canned answer : canned) {
            if (answer.when().test(request) && canned.remove(answer)) {
                return identified(answer.answer());
            }
        }
        return identified(serveFromCarrier(request));
    }

    private SimResponse serveFromCarrier(SimRequest request) {
        if (request.is("GET", "api", "relay", "rest", "phone_numbers", "search")) {
            return search(request);
        }
        if (request.is("GET", NUMBERS[0], NUMBERS[1], NUMBERS[2], NUMBERS[3])) {
            return list(request);
        }
        if (request.is("POST", NUMBERS[0], NUMBERS[1], NUMBERS[2], NUMBERS[3])) {
            return purchase(request);
        }
        if (request.is("GET", "api", "relay", "rest", "phone_numbers", "*")) {
            return SimResponse.json(200, write(numberJson(byId(request.lastSegment()))));
        }
        if (request.is("PUT", "api", "relay", "rest", "phone_numbers", "*")) {
            return update(request);
        }
        if (request.is("DELETE", "api", "relay", "rest", "phone_numbers", "*")) {
            carrier().release(byId(request.lastSegment()).number());
            return SimResponse.empty(204);
        }
        return SimResponse.json(404, "{\"error\":\"Not Found\"}");
    }

    private OwnedNumber byId(String id) {
        return carrier().ownedById(id).orElseThrow(() -> new CarrierRejection(CarrierRejection.Reason.NOT_FOUND, "no number " + id));
    }

    // ---- search -------------------------------------------------------------------------------

    private SimResponse search(SimRequest request) {
        String type = request.param("number_type").orElse("local");
        if (!type.equals("local") && !type.equals("toll-free")) {
            return invalid(INVALID_ATTRIBUTE, "number_type must be local or toll-free");
        }
        List<String> patterns = new ArrayList<>();
        for (String name : List.of("starts_with", "contains", "ends_with")) {
            request.param(name).ifPresent(v -> patterns.add(name));
        }
        if (patterns.size() > 1) {
            return invalid(INVALID_ATTRIBUTE, "only one of starts_with, contains, ends_with may be used");
        }
        int max = request.param("max_results").map(Integer::parseInt).orElse(50);
        if (max < 1 || max > 100) {
            return invalid(INVALID_ATTRIBUTE, "max_results must be between 1 and 100");
        }
        Optional<String> areacode = request.param("areacode");
        Optional<String> region = request.param("region");
        Optional<String> city = request.param("city");
        if (city.isPresent() && region.isEmpty()) {
            return invalid(INVALID_ATTRIBUTE, "city requires region");
        }
        if (region.isPresent() && areacode.isPresent()) {
            return invalid(INVALID_ATTRIBUTE, "region cannot be combined with areacode");
        }
        Predicate<AvailableNumber> filter = offer -> offer.type() == (type.equals("toll-free") ? NumberType.TOLL_FREE : NumberType.LOCAL)
                && areacode.map(a -> offer.number().nationalNumber().startsWith(a)).orElse(true)
                && region.map(r -> r.equalsIgnoreCase(offer.region().orElse(""))).orElse(true)
                && city.map(c -> c.equalsIgnoreCase(offer.locality().orElse(""))).orElse(true);
        for (String name : patterns) {
            String digits = request.param(name).orElseThrow();
            if (!digits.matches("[0-9]{3,7}")) {
                return invalid(INVALID_ATTRIBUTE, name + " must be 3 to 7 digits");
            }
            DigitPattern pattern = new DigitPattern(switch (name) {
                case "starts_with" -> DigitPattern.Kind.STARTS_WITH;
                case "contains" -> DigitPattern.Kind.CONTAINS;
                default -> DigitPattern.Kind.ENDS_WITH;
            }, digits);
            filter = filter.and(offer -> pattern.matches(offer.number()));
        }
        List<AvailableNumber> found = carrier().search(filter, max);
        ObjectNode body = JSON.createObjectNode();
        body.putObject("links").put("self", base() + "/api/relay/rest/phone_numbers/search");
        ArrayNode data = body.putArray("data");
        for (int i = 0; i < found.size(); i++) {
            data.add(i % 2 == 0 ? currentShape(found.get(i)) : legacyShape(found.get(i)));
        }
        return SimResponse.json(200, write(body));
    }

    /** The current TypeSpec shape: {@code number}, capabilities as an object. */
    private static ObjectNode currentShape(AvailableNumber offer) {
        ObjectNode item = JSON.createObjectNode();
        item.put("number", offer.number().e164());
        item.put("region", offer.region().orElse(null));
        item.put("city", offer.locality().orElse(null));
        item.put("rate_center", offer.rateCenter().orElse(null));
        item.putNull("lata");
        ObjectNode capabilities = item.putObject("capabilities");
        for (NumberFeature feature : NumberFeature.values()) {
            capabilities.put(feature.name().toLowerCase(Locale.ROOT), offer.features().contains(feature));
        }
        return item;
    }

    /** The legacy shape: {@code e164} and formatted numbers, capabilities as an array of strings. */
    private static ObjectNode legacyShape(AvailableNumber offer) {
        ObjectNode item = JSON.createObjectNode();
        String national = offer.number().nationalNumber();
        item.put("e164", offer.number().e164());
        item.put("national_number_formatted", "(" + national.substring(0, 3) + ") " + national.substring(3, 6) + "-" + national.substring(6));
        item.put("international_number_formatted", "+1 " + national.substring(0, 3) + "-" + national.substring(3, 6) + "-" + national.substring(6));
        item.put("rate_center", offer.rateCenter().orElse(null));
        item.put("region", offer.region().orElse(null));
        item.put("country_code", offer.countryCode());
        ArrayNode capabilities = item.putArray("capabilities");
        offer.features().forEach(f -> capabilities.add(f.name().toLowerCase(Locale.ROOT)));
        return item;
    }

    // ---- purchase, update ---------------------------------------------------------------------

    private SimResponse purchase(SimRequest request) {
        JsonNode body = read(request.body());
        String number = body.path("number").asText("");
        if (!number.matches("\\+[1-9][0-9]{1,14}")) {
            return invalid(INVALID_ATTRIBUTE, "number must be a phone number in E.164 format");
        }
        OwnedNumber bought = carrier().buy(PhoneNumber.of(number), null);
        return SimResponse.json(200, write(numberJson(bought)));
    }

    private SimResponse update(SimRequest request) {
        OwnedNumber current = byId(request.lastSegment());
        JsonNode body = read(request.body());
        OwnedNumber updated = carrier().update(current.number(), n -> {
            OwnedNumber.Builder b = n.toBuilder();
            if (body.hasNonNull("name")) {
                b.name(body.get("name").asText());
            }
            route(body, "call", n.voiceRoute()).ifPresent(b::voiceRoute);
            route(body, "message", n.messagingRoute()).ifPresent(b::messagingRoute);
            body.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("name") && e.getValue().isValueNode() && !e.getValue().isNull()) {
                    b.attribute(e.getKey(), e.getValue().asText());
                }
            });
            return b.build();
        });
        return SimResponse.json(200, write(numberJson(updated)));
    }

    /** A partial update, as SignalWire's PUT is: fields not named keep their values; an empty value clears. */
    private static Optional<Route> route(JsonNode body, String prefix, Optional<Route> current) {
        if (!body.hasNonNull(prefix + "_request_url")) {
            return Optional.empty();
        }
        Route route = new Route(URI.create(body.get(prefix + "_request_url").asText()),
                WebhookMethod.valueOf(body.path(prefix + "_request_method").asText("POST")), Optional.empty(), WebhookMethod.POST);
        Optional<String> fallback = body.has(prefix + "_fallback_url")
                ? Optional.of(body.path(prefix + "_fallback_url").asText("")).filter(v -> !v.isEmpty())
                : current.flatMap(Route::fallbackUrl).map(URI::toString);
        if (fallback.isPresent()) {
            route = route.withFallback(fallback.get(), WebhookMethod.valueOf(body.path(prefix + "_fallback_method")
                    .asText(current.map(r -> r.fallbackMethod().name()).orElse("POST"))));
        }
        return Optional.of(route);
    }

    // ---- list ---------------------------------------------------------------------------------

    private SimResponse list(SimRequest request) {
        int size = request.param("page_size").map(Integer::parseInt).orElse(50);
        if (size < 1 || size > 1000) {
            return invalid(INVALID_ATTRIBUTE, "page_size must be between 1 and 1000");
        }
        int pageNumber = request.param("page_number").map(Integer::parseInt).orElse(0);
        Optional<String> name = request.param("filter_name");
        Optional<String> number = request.param("filter_number");
        String filters = "filter_name=" + name.orElse("") + "&filter_number=" + number.orElse("") + "&page_size=" + size;
        if (pageNumber > 0) {
            String expected = pageTokens.get(filters + "#" + pageNumber);
            if (expected == null || !expected.equals(request.param("page_token").orElse(""))) {
                return invalid(INVALID_ATTRIBUTE, "page_token is missing or does not belong to this page");
            }
        }
        List<OwnedNumber> matching = carrier().ownedNumbers().stream()
                .filter(n -> name.map(f -> n.name().orElse("").toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT))).orElse(true))
                .filter(n -> number.map(f -> n.number().e164().contains(f)).orElse(true))
                .toList();
        int from = Math.min(pageNumber * size, matching.size());
        int to = Math.min(from + size, matching.size());
        ObjectNode body = JSON.createObjectNode();
        ObjectNode links = body.putObject("links");
        String query = "page_size=" + size + name.map(v -> "&filter_name=" + enc(v)).orElse("") + number.map(v -> "&filter_number=" + enc(v)).orElse("");
        links.put("self", base() + "/api/relay/rest/phone_numbers?" + query + "&page_number=" + pageNumber);
        links.put("first", base() + "/api/relay/rest/phone_numbers?" + query);
        if (to < matching.size()) {
            String token = "PA" + UUID.randomUUID();
            pageTokens.put(filters + "#" + (pageNumber + 1), token);
            links.put("next", base() + "/api/relay/rest/phone_numbers?" + query + "&page_number=" + (pageNumber + 1) + "&page_token=" + token);
        }
        ArrayNode data = body.putArray("data");
        matching.subList(from, to).forEach(n -> data.add(numberJson(n)));
        return SimResponse.json(200, write(body));
    }

    // ---- the phone-number object --------------------------------------------------------------

    /** The full phone-number object of SignalWire's schema, every required field present. */
    static ObjectNode numberJson(OwnedNumber n) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", n.id());
        item.put("number", n.number().e164());
        item.put("name", n.name().orElse(null));
        ArrayNode capabilities = item.putArray("capabilities");
        n.features().forEach(f -> capabilities.add(f.name().toLowerCase(Locale.ROOT)));
        item.put("number_type", n.type() == NumberType.TOLL_FREE ? "toll-free" : "longcode");
        item.putNull("e911_address_id");
        String created = n.createdAt().map(Object::toString).orElse("2026-01-01T00:00:00Z");
        item.put("created_at", created);
        item.put("updated_at", created);
        item.put("next_billed_at", n.createdAt().map(t -> t.plus(Duration.ofDays(30)).toString()).orElse(null));
        item.put("call_handler", n.voiceRoute().isPresent() ? "laml_webhooks" : null);
        item.putNull("calling_handler_resource_id");
        item.put("call_receive_mode", "voice");
        routeFields(item, "call", n.voiceRoute());
        for (String field : List.of("call_status_callback_url", "call_status_callback_method", "call_laml_application_id",
                "call_dialogflow_agent_id", "call_relay_topic", "call_relay_topic_status_callback_url", "call_relay_script_url",
                "call_relay_context", "call_relay_context_status_callback_url", "call_relay_application", "call_relay_connector_id",
                "call_sip_endpoint_id", "call_verto_resource", "call_video_room_id")) {
            item.put(field, n.attributes().get(field));
        }
        item.put("message_handler", n.messagingRoute().isPresent() ? "laml_webhooks" : null);
        item.putNull("messaging_handler_resource_id");
        routeFields(item, "message", n.messagingRoute());
        for (String field : List.of("message_laml_application_id", "message_relay_topic", "message_relay_context")) {
            item.put(field, n.attributes().get(field));
        }
        item.put("country_code", "US");
        return item;
    }

    private static void routeFields(ObjectNode item, String prefix, Optional<Route> route) {
        item.put(prefix + "_request_url", route.map(r -> r.url().toString()).orElse(null));
        item.put(prefix + "_request_method", route.map(r -> r.method().name()).orElse(null));
        item.put(prefix + "_fallback_url", route.flatMap(Route::fallbackUrl).map(URI::toString).orElse(null));
        item.put(prefix + "_fallback_method", route.filter(r -> r.fallbackUrl().isPresent()).map(r -> r.fallbackMethod().name()).orElse(null));
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** SignalWire's validation error: {@code {"errors": [{code, title, detail, status}]}}, code and status as strings. */
    private static SimResponse invalid(String code, String detail) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putArray("errors").addObject();
        error.put("code", code);
        error.put("title", "Invalid Attribute");
        error.put("detail", detail);
        error.put("status", "422");
        return SimResponse.json(422, write(body));
    }

    private String base() {
        return baseUri().toString();
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new CarrierRejection(CarrierRejection.Reason.INVALID, "the body is not JSON");
        }
    }

    private static String write(JsonNode node) {
        return node.toString();
    }
}
