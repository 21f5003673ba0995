package dev.telephony.http;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Routes each request as the JVM's proxy selector of the moment decides ({@link ProxySelector#getDefault()}:
 * {@code -Dhttps.proxyHost} and the rest, or a selector the application installed): through the first
 * HTTP proxy it offers, or directly when it offers a direct connection first or nothing; SOCKS proxies
 * are passed over, as HttpClient's own system-default planner does. The selector is asked on every
 * request; only the target's URI, which it is asked with, is made once per target instead of per request.
 */
final class JvmProxyRoutePlanner extends DefaultRoutePlanner {
    /** The last target and its URI: a client talks to one host. */
    private volatile Known last;

    JvmProxyRoutePlanner() {
        super(null);
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
        URI uri = uriOf(target);
        ProxySelector selector = ProxySelector.getDefault();
        if (selector == null) {
            return null;
        }
        for (Proxy proxy : selector.select(uri)) {
            if (proxy.type() == Proxy.Type.DIRECT) {
                return null;
            }
            if (proxy.type() == Proxy.Type.HTTP) {
                if (!(proxy.address() instanceof InetSocketAddress address)) {
                    throw new HttpException("a proxy without a host and port: " + proxy.address());
                }
                return new HttpHost(null, address.getAddress(), address.getHostString(), address.getPort());
            }
        }
        return null;
    }

    private URI uriOf(HttpHost target) throws HttpException {
        Known known = last;
        if (known != null && known.target().equals(target)) {
            return known.uri();
        }
        try {
            URI uri = new URI(target.toURI());
            last = new Known(target, uri);
            return uri;
        } catch (URISyntaxException e) {
            throw new HttpException("the host " + target + " is not a URI", e);
        }
    }

    private record Known(HttpHost target, URI uri) {
    }
}
