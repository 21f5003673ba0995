package dev.telephony.compat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.RestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The LaML API's successful answers, read in the documented shapes and in no other. A body that is not
 * a JSON object, a {@code RestException} body ({@code code}, {@code message}, …) or an
 * {@code {"errors": […]}} body answered with a success status, a list without its array or without
 * {@code next_page_uri}, or a next link that is not a string is a {@link ProtocolException}, never an
 * empty result: the reads that reconcile a purchase or a release depend on it.
 */
final class LamlAnswers {
    private final RestClient client;

    LamlAnswers(RestClient client) {
        this.client = client;
    }

    /** The body as a JSON object that is not one of the API's error bodies. */
    JsonNode body(HttpResponse response, String expected) {
        JsonNode body = client.json(response, JsonNode.class);
        if (!body.isObject()) {
            throw client.unreadable(response, expected, null);
        }
        boolean restException = body.has("code") && body.has("message")
                || body.has("more_info") || body.has("errors");
        if (restException) {
            throw unusable(response, "the provider answered status " + response.status() + " with an error body: '"
                    + client.redactor().excerpt(response.body()) + "'", null);
        }
        return body;
    }

    /** The array {@code field} of a list answer, every item an object. */
    List<JsonNode> items(HttpResponse response, JsonNode body, String field) {
        JsonNode array = body.get(field);
        if (array == null || !array.isArray()) {
            throw client.unreadable(response, "list (no " + field + " array)", null);
        }
        List<JsonNode> items = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            if (!item.isObject()) {
                throw client.unreadable(response, "list (an item of " + field + " that is not an object)", null);
            }
            items.add(item);
        }
        return items;
    }

    /** {@code next_page_uri}: present on every page, null on the last, else a string. */
    Optional<String> next(HttpResponse response, JsonNode body) {
        if (!body.has("next_page_uri")) {
            throw client.unreadable(response, "list (no next_page_uri)", null);
        }
        JsonNode next = body.get("next_page_uri");
        if (next.isNull()) {
            return Optional.empty();
        }
        if (!next.isTextual()) {
            throw client.unreadable(response, "list (next_page_uri is not a string)", null);
        }
        return Optional.of(next.asText()).filter(n -> !n.isBlank());
    }

    /** A protocol error about {@code response}, carrying its status and request id. */
    ProtocolException unusable(HttpResponse response, String reason, Throwable cause) {
        return new ProtocolException(reason, client.unreadable(response, "answer", null).context(), cause);
    }
}
