package dev.telephony.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the answers a provider sends most often (search results, pages of numbers) straight from the
 * JSON tokens, without building a tree first.
 *
 * <p>A reader takes only the documented shape, exactly: a field of another type, an error body or a
 * value the mapping refuses makes it <em>decline</em>, and the caller then reads the same
 * bytes as a tree, whose strict checks name what is wrong in the {@link dev.telephony.api.error.ProtocolException}.
 * So reading from tokens changes how fast an answer is read, never what it means: whatever a reader
 * accepts, the tree reading gives the same values for.
 */
public final class JsonTokens {
    // A repeated key is its last value to the tree. A reader that assigns each field as it comes, keeps
    // every attribute it meets in an insertion-ordered map and checks every value it assigns reads such an
    // answer as the tree does; a reader that would add up repeated keys (a set of capabilities) declines them.
    private static final Declined DECLINED = new Declined();

    private JsonTokens() {
    }

    /** What a token reader makes of a JSON body, or of one value of it. */
    @FunctionalInterface
    public interface Reader<T> {
        /**
         * Reads the body from {@code parser}, placed before its first token (or the value, the parser on its first token).
         *
         * @return the value, never null
         * @throws Declined when the body is not in the shape this reader takes
         */
        T read(JsonParser parser) throws IOException;
    }

    /** Thrown by a reader for a body outside the shape it takes: the caller reads the body as a tree instead. */
    public static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Declined() {
            // one shared instance without a stack trace: declining is a normal outcome, not an error
            super("declined", null, false, false);
        }
    }

    /**
     * The body of {@code response} read by {@code reader}; empty when it declines, when the body is not
     * JSON, or when the mapping refuses a value.
     */
    public static <T> Optional<T> read(HttpResponse response, Reader<T> reader) {
        try (JsonParser parser = RestClient.sharedMapper().createParser(response.bodyBytes())) {
            return Optional.of(reader.read(parser));
        } catch (IOException | RuntimeException declined) {
            return Optional.empty();
        }
    }

    /** Declines the body being read. */
    public static Declined decline() {
        return DECLINED;
    }

    /** Moves to the next token, which must be {@code expected}. */
    public static void next(JsonParser parser, JsonToken expected) throws IOException {
        if (parser.nextToken() != expected) {
            throw DECLINED;
        }
    }

    /**
     * The current value as text, as the providers' tree readers take a string field: {@code null} for
     * JSON null or an empty string; any other type declines.
     */
    public static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw DECLINED;
        }
        String text = parser.getText();
        return text.isEmpty() ? null : text;
    }

    /**
     * The array the parser is on, each of its items an object read by {@code item} (called on the
     * object's {@code START_OBJECT}); anything but an array of objects declines.
     */
    public static <T> List<T> objects(JsonParser parser, Reader<T> item) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw DECLINED;
        }
        List<T> items = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            items.add(item.read(parser));
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
            throw DECLINED;
        }
        return items;
    }

    /**
     * The current value as the providers keep a field they have no typed place for: a string as it is,
     * a number or boolean as the tree spells it, an object or array as its JSON; {@code null} for JSON null.
     */
    public static String attribute(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        JsonNode tree = tree(parser);
        return tree.isValueNode() ? tree.asText() : tree.toString();
    }

    /**
     * {@code name}, noted in {@code seen}; a name already seen declines: for an object whose keys a
     * reader adds up (a set of capabilities), which the tree would read by each key's last value.
     */
    public static String firstTime(List<String> seen, String name) {
        if (seen.contains(name)) {
            throw DECLINED;
        }
        seen.add(name);
        return name;
    }

    /** The current value, object or array as a tree, for the rare field a reader keeps whole. */
    public static JsonNode tree(JsonParser parser) throws IOException {
        JsonNode tree = parser.readValueAsTree();
        if (tree == null) {
            throw DECLINED;
        }
        return tree;
    }
}
