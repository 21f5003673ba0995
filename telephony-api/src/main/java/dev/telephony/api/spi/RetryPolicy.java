package dev.telephony.api.spi;

import dev.telephony.api.error.InvalidRequestException;
import java.time.Duration;

/**
 * How idempotent reads are retried: at most {@code maxAttempts} tries in all, with exponential
 * backoff from {@code initialBackoff} up to {@code maxBackoff} and jitter, and a provider's
 * {@code Retry-After} honoured up to {@code maxRetryAfter} (a longer one is not waited for).
 *
 * <p>Each wait is between zero and {@link #MAX_WAIT}; anything else is refused with
 * {@link InvalidRequestException}.
 *
 * @param maxAttempts    tries in all, the first included, 1 to 20; 1 means no retry
 * @param initialBackoff the wait before the second try, before jitter
 * @param maxBackoff     the longest computed wait
 * @param maxRetryAfter  the longest provider-requested wait the library will sit through
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    /** The longest of each wait a policy may name. */
    public static final Duration MAX_WAIT = Duration.ofDays(1);

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw InvalidRequestException.of("retryPolicy.maxAttempts", "must be between 1 and 20, was " + maxAttempts);
        }
        requireWait("retryPolicy.initialBackoff", initialBackoff);
        requireWait("retryPolicy.maxBackoff", maxBackoff);
        requireWait("retryPolicy.maxRetryAfter", maxRetryAfter);
    }

    // bounded so that the backoff arithmetic, in milliseconds and doubled per try, cannot overflow
    private static void requireWait(String field, Duration wait) {
        Arguments.require(field, wait);
        if (wait.isNegative() || wait.compareTo(MAX_WAIT) > 0) {
            throw InvalidRequestException.of(field, "must be between 0 and " + MAX_WAIT + ", was " + wait);
        }
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
