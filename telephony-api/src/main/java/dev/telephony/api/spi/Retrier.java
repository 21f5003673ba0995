package dev.telephony.api.spi;

import dev.telephony.api.Sleeper;
import dev.telephony.api.error.OperationTimeoutException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.error.RetryableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs idempotent reads under a {@link RetryPolicy}: rate limits and outages are retried, everything
 * else is thrown at once. Never use it for a write that spends or releases money; see
 * {@link Reconciliation}. Each retry is reported to its {@link ProviderEvents}.
 */
public final class Retrier {
    /** The logger, made when first used: connecting logs nothing, so it need not start the logging backend. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Retrier.class);
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final ProviderEvents events;
    /**
     * The try of the read this thread is running under {@link #call}, 0 outside one: for request events
     * of clients that cannot count. One holder per thread, kept: setting and removing a thread-local
     * for every read cost more than the read's own bookkeeping.
     */
    private static final ThreadLocal<int[]> ATTEMPT = ThreadLocal.withInitial(Retrier::noAttempt);

    /** A retrier that reports no retries; see {@link #reportingTo(ProviderEvents)}. */
    public Retrier(RetryPolicy policy, Sleeper sleeper, RandomGenerator random) {
        this(policy, sleeper, random, ProviderEvents.none("unnamed"));
    }

    private Retrier(RetryPolicy policy, Sleeper sleeper, RandomGenerator random, ProviderEvents events) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** This retrier, reporting each retry (and, through {@link Reconciliation}, each reconciliation) to {@code events}. */
    public Retrier reportingTo(ProviderEvents events) {
        return new Retrier(policy, sleeper, random, events);
    }

    /** Where retries are reported. */
    public ProviderEvents events() {
        return events;
    }

    public RetryPolicy policy() {
        return policy;
    }

    /** Runs {@code read}, retrying it while the policy allows. {@code operation} names it in logs. */
    public <T> T call(String operation, Supplier<T> read) {
        return call((Object) operation, read);
    }

    /**
     * {@link #call(String, Supplier)}, named by {@code operation}'s {@code toString()}, which is made only if a
     * retry is logged or reported: a read that succeeds at once builds no name.
     */
    public <T> T call(Object operation, Supplier<T> read) {
        int[] attempt = ATTEMPT.get();
        int outer = attempt[0];
        try {
            return attempts(operation, read, attempt);
        } finally {
            attempt[0] = outer;
        }
    }

    private static int[] noAttempt() {
        return new int[1];
    }

    /**
     * The try (1 for the first) of the read the calling thread runs under {@link #call} now; 1 outside
     * one. For clients (an SDK's pipeline) that report each request but cannot see the retries around it.
     */
    public static int currentAttempt() {
        int attempt = ATTEMPT.get()[0];
        return attempt == 0 ? 1 : attempt;
    }

    private <T> T attempts(Object operation, Supplier<T> read, int[] current) {
        for (int attempt = 1; ; attempt++) {
            current[0] = attempt;
            try {
                return read.get();
            } catch (RateLimitedException | ProviderUnavailableException e) {
                Optional<Duration> wait = delayAfter(attempt, e);
                if (attempt >= policy.maxAttempts() || wait.isEmpty()) {
                    throw e;
                }
                Duration delay = wait.get();
                Log.LOG.debug("{} failed ({}), try {} of {} in {} ms", operation, e.getClass().getSimpleName(), attempt + 1,
                        policy.maxAttempts(), delay.toMillis());
                events.retry(String.valueOf(operation), attempt, e, delay);
                pause(delay, e);
            }
        }
    }

    /**
     * The wait before the next try after {@code failure} on try {@code attempt}, or empty when the
     * failure should not be waited out (a Retry-After longer than the policy allows).
     */
    public Optional<Duration> delayAfter(int attempt, RetryableException failure) {
        Arguments.require("failure", failure);
        if (failure instanceof RateLimitedException limited && limited.retryAfter().isPresent()) {
            Duration asked = limited.retryAfter().get();
            if (asked.isNegative()) {
                return Optional.of(Duration.ZERO); // a wait in the past is no wait at all
            }
            return asked.compareTo(policy.maxRetryAfter()) > 0 ? Optional.empty() : Optional.of(asked);
        }
        if (failure instanceof OperationTimeoutException) {
            return Optional.empty();
        }
        // the policy bounds each wait to a day, so a day's milliseconds shifted 20 times stay in a long
        long base = policy.initialBackoff().toMillis() << Math.min(Math.max(attempt, 1) - 1, 20);
        long capped = Math.min(base, policy.maxBackoff().toMillis());
        long half = capped / 2;
        return Optional.of(Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0)));
    }

    /** How it waits. */
    Sleeper sleeper() {
        return sleeper;
    }

    /** Sleeps {@code delay}; an interruption ends the retries by rethrowing {@code cause}. */
    void pause(Duration delay, RuntimeException cause) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
