package dev.telephony.testkit.time;

import dev.telephony.api.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A clock that moves only when told to, and a {@link Sleeper} that "sleeps" by moving it. Hand both
 * to a provider and retries, backoff and polling run instantly and deterministically, and a test
 * can read exactly how long the library chose to wait.
 */
public final class ManualClock extends Clock {
    private final ZoneId zone;
    private final Object lock;
    private final State state;

    private static final class State {
        private Instant now;
        private final List<Duration> sleeps = new ArrayList<>();

        State(Instant now) {
            this.now = now;
        }
    }

    /** A clock standing at {@code start}, in UTC. */
    public ManualClock(Instant start) {
        this(new State(Objects.requireNonNull(start, "start")), ZoneOffset.UTC, new Object());
    }

    private ManualClock(State state, ZoneId zone, Object lock) {
        this.state = state;
        this.zone = zone;
        this.lock = lock;
    }

    /** A clock at 2026-01-05T09:00:00Z, a Monday morning. */
    public static ManualClock standard() {
        return new ManualClock(Instant.parse("2026-01-05T09:00:00Z"));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ManualClock(state, zone, lock);
    }

    @Override
    public Instant instant() {
        synchronized (lock) {
            return state.now;
        }
    }

    /** Moves the clock forward. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock does not go back: " + duration);
        }
        synchronized (lock) {
            state.now = state.now.plus(duration);
        }
    }

    /** A sleeper that advances this clock by each requested duration and records it. */
    public Sleeper sleeper() {
        return duration -> {
            synchronized (lock) {
                state.sleeps.add(duration);
                state.now = state.now.plus(duration);
            }
        };
    }

    /** Every sleep requested through {@link #sleeper()}, in order. */
    public List<Duration> sleeps() {
        synchronized (lock) {
            return List.copyOf(state.sleeps);
        }
    }

    /** The sum of all sleeps. */
    public Duration slept() {
        return sleeps().stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public String toString() {
        return "ManualClock[" + instant() + "]";
    }
}
