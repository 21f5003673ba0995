package dev.telephony.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An answer: status, headers (names case-insensitive) and the body's bytes. Immutable: the public
 * constructor copies what it is given, and {@link #body()} answers a copy.
 */
public final class HttpResponse {
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    /**
     * @param status  the HTTP status
     * @param headers the headers, by name in any case
     * @param body    the body, or {@code null} for none
     */
    public HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        this.status = status;
        this.headers = Collections.unmodifiableMap(lower);
        this.body = body == null ? new byte[0] : body.clone();
    }

    private HttpResponse(int status, TreeMap<String, List<String>> lowerCaseHeaders, byte[] body, boolean owned) {
        this.status = status;
        this.headers = Collections.unmodifiableMap(lowerCaseHeaders);
        this.body = body;
    }

    /**
     * An answer as the client read it, taken over without copies: the client made the map (lower-case
     * names, unmodifiable lists) and the array for this answer alone, and hands out neither.
     */
    static HttpResponse received(int status, TreeMap<String, List<String>> lowerCaseHeaders, byte[] body) {
        return new HttpResponse(status, lowerCaseHeaders, body, true);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The headers, by lower-case name. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of header {@code name}, if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A copy of the body, empty when there was none. */
    public byte[] body() {
        return body.clone();
    }

    /** The body itself, not a copy: for this package's parsing, which only reads it. */
    byte[] bodyBytes() {
        return body;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpResponse that && status == that.status && headers.equals(that.headers)
                && java.util.Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * status + headers.hashCode()) + java.util.Arrays.hashCode(body);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "HttpResponse[status=" + status + ", bytes=" + body.length + "]";
    }
}
