package dev.telephony.testkit.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.telephony.testkit.carrier.CarrierRejection;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The base of every provider's stateful simulator: a WireMock server on 127.0.0.1 and a random
 * port that hands each request to the subclass, after counting it on the {@link CarrierState},
 * checking its credentials and applying any fault queued for its kind, before the carrier acts
 * (401, 429, 5xx) or after it (unparseable body, no answer in time, connection reset).
 *
 * <p>A subclass says, in its provider's wire format, how to classify, authenticate, serve and refuse.
 */
public abstract class WireSimulator implements AutoCloseable {
    private static final String TRANSFORMER = "telephony-simulator";

    private final CarrierState carrier;
    private final WireMockServer server;
    private volatile Duration lostAnswerDelay = Duration.ofMillis(1500);

    protected WireSimulator(CarrierState carrier) {
        this.carrier = Objects.requireNonNull(carrier, "carrier");
        this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(20)
                .jettyStopTimeout(500L).extensions(new Dispatcher()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(TRANSFORMER)));
    }

    public CarrierState carrier() {
        return carrier;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public int port() {
        return server.port();
    }

    /**
     * How long the simulator holds the answer for a "no answer in time" fault; set it above the
     * client's response time-out.
     */
    public WireSimulator lostAnswerDelay(Duration delay) {
        this.lostAnswerDelay = delay;
        return this;
    }

    /** What kind of request this is, for counting and faults. */
    protected abstract RequestKind classify(SimRequest request);

    /** Whether the request carries valid credentials. */
    protected abstract boolean authorized(SimRequest request);

    /** The provider's answer to bad credentials. */
    protected abstract SimResponse unauthorized();

    /** The provider's "too many requests" answer. */
    protected abstract SimResponse rateLimited(Duration retryAfter);

    /** The provider's server-error answer. */
    protected abstract SimResponse serverError(int status);

    /** Serves the request; may throw {@link CarrierRejection}. */
    protected abstract SimResponse serve(SimRequest request);

    /** The provider's answer when the carrier refused. */
    protected abstract SimResponse refused(SimRequest request, CarrierRejection rejection);

    /** The answer to requests whose credentials are checked later (a log-in), before the credential check. */
    protected Optional<SimResponse> beforeAuthentication(SimRequest request) {
        return Optional.empty();
    }

    SimResponse answer(SimRequest request, Holder<Fault> after) {
        RequestKind kind = classify(request);
        carrier.recordRequest(kind);
        Optional<SimResponse> logIn = beforeAuthentication(request);
        if (logIn.isEmpty() && !authorized(request)) {
            return unauthorized();
        }
        // a log-in takes its faults like any other request, so a token exchange can fail too
        Optional<Fault> fault = carrier.faults().next(kind);
        if (fault.isPresent()) {
            switch (fault.get().kind()) {
                case UNAUTHORIZED:
                    return unauthorized();
                case RATE_LIMITED:
                    return rateLimited(fault.get().retryAfter().orElse(Duration.ofSeconds(1)));
                case SERVER_ERROR:
                    return serverError(fault.get().status());
                default:
                    after.value = fault.get();
            }
        }
        if (logIn.isPresent()) {
            return logIn.get();
        }
        try {
            return serve(request);
        } catch (CarrierRejection rejection) {
            return refused(request, rejection);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    static final class Holder<T> {
        T value;
    }

    private final class Dispatcher implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request raw = event.getRequest();
            Map<String, String> headers = new LinkedHashMap<>();
            for (HttpHeader header : raw.getHeaders().all()) {
                headers.put(header.key(), header.firstValue());
            }
            SimRequest request = SimRequest.of(raw.getMethod().getName(), raw.getUrl(), headers, raw.getBodyAsString());
            Holder<Fault> after = new Holder<>();
            SimResponse response = answer(request, after);
            ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition().withStatus(response.status());
            response.headers().forEach(builder::withHeader);
            if (!response.body().isEmpty()) {
                builder.withBody(response.body());
            }
            if (after.value != null) {
                switch (after.value.kind()) {
                    case MALFORMED_BODY -> builder = ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                            .withHeader("Content-Type", "application/json").withBody("<<<not json at all");
                    case TIMEOUT_AFTER_COMMIT -> builder.withFixedDelay((int) lostAnswerDelay.toMillis());
                    case RESET_AFTER_COMMIT -> builder = ResponseDefinitionBuilder.responseDefinition()
                            .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
                    case MUTATED_ANSWER -> {
                        SimResponse spoiled = after.value.mutation().orElseThrow().apply(response);
                        builder = ResponseDefinitionBuilder.responseDefinition().withStatus(spoiled.status());
                        spoiled.headers().forEach(builder::withHeader);
                        if (!spoiled.body().isEmpty()) {
                            builder.withBody(spoiled.body());
                        }
                    }
                    default -> throw new IllegalStateException("not a fault after the carrier acted: " + after.value);
                }
            }
            return builder.build();
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

}
