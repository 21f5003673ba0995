package dev.telephony.testkit.wire;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request as a simulator sees it, decoded the way a real server decodes it: path segments
 * percent-decoded one by one, query and form values with {@code +} read as a space.
 *
 * @param method   the HTTP method
 * @param rawPath  the path as sent, still encoded
 * @param segments the decoded path segments
 * @param query    the decoded query parameters
 * @param headers  the headers, by lower-case name
 * @param body     the body as text
 * @param rawQuery the query as sent, still encoded
 */
public record SimRequest(String method, String rawPath, List<String> segments, Map<String, List<String>> query,
                         Map<String, String> headers, String body, Optional<String> rawQuery) {

    /** Reads {@code url} (path and query as sent). */
    public static SimRequest of(String method, String url, Map<String, String> headers, String body) {
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        List<String> segments = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                segments.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return new SimRequest(method, path, List.copyOf(segments), java.util.Collections.unmodifiableMap(parseForm(q < 0 ? "" : url.substring(q + 1))),
                Map.copyOf(lower), body == null ? "" : body, q < 0 ? Optional.empty() : Optional.of(url.substring(q + 1)));
    }

    /** Decodes {@code a=1&b=2} form or query text. */
    public static Map<String, List<String>> parseForm(String text) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        Arrays.stream(text.split("&")).filter(p -> !p.isEmpty()).forEach(pair -> {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        });
        return values;
    }

    /** The first value of query parameter {@code name}. */
    public Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The form fields of an {@code application/x-www-form-urlencoded} body. */
    public Map<String, List<String>> form() {
        return java.util.Collections.unmodifiableMap(parseForm(body));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Whether the path is exactly these segments; {@code *} matches any one segment. */
    public boolean is(String method, String... pattern) {
        if (!this.method.equalsIgnoreCase(method) || segments.size() != pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The last path segment, decoded. */
    public String lastSegment() {
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }
}
