package dev.telephony.http;

import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.spi.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLContext;

/**
 * How a {@link RestClient} talks HTTP: time-outs, pool size, retries, proxy, TLS and user agent.
 * Immutable; each {@code with…} answers a changed copy.
 *
 * <p>By default the JVM's proxy settings ({@code -Dhttps.proxyHost}, {@code -Dhttp.nonProxyHosts}, or a
 * {@link java.net.ProxySelector} the application installed) and trust store ({@code -Djavax.net.ssl.trustStore})
 * apply, as they do for the JDK's own HTTP client.
 */
public final class HttpSettings {
    /** The library's version as built, read when first asked for: connecting reads no resource for it. */
    private static final class Version {
        static final String VALUE = readVersion();
    }

    /** The library's version, as built ({@code dev} when built without a version). */
    public static String version() {
        return Version.VALUE;
    }

    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxConnections;
    private final RetryPolicy retryPolicy;
    private final String userAgentSuffix;
    private final Optional<HttpProxy> proxy;
    private final Optional<SSLContext> sslContext;
    private final int bulkConcurrency;

    private HttpSettings(Duration connectTimeout, Duration responseTimeout, int maxConnections, RetryPolicy retryPolicy,
                         String userAgentSuffix, Optional<HttpProxy> proxy, Optional<SSLContext> sslContext, int bulkConcurrency) {
        this.connectTimeout = requirePositive("connectTimeout", connectTimeout);
        this.responseTimeout = requirePositive("responseTimeout", responseTimeout);
        if (maxConnections < 1 || maxConnections > 10_000) {
            throw InvalidRequestException.of("maxConnections", "must be between 1 and 10000, was " + maxConnections);
        }
        this.maxConnections = maxConnections;
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.userAgentSuffix = Objects.requireNonNull(userAgentSuffix, "userAgentSuffix");
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
        if (bulkConcurrency < 1 || bulkConcurrency > MAX_BULK_CONCURRENCY) {
            throw InvalidRequestException.of("bulkConcurrency", "must be between 1 and " + MAX_BULK_CONCURRENCY + ", was " + bulkConcurrency);
        }
        this.bulkConcurrency = bulkConcurrency;
    }

    /**
     * How many numbers of one bulk purchase are bought at once by default, where a provider buys one number
     * per request. SignalWire caps writes at 13,800 per 10 s per project (1,380 a second) and documents no
     * concurrency limit; Twilio documents a per-account limit on concurrent REST requests (100 by default,
     * answered with 429 and code 20429 when exceeded) that the account's other traffic shares. Ten in
     * flight stays under SignalWire's cap for round trips down to about 7 ms and takes a tenth of
     * Twilio's default limit, while buying 100 numbers at a 300 ms round trip in about 3 s instead of 30.
     */
    public static final int DEFAULT_BULK_CONCURRENCY = 10;
    /** The most numbers a bulk purchase may keep in flight. */
    public static final int MAX_BULK_CONCURRENCY = 1000;

