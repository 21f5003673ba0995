package dev.telephony.testkit.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The catalogue of spoiled answers: truncated bodies, values of the wrong type, nulls and missing
 * fields, huge arrays, HTML error pages, the wrong content type, empty bodies, error bodies with
 * status 200, invalid dates and numbers. Field-level mutations pick their field with a seeded random,
 * so the same seed spoils the same answer the same way.
 */
public final class AnswerMutations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*|\\w{3}, \\d{1,2} \\w{3,4} \\d{4}.*");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d{7,15}");
    private static final int HUGE = 20_000;

    private AnswerMutations() {
    }

    /** Every mutation of the catalogue, field choices drawn from {@code seed}. */
    public static List<AnswerMutation> catalogue(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<AnswerMutation> all = new ArrayList<>();
        all.add(AnswerMutation.of("truncated", r -> body(r, r.body().isEmpty() ? "{" : r.body().substring(0,
                random.nextInt(Math.max(1, r.body().length()))))));
        all.add(json("a value of the wrong type", tree -> pickValue(tree, random).ifPresent(p -> p.replace(wrongType(p.value())))));
        all.add(json("every value of the wrong type", tree -> eachValue(tree, p -> p.replace(wrongType(p.value())))));
        all.add(json("a field null", tree -> pickValue(tree, random).ifPresent(p -> p.replace(NODES.nullNode()))));
        all.add(json("every field null", tree -> eachValue(tree, p -> p.replace(NODES.nullNode()))));
        // only fields of objects go missing: an answer one array element shorter is a different answer, not a broken one
        all.add(json("a field missing", tree -> pickField(tree, random).ifPresent(Place::remove)));
        all.add(AnswerMutation.of("an empty object", r -> json(r, "{}")));
        all.add(json("huge arrays", AnswerMutations::inflateArrays));
        all.add(AnswerMutation.of("an HTML error page", r -> new SimResponse(200, Map.of("Content-Type", "text/html"),
                "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>")));
        all.add(AnswerMutation.of("an XML body", r -> new SimResponse(r.status(), Map.of("Content-Type", "application/xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>Busy</Code><Message>try later</Message></Error>")));
        all.add(AnswerMutation.of("the answer labelled XML", r -> new SimResponse(r.status(), withContentType(r, "application/xml"),
                r.body())));
        all.add(AnswerMutation.of("an empty body", r -> new SimResponse(r.status(), withContentType(r, "application/json"), "")));
        all.add(AnswerMutation.of("an error object with 200", r -> json(r.withStatus(200),
                "{\"error\":{\"code\":\"InternalError\",\"message\":\"Something went wrong\"}}")));
        all.add(AnswerMutation.of("an error list with 200", r -> json(r.withStatus(200),
                "{\"errors\":[{\"code\":\"internal_error\",\"message\":\"Something went wrong\"}]}")));
        all.add(AnswerMutation.of("a REST exception with 200", r -> json(r.withStatus(200),
                "{\"code\":20500,\"message\":\"Internal Server Error\",\"more_info\":\"https://example.invalid/errors/20500\","
                        + "\"status\":500}")));
        all.add(AnswerMutation.of("messages with 200", r -> json(r.withStatus(200), "{\"messages\":[\"Internal error\"],\"data\":{}}")));
        all.add(json("invalid dates", tree -> eachValue(tree, p -> {
            if (p.value().isTextual() && DATE.matcher(p.value().asText()).matches()) {
                p.replace(NODES.textNode("31/02/2026 25:61"));
            }
        })));
        all.add(json("invalid numbers", tree -> eachValue(tree, p -> {
            if (p.value().isTextual() && PHONE.matcher(p.value().asText()).matches()) {
                p.replace(NODES.textNode("+1abc555"));
            } else if (p.value().isNumber()) {
                p.replace(NODES.numberNode(-1));
            }
        })));
        return List.copyOf(all);
    }

    /** The mutations of the catalogue that draw the place they spoil from the seed; the others spoil the same way for any seed. */
    private static final Set<String> DRAWN = Set.of("truncated", "a value of the wrong type", "a field null", "a field missing");

    /** One spoiled answer, with the mutation and seed that made it. */
    public record Spoiling(String description, SimResponse answer) {
    }

    /**
     * {@code answer} spoiled by every mutation of the catalogue (seed 1), and again by each mutation that
     * draws its place from the seed for seeds 2 to {@code seeds}: what a reader of that answer is tried
     * on, each spoiling once.
     */
    public static List<Spoiling> spoilings(SimResponse answer, int seeds) {
        List<Spoiling> all = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            for (AnswerMutation mutation : catalogue(seed)) {
                if (seed == 1 || DRAWN.contains(mutation.name())) {
                    all.add(new Spoiling(mutation.name() + " (seed " + seed + ")", mutation.apply(answer)));
                }
            }
        }
        return List.copyOf(all);
    }

    // ---- JSON surgery -------------------------------------------------------------------------

    private static AnswerMutation json(String name, Consumer<JsonNode> surgery) {
        return AnswerMutation.of(name, r -> {
            JsonNode tree;
            try {
                tree = r.body().isBlank() ? null : JSON.readTree(r.body());
            } catch (Exception notJson) {
                tree = null;
            }
            if (tree == null || !tree.isContainerNode()) {
                // nothing to operate on: an answer without a JSON body spoils into a bare scalar
                return json(r, "42");
            }
            JsonNode copy = tree.deepCopy();
            surgery.accept(copy);
            return json(r, copy.toString());
        });
    }

    private static SimResponse json(SimResponse original, String body) {
        return new SimResponse(original.status(), withContentType(original, "application/json"), body);
    }

    private static SimResponse body(SimResponse original, String body) {
        return new SimResponse(original.status(), original.headers(), body);
    }

    private static Map<String, String> withContentType(SimResponse original, String type) {
        Map<String, String> headers = new LinkedHashMap<>();
        original.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Type")) {
                headers.put(k, v);
            }
        });
        headers.put("Content-Type", type);
        return headers;
    }

    private static JsonNode wrongType(JsonNode value) {
        if (value.isTextual()) {
            return NODES.numberNode(12345);
        }
        if (value.isNumber() || value.isBoolean()) {
            return NODES.textNode("not a " + (value.isNumber() ? "number" : "boolean"));
        }
        if (value.isArray()) {
            return NODES.textNode("not an array");
        }
        if (value.isObject()) {
            return NODES.arrayNode().add("not an object");
        }
        return NODES.objectNode();
    }

    /** The outermost array grows to {@value #HUGE} items by repeating its own (copies of copies would explode). */
    private static void inflateArrays(JsonNode tree) {
        List<ArrayNode> arrays = new ArrayList<>();
        eachContainer(tree, node -> {
            if (node instanceof ArrayNode array && !array.isEmpty()) {
                arrays.add(array);
            }
        });
        if (arrays.isEmpty()) {
            return;
        }
        ArrayNode outermost = arrays.get(0);
        List<JsonNode> items = new ArrayList<>();
        outermost.forEach(items::add);
        for (int i = 0; outermost.size() < HUGE; i++) {
            outermost.add(items.get(i % items.size()).deepCopy());
        }
    }

    /** A place in the tree holding a value: a field of an object or an element of an array. */
    private record Place(JsonNode parent, String field, int index, JsonNode value) {
        void replace(JsonNode replacement) {
            if (parent instanceof ObjectNode object) {
                object.set(field, replacement);
            } else {
                ((ArrayNode) parent).set(index, replacement);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static List<Place> places(JsonNode tree) {
        List<Place> places = new ArrayList<>();
        eachContainer(tree, node -> {
            if (node instanceof ObjectNode object) {
                Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    places.add(new Place(object, field.getKey(), -1, field.getValue()));
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    places.add(new Place(array, null, i, array.get(i)));
                }
            }
        });
        return places;
    }

    private static java.util.Optional<Place> pickValue(JsonNode tree, SplittableRandom random) {
        List<Place> places = places(tree);
        return places.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(places.get(random.nextInt(places.size())));
    }

    private static java.util.Optional<Place> pickField(JsonNode tree, SplittableRandom random) {
        List<Place> fields = places(tree).stream().filter(p -> p.parent() instanceof ObjectNode).toList();
        return fields.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(fields.get(random.nextInt(fields.size())));
    }

    /** Every leaf value (and empty containers), deepest first, so replacing one never skips another. */
    private static void eachValue(JsonNode tree, Consumer<Place> change) {
        List<Place> leaves = new ArrayList<>();
        for (Place place : places(tree)) {
            if (!place.value().isContainerNode() || place.value().isEmpty()) {
                leaves.add(place);
            }
        }
        leaves.forEach(change);
    }

    private static void eachContainer(JsonNode node, Consumer<JsonNode> visit) {
        if (!node.isContainerNode()) {
            return;
        }
        visit.accept(node);
        List<JsonNode> children = new ArrayList<>();
        node.forEach(children::add);
        children.forEach(child -> eachContainer(child, visit));
    }
}
