package dev.telephony.http;

import java.nio.charset.StandardCharsets;

/**
 * Builds URL paths from segments, percent-encoding each one so that nothing in a value can change
 * the path: a {@code +} in a number becomes {@code %2B}, never a space, and a {@code /} cannot add a
 * segment.
 */
public final class UrlPath {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlPath() {
    }

    /** {@code /a/b/c} from segments {@code a}, {@code b}, {@code c}, each encoded. */
    public static String of(String... segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append('/').append(encodeSegment(segment));
        }
        return path.toString();
    }

    /** One path segment, percent-encoded (RFC 3986 unreserved characters are kept). */
    public static String encodeSegment(String segment) {
        if (segment == null || segment.isEmpty()) {
            throw new IllegalArgumentException("a path segment must not be empty");
        }
        return encode(segment);
    }

    /** A query name or value, percent-encoded ({@code +} as {@code %2B}, space as {@code %20}). */
    public static String encodeQuery(String value) {
        return encode(value);
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }
}
