package dev.telephony.api.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * How idempotent reads are retried: at most {@code maxAttempts} tries in all, with exponential
 * backoff from {@code initialBackoff} up to {@code maxBackoff} and jitter, and a provider's
 * {@code Retry-After} honoured up to {@code maxRetryAfter} (a longer one is not waited for).
 *
 * @param maxAttempts    tries in all, the first included; 1 means no retry
 * @param initialBackoff the wait before the second try, before jitter
 * @param maxBackoff     the longest computed wait
 * @param maxRetryAfter  the longest provider-requested wait the library will sit through
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 20, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    /** 4 tries, backoff from 250 ms to 8 s, Retry-After honoured up to 2 minutes. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofMinutes(2));
    }

    /** A single try. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
}
