package dev.telephony.http;

import dev.telephony.api.spi.ConfigKey;
import dev.telephony.api.spi.ProviderConfig;
import dev.telephony.api.error.InvalidRequestException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The configuration keys every REST provider reads for its HTTP client, and the settings they make. */
public final class HttpConfig {
    /** Seconds to wait for a connection. */
    public static final String CONNECT_TIMEOUT = "connect-timeout-seconds";
    /** Seconds to wait for an answer. */
    public static final String RESPONSE_TIMEOUT = "response-timeout-seconds";
    /** Milliseconds to wait for a connection; overrides {@link #CONNECT_TIMEOUT} (tests want less than a second). */
    public static final String CONNECT_TIMEOUT_MILLIS = "connect-timeout-millis";
    /** Milliseconds to wait for an answer; overrides {@link #RESPONSE_TIMEOUT}. */
    public static final String RESPONSE_TIMEOUT_MILLIS = "response-timeout-millis";

    /** An HTTP proxy's host; without it the JVM's proxy settings apply. */
    public static final String PROXY_HOST = "proxy-host";
    /** The proxy's port. */
    public static final String PROXY_PORT = "proxy-port";
    /** The proxy's user, if it wants credentials. */
    public static final String PROXY_USER = "proxy-user";
    /** The proxy user's password (secret). */
    public static final String PROXY_PASSWORD = "proxy-password";
    /** The connection pool's size. */
    public static final String MAX_CONNECTIONS = "max-connections";
    /** Added to the user agent, such as {@code billing-service/2.3}. */
    public static final String USER_AGENT_SUFFIX = "user-agent-suffix";
    /** A trust store file (PKCS12 or JKS) to trust instead of the JVM's. */
    public static final String TRUST_STORE = "trust-store";
    /** The trust store's password (secret). */
    public static final String TRUST_STORE_PASSWORD = "trust-store-password";
    /**
     * How many numbers of one bulk purchase are bought at once where the provider buys one number per
     * request; {@value HttpSettings#DEFAULT_BULK_CONCURRENCY} by default (see
     * {@link HttpSettings#DEFAULT_BULK_CONCURRENCY} for the providers' documented limits behind it).
     */
    public static final String BULK_CONCURRENCY = "bulk-concurrency";

    private HttpConfig() {
    }

    /**
     * The HTTP client's keys, with their defaults (10 and 30 seconds to connect and to answer, 20 pooled
     * connections), and {@value #BULK_CONCURRENCY}: for a provider that buys one number per request.
     */
    public static List<ConfigKey> keys() {
        List<ConfigKey> keys = new java.util.ArrayList<>(keysForOrders());
        keys.add(ConfigKey.withDefault(BULK_CONCURRENCY, "how many numbers of a bulk purchase are bought at once (at most "
                + MAX_CONNECTIONS + ")", String.valueOf(HttpSettings.DEFAULT_BULK_CONCURRENCY)));
        return List.copyOf(keys);
    }

    /**
     * {@link #keys()} without {@value #BULK_CONCURRENCY}: for a provider that buys many numbers in one
     * order, where there are no single-number requests to send at once, so that the key is refused as
     * unknown rather than accepted and ignored.
     */
    public static List<ConfigKey> keysForOrders() {
        return List.of(
                ConfigKey.withDefault(CONNECT_TIMEOUT, "seconds to wait for a connection", "10"),
                ConfigKey.withDefault(RESPONSE_TIMEOUT, "seconds to wait for an answer", "30"),
                ConfigKey.optional(CONNECT_TIMEOUT_MILLIS, "milliseconds to wait for a connection (overrides the seconds)"),
                ConfigKey.optional(RESPONSE_TIMEOUT_MILLIS, "milliseconds to wait for an answer (overrides the seconds)"),
                ConfigKey.optional(PROXY_HOST, "an HTTP proxy's host (default: the JVM's proxy settings)"),
                ConfigKey.withDefault(PROXY_PORT, "the HTTP proxy's port", "8080"),
                ConfigKey.optional(PROXY_USER, "the proxy's user, if it asks for credentials"),
                ConfigKey.optionalSecret(PROXY_PASSWORD, "the proxy user's password"),
                ConfigKey.withDefault(MAX_CONNECTIONS, "the connection pool's size", "20"),
                ConfigKey.optional(USER_AGENT_SUFFIX, "added to the user agent, such as billing-service/2.3"),
                ConfigKey.optional(TRUST_STORE, "a PKCS12 or JKS trust store to trust instead of the JVM's"),
                ConfigKey.optionalSecret(TRUST_STORE_PASSWORD, "the trust store's password"));
    }

