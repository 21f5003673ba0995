package dev.telephony.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request a provider sends: method, path (already encoded, see {@link UrlPath}), query,
 * headers and body. Immutable; built with the static factories and {@code with…} methods.
 */
public final class HttpRequest {
    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String contentType;

    private HttpRequest(String method, String path, List<Map.Entry<String, String>> query, Map<String, String> headers,
                        byte[] body, String contentType) {
        this.method = method;
        this.path = path;
        // the lists and maps handed in are made for this request (or are another's, already unmodifiable): no copy
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.contentType = contentType;
    }

    public static HttpRequest get(String path) {
        return of("GET", path);
    }

    public static HttpRequest post(String path) {
        return of("POST", path);
    }

    public static HttpRequest put(String path) {
        return of("PUT", path);
    }

    public static HttpRequest patch(String path) {
        return of("PATCH", path);
    }

    public static HttpRequest delete(String path) {
        return of("DELETE", path);
    }

    private static HttpRequest of(String method, String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with '/', was " + path);
        }
        return new HttpRequest(method, path, List.of(), Map.of(), null, null);
    }

    /** Adds a query parameter; a {@code null} value is left out. */
    public HttpRequest query(String name, Object value) {
        if (value == null) {
            return this;
        }
        List<Map.Entry<String, String>> more = new ArrayList<>(query.size() + 1);
        more.addAll(query);
        more.add(Map.entry(name, value.toString()));
        return new HttpRequest(method, path, java.util.Collections.unmodifiableList(more), headers, body, contentType);
    }

    public HttpRequest header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new HttpRequest(method, path, query, java.util.Collections.unmodifiableMap(more), body, contentType);
    }

    /** A body of {@code contentType}. */
    public HttpRequest body(byte[] content, String contentType) {
        return new HttpRequest(method, path, query, headers, content.clone(), contentType);
    }

    /** An {@code application/x-www-form-urlencoded} body; {@code null} values are left out. */
    public HttpRequest form(Map<String, ?> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((k, v) -> {
            if (v != null) {
                text.append(text.length() == 0 ? "" : "&").append(UrlPath.encodeQuery(k)).append('=')
                        .append(UrlPath.encodeQuery(v.toString()));
            }
        });
        return body(text.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public List<Map.Entry<String, String>> query() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Optional<byte[]> body() {
        return Optional.ofNullable(body).map(byte[]::clone);
    }

    /** The body itself, not a copy, or null: for this package's sending, which only reads it. */
    byte[] bodyBytes() {
        return body;
    }

    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** The path and encoded query, as sent. */
    public String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder text = new StringBuilder(path).append(path.contains("?") ? '&' : '?');
        for (int i = 0; i < query.size(); i++) {
            Map.Entry<String, String> e = query.get(i);
            text.append(i == 0 ? "" : "&").append(UrlPath.encodeQuery(e.getKey())).append('=')
                    .append(UrlPath.encodeQuery(e.getValue()));
        }
        return text.toString();
    }

    /** Method and path only: what may be logged. */
    @Override
    public String toString() {
        int q = path.indexOf('?');
        return method + " " + (q < 0 ? path : path.substring(0, q));
    }
}
