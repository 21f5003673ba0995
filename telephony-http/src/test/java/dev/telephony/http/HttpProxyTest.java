package dev.telephony.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.telephony.api.Secret;
import dev.telephony.api.spi.ProviderConfig;
import dev.telephony.testkit.time.ManualClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests go through a proxy: one named in the settings (with credentials when it asks), or the JVM's
 * {@code -Dhttp.proxyHost}. The proxy is a WireMock server on loopback that answers for the provider, so
 * the provider's host ({@code api.provider.invalid}) is never looked up.
 */
class HttpProxyTest {
    private static final URI PROVIDER = URI.create("http://api.provider.invalid");
    private static final Secret PROXY_PASSWORD = Secret.of("proxy-password", "pr0xy-s3cret-41");

    private final WireMockServer proxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final ManualClock clock = ManualClock.standard();

    @BeforeEach
    void start() {
        proxy.start();
        proxy.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"via\":\"proxy\"}")));
    }

    @AfterEach
    void stop() {
        proxy.stop();
    }

    private RestClient client(HttpSettings settings) {
        return RestClient.builder("acme", PROVIDER).authentication(Authentication.none())
                .clock(clock).sleeper(clock.sleeper()).random(new SplittableRandom(3))
                .settings(settings.withResponseTimeout(Duration.ofSeconds(5)))
                .build();
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> seen = proxy.findAll(anyRequestedFor(anyUrl()));
        assertThat(seen).isNotEmpty();
        return seen.get(seen.size() - 1);
    }

    @Test
    void aProxyInTheSettingsCarriesEveryRequestAndTheUserAgentNamesTheVersionAndTheApplication() {
        try (RestClient client = client(HttpSettings.defaults().withProxy(HttpProxy.of("127.0.0.1", proxy.port()))
                .withUserAgentSuffix("billing-service/2.3"))) {
            assertThat(client.read(HttpRequest.get("/v1/numbers")).text()).contains("proxy");
        }
        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("Host")).isEqualTo("api.provider.invalid");
        assertThat(request.getUrl()).endsWith("/v1/numbers");
        assertThat(request.getHeader("User-Agent")).startsWith("telephony-java/" + HttpSettings.version())
                .endsWith(" billing-service/2.3").doesNotContain("dev ");
        assertThat(HttpSettings.version()).as("the version the build put in").isNotEqualTo("dev").matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void aProxyThatAsksForCredentialsGetsThemFromConfigurationAndTheirPasswordIsSecret() {
        String expected = "Basic " + Base64.getEncoder().encodeToString(("ops:" + PROXY_PASSWORD.reveal()).getBytes(StandardCharsets.UTF_8));
        proxy.resetAll();
        proxy.stubFor(any(anyUrl()).withHeader("Proxy-Authorization", absent()).willReturn(aResponse().withStatus(407)
                .withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")));
        proxy.stubFor(any(anyUrl()).withHeader("Proxy-Authorization", equalTo(expected)).willReturn(aResponse().withStatus(200)
                .withBody("{\"via\":\"proxy\"}")));
        ProviderConfig config = ProviderConfig.of("acme", HttpConfig.keys(), Map.of(HttpConfig.PROXY_HOST, "127.0.0.1",
                HttpConfig.PROXY_PORT, String.valueOf(proxy.port()), HttpConfig.PROXY_USER, "ops",
                HttpConfig.PROXY_PASSWORD, PROXY_PASSWORD.reveal(), HttpConfig.MAX_CONNECTIONS, "4"), clock, clock.sleeper());
        HttpSettings settings = HttpConfig.settings(config);
        assertThat(settings.maxConnections()).isEqualTo(4);
        assertThat(settings.toString()).doesNotContain(PROXY_PASSWORD.reveal()).contains("127.0.0.1");
        try (RestClient client = client(settings)) {
            assertThat(client.read(HttpRequest.get("/v1/numbers")).status()).isEqualTo(200);
        }
        assertThat(onlyRequest().getHeader("Proxy-Authorization")).isEqualTo(expected);
    }

    @Test
    void theJvmProxyPropertiesAreHonouredByDefault() {
        String[] keys = {"http.proxyHost", "http.proxyPort", "http.nonProxyHosts"};
        String[] saved = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            saved[i] = System.getProperty(keys[i]);
        }
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", String.valueOf(proxy.port()));
        System.setProperty("http.nonProxyHosts", "localhost");
        try (RestClient client = client(HttpSettings.defaults())) {
            assertThat(client.read(HttpRequest.get("/v1/numbers")).text()).contains("proxy");
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], saved[i]);
                }
            }
        }
        assertThat(onlyRequest().getHeader("Host")).isEqualTo("api.provider.invalid");
    }

    @Test
    void aProxySelectorTheApplicationInstallsLaterIsAskedOnEveryRequestSocksPassedOver() {
        java.net.ProxySelector saved = java.net.ProxySelector.getDefault();
        java.util.List<java.net.URI> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (RestClient client = client(HttpSettings.defaults())) {
            java.net.ProxySelector.setDefault(new java.net.ProxySelector() {
                @Override
                public java.util.List<java.net.Proxy> select(java.net.URI uri) {
                    if (uri.getScheme().equals("socket")) {
                        // the JDK's own question when a socket connects (to the proxy, here): no SOCKS for that
                        return java.util.List.of(java.net.Proxy.NO_PROXY);
                    }
                    asked.add(uri);
                    return java.util.List.of(new java.net.Proxy(java.net.Proxy.Type.SOCKS, new java.net.InetSocketAddress("127.0.0.1", 9)),
                            new java.net.Proxy(java.net.Proxy.Type.HTTP, new java.net.InetSocketAddress("127.0.0.1", proxy.port())));
                }

                @Override
                public void connectFailed(java.net.URI uri, java.net.SocketAddress address, java.io.IOException failure) {
                }
            });
            assertThat(client.read(HttpRequest.get("/v1/numbers")).text()).contains("proxy");
            assertThat(client.read(HttpRequest.get("/v1/numbers")).text()).contains("proxy");
        } finally {
            java.net.ProxySelector.setDefault(saved);
        }
        assertThat(asked).as("the selector asked for each request, with the target").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(uri -> assertThat(uri.getHost()).isEqualTo("api.provider.invalid"));
    }
}
