package dev.telephony.example.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberType;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.testkit.carrier.CarrierRejection;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.wire.SimRequest;
import dev.telephony.testkit.wire.SimResponse;
import dev.telephony.testkit.wire.WireSimulator;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Acme's API as the carrier state sees it: bearer tokens, {@code {code,message}} errors, and every
 * endpoint the provider uses. The base class counts requests, checks credentials and applies faults.
 */
final class AcmeSimulator extends WireSimulator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String authorization;

    AcmeSimulator(CarrierState carrier, String token) {
        super(carrier);
        this.authorization = "Bearer " + token;
    }

    @Override
    protected RequestKind classify(SimRequest request) {
        return switch (request.method()) {
            case "POST" -> RequestKind.PURCHASE;
            case "PATCH" -> RequestKind.UPDATE;
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
        return error(401, "unauthorized", "the token is not valid");
    }

    @Override
    protected SimResponse rateLimited(Duration retryAfter) {
        return error(429, "rate_limited", "too many requests").withHeader("Retry-After", String.valueOf(retryAfter.toSeconds()));
    }

    @Override
    protected SimResponse serverError(int status) {
        return error(status, "internal", "try again later");
    }

    @Override
    protected SimResponse refused(SimRequest request, CarrierRejection rejection) {
        return switch (rejection.reason()) {
            case NOT_FOUND -> error(404, "not_found", rejection.getMessage());
            case NOT_AVAILABLE -> error(409, "number_unavailable", rejection.getMessage());
            case CONFLICT -> error(409, "conflict", rejection.getMessage());
            case INVALID -> error(422, "invalid", rejection.getMessage());
        };
    }

    @Override
    protected SimResponse serve(SimRequest request) {
        if (request.is("GET", "v1", "available-numbers")) {
            String areaCode = request.param("area_code").orElse("");
            int limit = Integer.parseInt(request.param("limit").orElse("10"));
            ArrayNode numbers = JSON.createArrayNode();
            carrier().search(o -> o.type() == NumberType.LOCAL && o.number().nationalNumber().startsWith(areaCode), limit)
                    .forEach(o -> numbers.add(offer(o)));
            return ok(200, JSON.createObjectNode().set("numbers", numbers));
        }
        if (request.is("POST", "v1", "numbers")) {
            return ok(201, number(carrier().buy(PhoneNumber.of(body(request).path("number").asText()), null)));
        }
        if (request.is("GET", "v1", "numbers")) {
            int size = Integer.parseInt(request.param("page_size").orElse("50"));
            Optional<PhoneNumber> after = request.param("page_token").map(t -> PhoneNumber.of("+" + t));
            List<OwnedNumber> page = carrier().ownedPage(after, n -> true, size + 1);
            ArrayNode numbers = JSON.createArrayNode();
            page.stream().limit(size).forEach(n -> numbers.add(number(n)));
            ObjectNode answer = JSON.createObjectNode().set("numbers", numbers);
            answer.put("next_page_token", page.size() > size ? page.get(size - 1).number().digits() : null);
            return ok(200, answer);
        }
        PhoneNumber number = PhoneNumber.of(request.lastSegment());
        if (request.is("GET", "v1", "numbers", "*")) {
            return carrier().owned(number).map(n -> ok(200, number(n)))
                    .orElseGet(() -> error(404, "not_found", number + " is not on this account"));
        }
        if (request.is("PATCH", "v1", "numbers", "*")) {
            JsonNode name = body(request).path("name");
            return ok(200, number(carrier().update(number, n -> name.isTextual()
                    ? NumberUpdate.builder().name(name.asText()).build().applyTo(n) : n)));
        }
        if (request.is("DELETE", "v1", "numbers", "*")) {
            carrier().release(number);
            return SimResponse.empty(204);
        }
        return error(404, "not_found", "no such endpoint");
    }

    private static ObjectNode offer(AvailableNumber offer) {
        ObjectNode item = JSON.createObjectNode().put("number", offer.number().e164()).put("type", "local");
        features(item, offer.features());
        return item;
    }

    private static ObjectNode number(OwnedNumber owned) {
        ObjectNode item = JSON.createObjectNode().put("id", owned.id()).put("number", owned.number().e164())
                .put("name", owned.name().orElse(null)).put("type", owned.type() == NumberType.TOLL_FREE ? "toll_free" : "local")
                .put("created_at", owned.createdAt().map(Object::toString).orElse(null));
        features(item, owned.features());
        return item;
    }

    private static void features(ObjectNode item, Set<NumberFeature> features) {
        ArrayNode names = item.putArray("features");
        features.forEach(f -> names.add(f.name().toLowerCase(Locale.ROOT)));
    }

    private static JsonNode body(SimRequest request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new CarrierRejection(CarrierRejection.Reason.INVALID, "the body is not JSON");
        }
    }

    private static SimResponse ok(int status, JsonNode body) {
        return SimResponse.json(status, body.toString());
    }

    private static SimResponse error(int status, String code, String message) {
        return SimResponse.json(status, JSON.createObjectNode().put("code", code).put("message", message).toString());
    }
}
