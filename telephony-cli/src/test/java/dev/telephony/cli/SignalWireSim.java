package dev.telephony.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.Route;
import dev.telephony.testkit.carrier.CarrierRejection;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.wire.SimRequest;
import dev.telephony.testkit.wire.SimResponse;
import dev.telephony.testkit.wire.WireSimulator;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A small simulator of SignalWire's REST phone-number API, enough for the command line's tests:
 * Basic auth, search, purchase, the paginated list (with {@code links.next}), get, update of the name
 * and voice route, and release, in the shapes SignalWire documents (see telephony-signalwire's own,
 * fuller simulator).
 */
final class SignalWireSim extends WireSimulator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NUMBERS = {"api", "relay", "rest", "phone_numbers"};

    private final String authorization;

    SignalWireSim(CarrierState carrier, String projectId, String apiToken) {
        super(carrier);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((projectId + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
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
        return SimResponse.json(401, "{\"error\":\"Unauthorized\"}");
    }

    @Override
    protected SimResponse rateLimited(Duration retryAfter) {
        return SimResponse.json(429, "{\"error\":\"Too Many Requests\"}").withHeader("Retry-After", String.valueOf(retryAfter.toSeconds()));
    }

    @Override
    protected SimResponse serverError(int status) {
        return SimResponse.json(status, "{\"error\":\"Internal Server Error\"}");
    }

    @Override
    protected SimResponse refused(SimRequest request, CarrierRejection rejection) {
        return switch (rejection.reason()) {
            case NOT_FOUND -> SimResponse.json(404, "{\"error\":\"Not Found\"}");
            case NOT_AVAILABLE -> invalid("phone_number_unavailable", "number", "The phone number is not available for purchase.");
            case CONFLICT, INVALID -> invalid("invalid_request", "request", rejection.getMessage());
        };
    }

    @Override
    protected SimResponse serve(SimRequest request) {
        if (request.is("GET", NUMBERS[0], NUMBERS[1], NUMBERS[2], NUMBERS[3], "search")) {
            return search(request);
        }
        if (request.is("GET", NUMBERS)) {
            return list(request);
        }
        if (request.is("POST", NUMBERS)) {
            String number = read(request.body()).path("number").asText("");
            return SimResponse.json(200, numberJson(carrier().buy(PhoneNumber.of(number), null)).toString());
        }
        if (request.is("GET", NUMBERS[0], NUMBERS[1], NUMBERS[2], NUMBERS[3], "*")) {
            return SimResponse.json(200, numberJson(byId(request.lastSegment())).toString());
        }
        if (request.is("PUT", NUMBERS[0], NUMBERS[1], NUMBERS[2], NUMBERS[3], "*")) {
            OwnedNumber current = byId(request.lastSegment());
            JsonNode body = read(request.body());
            OwnedNumber updated = carrier().update(current.number(), n -> {
                OwnedNumber.Builder b = n.toBuilder();
                if (body.hasNonNull("name")) {
                    b.name(body.get("name").asText());
                }
                if (body.hasNonNull("call_request_url")) {
                    b.voiceRoute(Route.to(body.get("call_request_url").asText(),
                            dev.telephony.api.WebhookMethod.valueOf(body.path("call_request_method").asText("POST"))));
                }
                return b.build();
            });
            return SimResponse.json(200, numberJson(updated).toString());
        }
        if (request.is("DELETE", NUMBERS[0], NUMBERS[1], NUMBERS[2], NUMBERS[3], "*")) {
            carrier().release(byId(request.lastSegment()).number());
            return SimResponse.empty(204);
        }
        return SimResponse.json(404, "{\"error\":\"Not Found\"}");
    }

    private SimResponse search(SimRequest request) {
        String type = request.param("number_type").orElse("local");
        int max = request.param("max_results").map(Integer::parseInt).orElse(50);
        Optional<String> areacode = request.param("areacode");
        Optional<String> region = request.param("region");
        Optional<String> city = request.param("city");
        Optional<String> contains = request.param("contains");
        Predicate<AvailableNumber> filter = offer -> offer.type() == (type.equals("toll-free") ? NumberType.TOLL_FREE : NumberType.LOCAL)
                && areacode.map(a -> offer.number().nationalNumber().startsWith(a)).orElse(true)
                && region.map(r -> r.equalsIgnoreCase(offer.region().orElse(""))).orElse(true)
                && city.map(c -> c.equalsIgnoreCase(offer.locality().orElse(""))).orElse(true)
                && contains.map(d -> offer.number().nationalNumber().contains(d)).orElse(true);
        ObjectNode body = JSON.createObjectNode();
        body.putObject("links").put("self", baseUri() + "/api/relay/rest/phone_numbers/search");
        ArrayNode data = body.putArray("data");
        for (AvailableNumber offer : carrier().search(filter, max)) {
            ObjectNode item = data.addObject();
            item.put("number", offer.number().e164());
            item.put("region", offer.region().orElse(null));
            item.put("city", offer.locality().orElse(null));
            item.put("rate_center", offer.rateCenter().orElse(null));
            ObjectNode capabilities = item.putObject("capabilities");
            for (NumberFeature feature : NumberFeature.values()) {
                capabilities.put(feature.name().toLowerCase(Locale.ROOT), offer.features().contains(feature));
            }
        }
        return SimResponse.json(200, body.toString());
    }

    private SimResponse list(SimRequest request) {
        int size = request.param("page_size").map(Integer::parseInt).orElse(50);
        int page = request.param("page_number").map(Integer::parseInt).orElse(0);
        Optional<String> name = request.param("filter_name");
        Optional<String> number = request.param("filter_number");
        List<OwnedNumber> matching = carrier().ownedNumbers().stream()
                .filter(n -> name.map(f -> n.name().orElse("").toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT))).orElse(true))
                .filter(n -> number.map(f -> n.number().e164().contains(f)).orElse(true))
                .toList();
        int from = Math.min(page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        ObjectNode body = JSON.createObjectNode();
        ObjectNode links = body.putObject("links");
        String query = "page_size=" + size + name.map(v -> "&filter_name=" + enc(v)).orElse("")
                + number.map(v -> "&filter_number=" + enc(v)).orElse("");
        links.put("self", baseUri() + "/api/relay/rest/phone_numbers?" + query + "&page_number=" + page);
        if (to < matching.size()) {
            links.put("next", baseUri() + "/api/relay/rest/phone_numbers?" + query + "&page_number=" + (page + 1)
                    + "&page_token=PA" + (page + 1));
        }
        ArrayNode data = body.putArray("data");
        matching.subList(from, to).forEach(n -> data.add(numberJson(n)));
        return SimResponse.json(200, body.toString());
    }

    private OwnedNumber byId(String id) {
        return carrier().ownedById(id).orElseThrow(() -> new CarrierRejection(CarrierRejection.Reason.NOT_FOUND, "no number " + id));
    }

    private static ObjectNode numberJson(OwnedNumber n) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", n.id());
        item.put("number", n.number().e164());
        item.put("name", n.name().orElse(null));
        ArrayNode capabilities = item.putArray("capabilities");
        n.features().forEach(f -> capabilities.add(f.name().toLowerCase(Locale.ROOT)));
        item.put("number_type", n.type() == NumberType.TOLL_FREE ? "toll-free" : "longcode");
        item.put("created_at", n.createdAt().map(Object::toString).orElse("2026-01-01T00:00:00Z"));
        item.put("call_handler", n.voiceRoute().isPresent() ? "laml_webhooks" : null);
        item.put("call_request_url", n.voiceRoute().map(r -> r.url().toString()).orElse(null));
        item.put("call_request_method", n.voiceRoute().map(r -> r.method().name()).orElse(null));
        item.put("country_code", "US");
        return item;
    }

    private static SimResponse invalid(String code, String attribute, String detail) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putArray("errors").addObject();
        error.put("type", "validation_error");
        error.put("code", code);
        error.put("title", "Invalid Attribute");
        error.put("detail", detail);
        error.put("status", "422");
        error.put("attribute", attribute);
        return SimResponse.json(422, body.toString());
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new CarrierRejection(CarrierRejection.Reason.INVALID, "the body is not JSON");
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
