package dev.telephony.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telephony.api.Address;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.E911Address;
import dev.telephony.api.HeldNumber;
import dev.telephony.api.Hold;
import dev.telephony.api.HoldStatus;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberStatus;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PortOrder;
import dev.telephony.api.PortStatus;
import dev.telephony.api.PortabilityResult;
import dev.telephony.api.PortedNumber;
import dev.telephony.api.PurchaseFailure;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.Region;
import dev.telephony.api.Route;
import dev.telephony.api.WebhookMethod;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON form of the neutral API's values: what {@code --json} prints, and what the sandbox's state
 * file holds. Every field is always present (null when unknown), numbers are E.164 strings and enums
 * their API names, so scripts can rely on the shape.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static <T> ArrayNode array(Collection<T> items, Function<T, JsonNode> each) {
        ArrayNode array = array();
        items.forEach(item -> array.add(each.apply(item)));
        return array;
    }

    // ---- values to JSON -----------------------------------------------------------------------

    static ObjectNode offer(AvailableNumber offer) {
        ObjectNode node = object();
        node.put("number", offer.number().e164());
        node.put("type", offer.type().name());
        node.set("features", names(offer.features()));
        node.put("country", offer.countryCode());
        node.put("region", offer.region().orElse(null));
        node.put("locality", offer.locality().orElse(null));
        node.put("rateCenter", offer.rateCenter().orElse(null));
        node.put("holdExpiresAt", offer.holdExpiresAt().map(Instant::toString).orElse(null));
        node.set("attributes", map(offer.attributes()));
        return node;
    }

    static ObjectNode owned(OwnedNumber number) {
        ObjectNode node = object();
        node.put("id", number.id());
        node.put("number", number.number().e164());
        node.put("name", number.name().orElse(null));
        node.put("type", number.type().name());
        node.set("features", names(number.features()));
        node.put("status", number.status().name());
        node.set("voiceRoute", number.voiceRoute().map(Json::route).orElse(null));
        node.set("messagingRoute", number.messagingRoute().map(Json::route).orElse(null));
        node.set("e911Address", number.e911Address().map(Json::e911).orElse(null));
        node.put("callerIdName", number.callerIdName().orElse(null));
        node.put("createdAt", number.createdAt().map(Instant::toString).orElse(null));
        node.set("attributes", map(number.attributes()));
        return node;
    }

    static ObjectNode order(PurchaseOrder order) {
        ObjectNode node = object();
        node.put("id", order.id());
        node.put("status", order.status().name());
        node.set("requested", numbers(order.requested()));
        node.set("purchased", numbers(order.purchased()));
        node.set("failures", array(order.failures(), f -> {
            ObjectNode failure = object();
            failure.put("number", f.number().e164());
            failure.put("reason", f.reason());
            failure.put("code", f.code().orElse(null));
            return failure;
        }));
        node.put("details", order.details().orElse(null));
        node.put("createdAt", order.createdAt().map(Instant::toString).orElse(null));
        node.put("reference", order.reference().orElse(null));
        node.set("attributes", map(order.attributes()));
        return node;
    }

    static ObjectNode hold(Hold hold) {
        ObjectNode node = object();
        node.put("id", hold.id());
        node.put("status", hold.status().name());
        node.put("expiresAt", hold.expiresAt().toString());
        node.set("held", numbers(hold.held()));
        node.set("numbers", array(hold.numbers(), n -> {
            ObjectNode entry = object();
            entry.put("number", n.number().e164());
            entry.put("status", n.status().name());
            entry.put("errorCode", n.errorCode().orElse(null));
            entry.put("errorMessage", n.errorMessage().orElse(null));
            entry.set("offer", offer(n.offer()));
            return entry;
        }));
        node.set("attributes", map(hold.attributes()));
        return node;
    }

    static ObjectNode port(PortOrder port) {
        ObjectNode node = object();
        node.put("id", port.id());
        node.put("status", port.status().name());
        node.set("numbers", array(port.numbers(), n -> {
            ObjectNode each = object();
            each.put("number", n.number().e164());
            each.put("status", n.status().name());
            each.put("rejectionReason", n.rejectionReason().orElse(null));
            return each;
        }));
        node.put("rejectionReason", port.rejectionReason().orElse(null));
        node.put("requestedDate", port.requestedDate().toString());
        node.put("confirmedDate", port.confirmedDate().map(LocalDate::toString).orElse(null));
        node.put("submittedAt", port.submittedAt().map(Instant::toString).orElse(null));
        node.put("completedAt", port.completedAt().map(Instant::toString).orElse(null));
        node.set("attributes", map(port.attributes()));
        return node;
    }

    static ObjectNode portability(PortabilityResult result) {
        ObjectNode node = object();
        node.put("number", result.number().e164());
        node.put("portable", result.portable());
        node.put("currentCarrier", result.currentCarrier().orElse(null));
        node.put("lineType", result.lineType().orElse(null));
        if (result.estimatedDays().isPresent()) {
            node.put("estimatedDays", result.estimatedDays().get());
        } else {
            node.putNull("estimatedDays");
        }
        node.put("reason", result.reason().orElse(null));
        return node;
    }

    static ObjectNode region(Region region) {
        ObjectNode node = object();
        node.put("id", region.id());
        node.put("name", region.name());
        node.put("kind", region.kind().name());
        node.put("country", region.countryCode());
        node.put("parentId", region.parentId().orElse(null));
        node.set("numberTypes", names(region.numberTypes()));
        return node;
    }

    static ObjectNode route(Route route) {
        ObjectNode node = object();
        node.put("url", route.url().toString());
        node.put("method", route.method().name());
        node.put("fallbackUrl", route.fallbackUrl().map(URI::toString).orElse(null));
        node.put("fallbackMethod", route.fallbackUrl().isPresent() ? route.fallbackMethod().name() : null);
        return node;
    }

    static ObjectNode e911(E911Address e911) {
        ObjectNode node = object();
        node.put("customerName", e911.customerName());
        Address a = e911.address();
        ObjectNode address = node.putObject("address");
        address.put("street", a.street());
        address.put("unit", a.unit().orElse(null));
        address.put("city", a.city());
        address.put("state", a.state());
        address.put("postalCode", a.postalCode());
        address.put("country", a.country());
        return node;
    }

    static ArrayNode numbers(List<PhoneNumber> numbers) {
        return array(numbers, n -> NODES.textNode(n.e164()));
    }

    /** Enum values by their API names, in declaration order (VOICE before SMS), whatever order the set has. */
    static ArrayNode names(Set<? extends Enum<?>> values) {
        ArrayNode array = array();
        values.stream().sorted(java.util.Comparator.comparingInt(Enum::ordinal)).map(Enum::name).forEach(array::add);
        return array;
    }

    static ObjectNode map(Map<String, String> values) {
        ObjectNode node = object();
        values.forEach(node::put);
        return node;
    }

    // ---- JSON to values (the sandbox's state file) --------------------------------------------

    static AvailableNumber toOffer(JsonNode node) {
        AvailableNumber.Builder b = AvailableNumber.builder(PhoneNumber.of(node.path("number").asText()))
                .type(NumberType.valueOf(node.path("type").asText()))
                .features(features(node.path("features")))
                .countryCode(node.path("country").asText())
                .region(text(node, "region").orElse(null))
                .locality(text(node, "locality").orElse(null))
                .rateCenter(text(node, "rateCenter").orElse(null))
                .holdExpiresAt(text(node, "holdExpiresAt").map(Instant::parse).orElse(null));
        toMap(node.path("attributes")).forEach(b::attribute);
        return b.build();
    }

    static OwnedNumber toOwned(JsonNode node) {
        OwnedNumber.Builder b = OwnedNumber.builder(node.path("id").asText(), PhoneNumber.of(node.path("number").asText()))
                .name(text(node, "name").orElse(null))
                .type(NumberType.valueOf(node.path("type").asText()))
                .features(features(node.path("features")))
                .status(NumberStatus.valueOf(node.path("status").asText()))
                .voiceRoute(present(node, "voiceRoute").map(Json::toRoute).orElse(null))
                .messagingRoute(present(node, "messagingRoute").map(Json::toRoute).orElse(null))
                .e911Address(present(node, "e911Address").map(Json::toE911).orElse(null))
                .callerIdName(text(node, "callerIdName").orElse(null))
                .createdAt(text(node, "createdAt").map(Instant::parse).orElse(null));
        toMap(node.path("attributes")).forEach(b::attribute);
        return b.build();
    }

    static PurchaseOrder toOrder(JsonNode node) {
        PurchaseOrder.Builder b = PurchaseOrder.builder(node.path("id").asText(), PurchaseStatus.valueOf(node.path("status").asText()))
                .requested(toNumbers(node.path("requested")))
                .purchased(toNumbers(node.path("purchased")))
                .details(text(node, "details").orElse(null))
                .createdAt(text(node, "createdAt").map(Instant::parse).orElse(null))
                .reference(text(node, "reference").orElse(null));
        List<PurchaseFailure> failures = new ArrayList<>();
        node.path("failures").forEach(f -> failures.add(new PurchaseFailure(PhoneNumber.of(f.path("number").asText()),
                f.path("reason").asText(), text(f, "code"))));
        b.failures(failures);
        toMap(node.path("attributes")).forEach(b::attribute);
        return b.build();
    }

    static Hold toHold(JsonNode node) {
        List<HeldNumber> numbers = new ArrayList<>();
        node.path("numbers").forEach(n -> numbers.add(new HeldNumber(toOffer(n.path("offer")),
                HeldNumber.Status.valueOf(n.path("status").asText()), text(n, "errorCode"), text(n, "errorMessage"))));
        return new Hold(node.path("id").asText(), HoldStatus.valueOf(node.path("status").asText()), numbers,
                Instant.parse(node.path("expiresAt").asText()), toMap(node.path("attributes")));
    }

    static PortOrder toPort(JsonNode node) {
        List<PortedNumber> numbers = new ArrayList<>();
        node.path("numbers").forEach(n -> numbers.add(new PortedNumber(PhoneNumber.of(n.path("number").asText()),
                PortStatus.valueOf(n.path("status").asText()), text(n, "rejectionReason"))));
        return new PortOrder(node.path("id").asText(), PortStatus.valueOf(node.path("status").asText()), numbers,
                text(node, "rejectionReason"), LocalDate.parse(node.path("requestedDate").asText()),
                text(node, "confirmedDate").map(LocalDate::parse), text(node, "submittedAt").map(Instant::parse),
                text(node, "completedAt").map(Instant::parse), toMap(node.path("attributes")));
    }

    static PortabilityResult toPortability(JsonNode node) {
        JsonNode days = node.path("estimatedDays");
        return new PortabilityResult(PhoneNumber.of(node.path("number").asText()), node.path("portable").asBoolean(),
                text(node, "currentCarrier"), text(node, "lineType"),
                days.isNumber() ? Optional.of(days.asInt()) : Optional.empty(), text(node, "reason"));
    }

    static Route toRoute(JsonNode node) {
        Route route = Route.to(node.path("url").asText(), WebhookMethod.valueOf(node.path("method").asText("POST")));
        Optional<String> fallback = text(node, "fallbackUrl");
        return fallback.isPresent()
                ? route.withFallback(fallback.get(), WebhookMethod.valueOf(node.path("fallbackMethod").asText("POST")))
                : route;
    }

    static E911Address toE911(JsonNode node) {
        JsonNode a = node.path("address");
        return new E911Address(node.path("customerName").asText(), new Address(a.path("street").asText(), text(a, "unit"),
                a.path("city").asText(), a.path("state").asText(), a.path("postalCode").asText(), a.path("country").asText()));
    }

    static List<PhoneNumber> toNumbers(JsonNode array) {
        List<PhoneNumber> numbers = new ArrayList<>();
        array.forEach(n -> numbers.add(PhoneNumber.of(n.asText())));
        return numbers;
    }

    static Set<NumberFeature> features(JsonNode array) {
        Set<NumberFeature> features = EnumSet.noneOf(NumberFeature.class);
        array.forEach(f -> features.add(NumberFeature.valueOf(f.asText())));
        return features;
    }

    static Map<String, String> toMap(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Optional<JsonNode> present(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }
}
