package dev.telephony.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The way the Azure SDK's own tests reach a local server: the client keeps its https endpoint (so the
 * SDK signs requests exactly as in production) and this HTTP client, below the signing policy,
 * delivers each request to the simulator on loopback instead.
 */
final class LoopbackHttpClient implements HttpClient {
    /** One Netty client for all tests: starting Netty's event loops per test would cost seconds. */
    private static final HttpClient NETTY = new NettyAsyncHttpClientBuilder()
            .responseTimeout(AzureHarness.RESPONSE_TIMEOUT)
            .readTimeout(AzureHarness.RESPONSE_TIMEOUT)
            .writeTimeout(Duration.ofSeconds(5))
            .build();

    private final URI target;

    LoopbackHttpClient(URI target) {
        this.target = target;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return NETTY.send(redirect(request));
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request, com.azure.core.util.Context context) {
        return NETTY.send(redirect(request), context);
    }

    private HttpRequest redirect(HttpRequest request) {
        URL url = request.getUrl();
        String file = url.getFile();
        try {
            HttpRequest copy = request.copy();
            copy.setUrl(new URL("http", target.getHost(), target.getPort(), file));
            // the signature covers the endpoint's host, so the Host header stays as the SDK set it
            copy.setHeader(com.azure.core.http.HttpHeaderName.HOST, url.getHost());
            return copy;
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