    /**
     * {@link HttpSettings#defaults()} with the configured time-outs, pool, bulk concurrency (where the
     * provider declares it), proxy, trust store and user agent.
     */
    public static HttpSettings settings(ProviderConfig config) {
        HttpSettings settings = HttpSettings.defaults()
                .withConnectTimeout(timeout(config, CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT))
                .withResponseTimeout(timeout(config, RESPONSE_TIMEOUT_MILLIS, RESPONSE_TIMEOUT));
        Optional<Integer> pool = config.integer(MAX_CONNECTIONS);
        if (pool.isPresent()) {
            settings = settings.withMaxConnections(pool.get());
        }
        Optional<Integer> bulk = config.declares(BULK_CONCURRENCY) ? config.integer(BULK_CONCURRENCY) : Optional.empty();
        if (bulk.isPresent()) {
            if (bulk.get() < 1 || bulk.get() > HttpSettings.MAX_BULK_CONCURRENCY) {
                throw InvalidRequestException.of(BULK_CONCURRENCY, "must be between 1 and " + HttpSettings.MAX_BULK_CONCURRENCY
                        + ", was " + bulk.get());
            }
            settings = settings.withBulkConcurrency(bulk.get());
        }
        Optional<String> suffix = config.get(USER_AGENT_SUFFIX);
        if (suffix.isPresent()) {
            settings = settings.withUserAgentSuffix(suffix.get());
        }
        Optional<String> proxyHost = config.get(PROXY_HOST);
        if (proxyHost.isPresent()) {
            HttpProxy proxy = HttpProxy.of(proxyHost.get(), config.integer(PROXY_PORT).orElse(8080));
            Optional<String> user = config.get(PROXY_USER);
            if (user.isPresent()) {
                proxy = proxy.withCredentials(user.get(), config.secret(PROXY_PASSWORD).orElseThrow(
                        () -> InvalidRequestException.of(PROXY_PASSWORD, "is required with " + PROXY_USER)));
            }
            settings = settings.withProxy(proxy);
        }
        Optional<String> trustStore = config.get(TRUST_STORE);
        if (trustStore.isPresent()) {
            settings = settings.withSslContext(trusting(trustStore.get(), config.secret(TRUST_STORE_PASSWORD)));
        }
        return settings;
    }

    private static javax.net.ssl.SSLContext trusting(String path, Optional<dev.telephony.api.Secret> password) {
        char[] secret = password.map(p -> p.reveal().toCharArray()).orElse(null);
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(path))) {
            java.security.KeyStore store = java.security.KeyStore.getInstance(
                    path.endsWith(".jks") ? "JKS" : java.security.KeyStore.getDefaultType());
            store.load(in, secret);
            javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw InvalidRequestException.of(TRUST_STORE, "could not be read as a trust store: " + e.getClass().getSimpleName());
        }
    }

    /** The absolute http(s) URL configured under {@code key}, refused naming the key otherwise. */
    public static java.net.URI url(ProviderConfig config, String key) {
        String value = config.require(key);
        try {
            java.net.URI url = new java.net.URI(value);
            if (url.getHost() == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || url.getUserInfo() != null) {
                throw InvalidRequestException.of(key, "must be an http(s) URL with a host and no user info");
            }
            return url;
        } catch (java.net.URISyntaxException e) {
            throw InvalidRequestException.of(key, "must be an http(s) URL with a host and no user info");
        }
    }

    private static Duration timeout(ProviderConfig config, String millisKey, String secondsKey) {
        Optional<Integer> millis = config.integer(millisKey);
        Duration timeout = millis.isPresent() ? Duration.ofMillis(millis.get())
                : Duration.ofSeconds(config.integer(secondsKey).orElseThrow());
        if (timeout.isNegative() || timeout.isZero()) {
            throw InvalidRequestException.of(millis.isPresent() ? millisKey : secondsKey, "must be positive, was " + timeout.toMillis() + " ms");
        }
        return timeout;
    }
}