    /**
     * 10 s to connect, 30 s for an answer, 20 pooled connections, {@link RetryPolicy#defaults()}, the JVM's proxy and
     * trust, {@value #DEFAULT_BULK_CONCURRENCY} numbers of a bulk purchase at once.
     */
    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 20, RetryPolicy.defaults(), "",
                Optional.empty(), Optional.empty(), DEFAULT_BULK_CONCURRENCY);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** The connection pool's size. */
    public int maxConnections() {
        return maxConnections;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The proxy every request goes through; empty for the JVM's proxy settings. */
    public Optional<HttpProxy> proxy() {
        return proxy;
    }

    /** The TLS context; empty for the JVM's default (its trust store and system properties). */
    public Optional<SSLContext> sslContext() {
        return sslContext;
    }

    /**
     * How many numbers of one bulk purchase are in flight at once where the provider buys one number per
     * request (SignalWire, the LaML API); never more than {@link #maxConnections()} in practice.
     */
    public int bulkConcurrency() {
        return bulkConcurrency;
    }

    /** {@code telephony-java/<version>}, then the application's suffix if one was given. */
    public String userAgent() {
        return "telephony-java/" + version() + (userAgentSuffix.isEmpty() ? "" : " " + userAgentSuffix);
    }

    public HttpSettings withConnectTimeout(Duration timeout) {
        return new HttpSettings(timeout, responseTimeout, maxConnections, retryPolicy, userAgentSuffix, proxy, sslContext,
                bulkConcurrency);
    }

    public HttpSettings withResponseTimeout(Duration timeout) {
        return new HttpSettings(connectTimeout, timeout, maxConnections, retryPolicy, userAgentSuffix, proxy, sslContext,
                bulkConcurrency);
    }

    public HttpSettings withRetryPolicy(RetryPolicy policy) {
        return new HttpSettings(connectTimeout, responseTimeout, maxConnections, policy, userAgentSuffix, proxy, sslContext,
                bulkConcurrency);
    }

    public HttpSettings withMaxConnections(int connections) {
        return new HttpSettings(connectTimeout, responseTimeout, connections, retryPolicy, userAgentSuffix, proxy, sslContext,
                bulkConcurrency);
    }

    /**
     * How many numbers of one bulk purchase are bought at once (1 buys them one after another); see
     * {@link #DEFAULT_BULK_CONCURRENCY} for the providers' limits.
     */
    public HttpSettings withBulkConcurrency(int concurrency) {
        return new HttpSettings(connectTimeout, responseTimeout, maxConnections, retryPolicy, userAgentSuffix, proxy, sslContext,
                concurrency);
    }

    /** Every request through {@code proxy}, whatever the JVM's proxy settings say. */
    public HttpSettings withProxy(HttpProxy proxy) {
        return new HttpSettings(connectTimeout, responseTimeout, maxConnections, retryPolicy, userAgentSuffix,
                Optional.of(Objects.requireNonNull(proxy, "proxy")), sslContext, bulkConcurrency);
    }

    /** TLS with {@code context} (a private trust store, a client certificate) instead of the JVM's default. */
    public HttpSettings withSslContext(SSLContext context) {
        return new HttpSettings(connectTimeout, responseTimeout, maxConnections, retryPolicy, userAgentSuffix, proxy,
                Optional.of(Objects.requireNonNull(context, "context")), bulkConcurrency);
    }

    /** Adds {@code suffix} (such as {@code billing-service/2.3}) to the user agent, so the provider's logs name the application. */
    public HttpSettings withUserAgentSuffix(String suffix) {
        if (suffix == null || suffix.isBlank() || suffix.length() > 200 || suffix.chars().anyMatch(c -> c < ' ' || c > '~')) {
            throw InvalidRequestException.of("userAgentSuffix", "must be 1 to 200 printable ASCII characters, was '" + suffix + "'");
        }
        return new HttpSettings(connectTimeout, responseTimeout, maxConnections, retryPolicy, suffix.strip(), proxy, sslContext,
                bulkConcurrency);
    }

    @Override
    public String toString() {
        return "HttpSettings[connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout + ", maxConnections="
                + maxConnections + ", proxy=" + proxy.map(HttpProxy::toString).orElse("JVM settings") + ", tls="
                + (sslContext.isPresent() ? "custom" : "JVM default") + ", bulkConcurrency=" + bulkConcurrency + ", userAgent="
                + userAgent() + "]";
    }

    private static Duration requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw InvalidRequestException.of(name, "must be positive, was " + value);
        }
        if (value.compareTo(Duration.ofDays(1)) > 0) {
            throw InvalidRequestException.of(name, "must be at most a day, was " + value);
        }
        return value;
    }

    private static String readVersion() {
        try (InputStream in = HttpSettings.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "");
            return version.isEmpty() || version.startsWith("${") ? "dev" : version;
        } catch (IOException e) {
            return "dev";
        }
    }
}
