package dev.telephony.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An answer: status, headers (names case-insensitive) and the body's bytes.
 *
 * @param status  the HTTP status
 * @param headers the headers, by lower-case name
 * @param body    the body, empty when there was none
 */
public record HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {
    public HttpResponse {
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(lower);
        body = body == null ? new byte[0] : body.clone();
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

    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "HttpResponse[status=" + status + ", bytes=" + body.length + "]";
    }
}
