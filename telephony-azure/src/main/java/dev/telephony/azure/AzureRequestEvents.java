package dev.telephony.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import dev.telephony.api.spi.ProviderEvents;
import dev.telephony.api.spi.Retrier;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The pipeline step that reports each request the SDK sends (method, path as a template, status,
 * {@code x-ms-request-id}, attempt, duration) to the provider's {@link ProviderEvents}, as the shared
 * REST client does for the other providers. It is the pipeline's last step, next to the wire: each
 * try of the SDK's retry step is one request, and every answer is reported with its status, whatever
 * the steps before it make of it. It reads no header but the answer's request id.
 */
final class AzureRequestEvents implements HttpPipelinePolicy {
    private static final String ATTEMPT = "telephony.attempt";

    private final ProviderEvents events;

    AzureRequestEvents(ProviderEvents events) {
        this.events = events;
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        if (!events.active()) {
            return next.process();
        }
        ProviderEvents.Exchange exchange = start(context);
        return next.process()
                .doOnNext(response -> exchange.answered(response.getStatusCode(), requestId(response)))
                .doOnError(exchange::failed);
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        if (!events.active()) {
            return next.processSync();
        }
        ProviderEvents.Exchange exchange = start(context);
        HttpResponse response;
        try {
            response = next.processSync();
        } catch (RuntimeException | Error e) {
            exchange.failed(e);
            throw e;
        }
        exchange.answered(response.getStatusCode(), requestId(response));
        return response;
    }

    private ProviderEvents.Exchange start(HttpPipelineCallContext context) {
        // the SDK's retry step sends the same context again: count its tries on it, after the library's own
        int sdkTry = context.getData(ATTEMPT).map(Integer.class::cast).orElse(0) + 1;
        context.setData(ATTEMPT, sdkTry);
        int attempt = Retrier.currentAttempt() + sdkTry - 1;
        com.azure.core.http.HttpRequest request = context.getHttpRequest();
        String path = request.getUrl().getPath();
        return events.request(request.getHttpMethod().name(), path == null || path.isEmpty() ? "/" : path, attempt);
    }

    private static Optional<String> requestId(HttpResponse response) {
        return Optional.ofNullable(response.getHeaderValue(HttpHeaderName.fromString("x-ms-request-id")))
                .or(() -> Optional.ofNullable(response.getHeaderValue(HttpHeaderName.X_MS_CLIENT_REQUEST_ID)));
    }
}
