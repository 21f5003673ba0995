package dev.telephony.http;

import dev.telephony.api.spi.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RestClient} talks HTTP.
 *
 * @param connectTimeout  how long to wait for a connection
 * @param responseTimeout how long to wait for an answer once the request is sent
 * @param maxConnections  the connection pool's size
 * @param retryPolicy     how reads are retried
 * @param userAgent       the {@code User-Agent} sent
 */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout, int maxConnections,
                           RetryPolicy retryPolicy, String userAgent) {
    public HttpSettings {
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("responseTimeout", responseTimeout);
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** 10 s to connect, 30 s for an answer, 20 pooled connections, {@link RetryPolicy#defaults()}. */
    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 20, RetryPolicy.defaults(),
                "telephony-java/0.1");
    }

    public HttpSettings withConnectTimeout(Duration timeout) {
        return new HttpSettings(timeout, responseTimeout, maxConnections, retryPolicy, userAgent);
    }

    public HttpSettings withResponseTimeout(Duration timeout) {
        return new HttpSettings(connectTimeout, timeout, maxConnections, retryPolicy, userAgent);
    }

    public HttpSettings withRetryPolicy(RetryPolicy policy) {
        return new HttpSettings(connectTimeout, responseTimeout, maxConnections, policy, userAgent);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
