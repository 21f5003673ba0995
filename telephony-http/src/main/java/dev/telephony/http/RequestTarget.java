package dev.telephony.http;

import java.net.URI;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;

/**
 * Where a client's requests go: the scheme, host and port of its base URI, read once, so that each
 * request names only its path. A request whose path and query are plain (characters a URI takes as
 * they are, {@code %} only before two hex digits) is made without parsing a URI again; any other,
 * and every request of a base URI with user information, a query or a fragment, is made from
 * {@link URI#create} as before, which also refuses what is not a URI.
 */
final class RequestTarget {
    private final String baseUri;
    /** Null when requests must be made from a whole URI. */
    private final HttpHost host;
    private final String basePath;

    private RequestTarget(String baseUri, HttpHost host, String basePath) {
        this.baseUri = baseUri;
        this.host = host;
        this.basePath = basePath;
    }

    /** The target of {@code baseUri}, which has no trailing slash. */
    static RequestTarget of(String baseUri) {
        URI base = URI.create(baseUri);
        boolean plain = base.getHost() != null && base.getRawUserInfo() == null && base.getRawQuery() == null
                && base.getRawFragment() == null && base.getScheme() != null;
        return plain ? new RequestTarget(baseUri, HttpHost.create(base), base.getRawPath() == null ? "" : base.getRawPath())
                : new RequestTarget(baseUri, null, "");
    }

    /** The request {@code method pathAndQuery} to this target; {@code pathAndQuery} starts with {@code /}. */
    ClassicHttpRequest request(String method, String pathAndQuery) {
        if (host != null && isPlain(pathAndQuery)) {
            return new BasicClassicHttpRequest(method, host, basePath + pathAndQuery);
        }
        return new BasicClassicHttpRequest(method, URI.create(baseUri + pathAndQuery));
    }

    /** Only RFC 3986's unreserved and sub-delimiter characters, {@code : @ / ?}, and {@code %} before two hex digits. */
    static boolean isPlain(String pathAndQuery) {
        int length = pathAndQuery.length();
        for (int i = 0; i < length; i++) {
            char c = pathAndQuery.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                continue;
            }
            switch (c) {
                case '-', '.', '_', '~', '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '/', '?' -> {
                }
                case '%' -> {
                    if (i + 2 >= length || !isHex(pathAndQuery.charAt(i + 1)) || !isHex(pathAndQuery.charAt(i + 2))) {
                        return false;
                    }
                    i += 2;
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
