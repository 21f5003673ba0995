package dev.telephony.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.RestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SignalWire's successful answers, read in the shapes its documents give and in no other. A body that
 * is not JSON, an error body answered with status 200, a list without its {@code data} array or its
 * {@code links}, or a {@code links.next} that is not a string is a {@link ProtocolException}, never
 * an empty result: the reads that reconcile a purchase or a release depend on it, since "the account
 * owns nothing" read from a broken answer would send a purchase again.
 */
final class SignalWireAnswers {
    private final RestClient client;

    SignalWireAnswers(RestClient client) {
        this.client = client;
    }

    /** The body as a JSON object that is not one of SignalWire's error bodies. */
    JsonNode body(HttpResponse response, String expected) {
        JsonNode body = client.json(response, JsonNode.class);
        if (!body.isObject()) {
            throw client.unreadable(response, expected, null);
        }
        // {"error": "..."} and {"errors": [...]} are SignalWire's error shapes, whatever the status says
        if (body.has("error") || body.has("errors")) {
            throw unusable(response, "SignalWire answered status " + response.status() + " with an error body: '"
                    + client.redactor().excerpt(response.body()) + "'", null);
        }
        return body;
    }

    /** The {@code data} array of a list or search answer: every item an object. */
    List<JsonNode> data(HttpResponse response, JsonNode body, String expected) {
        JsonNode data = body.get("data");
        if (data == null || !data.isArray()) {
            throw client.unreadable(response, expected + " (no data array)", null);
        }
        List<JsonNode> items = new ArrayList<>(data.size());
        for (JsonNode item : data) {
            if (!item.isObject()) {
                throw client.unreadable(response, expected + " (an item that is not an object)", null);
            }
            items.add(item);
        }
        return items;
    }

    /** {@code links.next} of a list answer: absent or null on the last page, else a string. */
    Optional<String> next(HttpResponse response, JsonNode body) {
        JsonNode links = body.get("links");
        if (links == null || !links.isObject()) {
            throw client.unreadable(response, "phone number list (no links object)", null);
        }
        JsonNode next = links.get("next");
        if (next == null || next.isNull()) {
            return Optional.empty();
        }
        if (!next.isTextual()) {
            throw client.unreadable(response, "phone number list (links.next is not a string)", null);
        }
        return Optional.of(next.asText()).filter(n -> !n.isBlank());
    }

    /** A protocol error about {@code response}, carrying its status and request id. */
    ProtocolException unusable(HttpResponse response, String reason, Throwable cause) {
        ProtocolException context = client.unreadable(response, "answer", null);
        return new ProtocolException(reason, context.context(), cause);
    }
}
