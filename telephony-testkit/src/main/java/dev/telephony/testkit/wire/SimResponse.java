package dev.telephony.testkit.wire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a simulator answers.
 *
 * @param status  the HTTP status
 * @param headers extra headers
 * @param body    the body text, empty for none
 */
public record SimResponse(int status, Map<String, String> headers, String body) {
    public SimResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** A JSON answer. */
    public static SimResponse json(int status, String json) {
        return new SimResponse(status, Map.of("Content-Type", "application/json"), json);
    }

    /** An answer with no body. */
    public static SimResponse empty(int status) {
        return new SimResponse(status, Map.of(), "");
    }

    /** This answer with another status. */
    public SimResponse withStatus(int other) {
        return new SimResponse(other, headers, body);
    }

    /** This answer with one more header. */
    public SimResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SimResponse(status, more, body);
    }
}
