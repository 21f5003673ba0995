package dev.telephony.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.telephony.api.Secret;
import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.testkit.contract.LogCapture;
import dev.telephony.testkit.time.ManualClock;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared HTTP plumbing, against WireMock on loopback. */
class HttpPlumbingTest {
    private static final Secret TOKEN = Secret.of("token", "tok-9f8e7d6c5b4a");

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final ManualClock clock = ManualClock.standard();
    private RestClient client;

    private RestClient client() {
        if (client == null) {
            server.start();
            client = RestClient.builder("acme", URI.create("http://127.0.0.1:" + server.port()))
                    .authentication(Authentication.basic("project", TOKEN))
                    .clock(clock).sleeper(clock.sleeper()).random(new SplittableRandom(5))
                    .build();
        }
        return client;
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
            server.stop();
        }
    }

    @Test
    void pathSegmentsAndQueryValuesAreEncodedSoAPlusNeverBecomesASpace() {
        assertThat(UrlPath.of("phoneNumbers", "+14255550100")).isEqualTo("/phoneNumbers/%2B14255550100");
        assertThat(UrlPath.of("a b", "c/d")).isEqualTo("/a%20b/c%2Fd");
        assertThat(HttpRequest.get("/x").query("number", "+1 212").pathAndQuery()).isEqualTo("/x?number=%2B1%20212");
        assertThat(HttpRequest.post("/x").form(Map.of("PhoneNumber", "+12125550100")).body().map(b -> new String(b, StandardCharsets.UTF_8)))
                .contains("PhoneNumber=%2B12125550100");

        server.stubFor(get(urlPathEqualTo("/numbers/%2B12125550100")).willReturn(aResponse().withStatus(200).withBody("{}")));
        assertThat(client().send(HttpRequest.get(UrlPath.of("numbers", "+12125550100"))).status()).isEqualTo(200);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(RetryAfter.parse(Optional.of("7"), clock)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(Optional.of("Mon, 05 Jan 2026 09:00:30 GMT"), clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(Optional.of("Mon, 05 Jan 2026 08:00:00 GMT"), clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of("soon"), clock)).isEmpty();
        assertThat(RetryAfter.parse(Optional.empty(), clock)).isEmpty();
    }

    @Test
    void readsAreRetriedHonouringRetryAfterOnTheInjectedClock() {
        server.stubFor(get("/r").inScenario("s").whenScenarioStateIs("Started").willSetStateTo("second")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "Mon, 05 Jan 2026 09:00:04 GMT")));
        server.stubFor(get("/r").inScenario("s").whenScenarioStateIs("second").willReturn(aResponse().withStatus(200).withBody("ok")));
        Instant before = clock.instant();
        assertThat(client().read(HttpRequest.get("/r")).text()).isEqualTo("ok");
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(4));
        assertThat(clock.instant()).isEqualTo(before.plusSeconds(4));
    }

    @Test
    void sendNeverRetries() {
        server.stubFor(get("/w").willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> client().send(HttpRequest.get("/w"))).isInstanceOf(ProviderUnavailableException.class);
        server.verify(1, getRequestedFor(urlEqualTo("/w")));
    }

    @Test
    void errorsCarryProviderStatusAndRequestId() {
        server.stubFor(get("/e").willReturn(aResponse().withStatus(401).withHeader("X-Request-Id", "req-42")));
        assertThatThrownBy(() -> client().send(HttpRequest.get("/e"))).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.provider()).contains("acme");
            assertThat(e.httpStatus()).hasValue(401);
            assertThat(e.requestId()).contains("req-42");
        });
        server.stubFor(get("/l").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
        assertThatThrownBy(() -> client().send(HttpRequest.get("/l")))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3)));
    }

    @Test
    void anUnreadableBodyIsAProtocolErrorQuotingAShortSecretFreeExcerpt() {
        String body = "<html>" + "x".repeat(200) + TOKEN.reveal() + "</html>";
        server.stubFor(get("/p").willReturn(aResponse().withStatus(200).withBody("oops " + TOKEN.reveal() + " " + body)));
        assertThatThrownBy(() -> client().json(client().send(HttpRequest.get("/p")), Map.class))
                .isInstanceOf(ProtocolException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).contains("oops ****").doesNotContain(TOKEN.reveal());
                    assertThat(e.getMessage().length()).isLessThan(260);
                });
    }

    @Test
    void connectionFailuresAndSilenceBecomeProviderUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RestClient nowhere = RestClient.builder("acme", URI.create("http://127.0.0.1:" + closedPort)).build()) {
            assertThatThrownBy(() -> nowhere.send(HttpRequest.get("/x"))).isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("could not connect");
        }
        client();
        server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(4500)));
        // a short response time-out for this request alone: the other tests keep the default, so a first answer
        // slowed by a loaded machine is not taken for silence
        try (RestClient impatient = RestClient.builder("acme", URI.create("http://127.0.0.1:" + server.port()))
                .authentication(Authentication.basic("project", TOKEN))
                .settings(HttpSettings.defaults().withResponseTimeout(Duration.ofMillis(1500))).build()) {
            assertThatThrownBy(() -> impatient.send(HttpRequest.get("/slow"))).isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("may have been carried out");
        }
        server.stubFor(get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> client().send(HttpRequest.get("/reset"))).isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void requestLogsAreAnAllowListWithoutSecrets() {
        LogCapture capture = LogCapture.begin().orElseThrow();
        try {
            server.stubFor(get(urlPathEqualTo("/numbers")).willReturn(aResponse().withStatus(200).withHeader("X-Request-Id", "req-7").withBody("{}")));
            client().read(HttpRequest.get("/numbers").query("filter", "secret-ish-value").header("X-Api-Key", TOKEN.reveal()));
        } finally {
            capture.finish();
        }
        assertThat(capture.lines()).anySatisfy(line -> assertThat(line).contains("acme GET /numbers -> 200").contains("req-7"));
        // every logger, HttpClient's own included, at DEBUG: no credential, no Authorization header
        assertThat(capture.lines()).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(TOKEN.reveal())
                .doesNotContain("Authorization").doesNotContain("X-Api-Key"));
        assertThat(capture.lines()).filteredOn(line -> line.startsWith("dev.telephony"))
                .allSatisfy(line -> assertThat(line).doesNotContain("secret-ish-value"));
        assertThat(capture.lines()).anySatisfy(line -> assertThat(line).startsWith("org.apache.hc.client5.http"));
        assertThat(client().toString()).doesNotContain(TOKEN.reveal());
    }

    @Test
    void redactorShortensAndScrubs() {
        Redactor redactor = new Redactor(List.of(TOKEN));
        assertThat(redactor.excerpt(("a\nb " + TOKEN.reveal()).getBytes(StandardCharsets.UTF_8))).isEqualTo("a b ****");
        assertThat(redactor.excerpt("y".repeat(500).getBytes(StandardCharsets.UTF_8))).hasSize(Redactor.EXCERPT_LENGTH + 1);
    }
}
