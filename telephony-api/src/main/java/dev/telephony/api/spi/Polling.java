package dev.telephony.api.spi;

import dev.telephony.api.Sleeper;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.OperationTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for long-running work by polling, on an injected clock and sleeper. The timeout bounds the
 * whole wait: the last sleep is cut short so that no poll happens after the deadline, and missing it
 * raises {@link OperationTimeoutException} with the id, cancelling nothing.
 */
public final class Polling {
    private final Clock clock;
    private final Sleeper sleeper;
    private final ErrorContext context;

    public Polling(Clock clock, Sleeper sleeper, ErrorContext context) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Polls until {@code done} holds and returns that state.
     *
     * @param id       the operation's id, carried by the time-out error
     * @param timeout  how long to wait in all: zero or positive, any length
     * @param poll     reads the current state
     * @param done     whether a state is final
     * @param interval how long to wait after a state before the next poll (the provider's pace)
     * @param describe a short description of a state for the time-out message
     */
    public <S> S await(String id, Duration timeout, Supplier<S> poll, Predicate<S> done,
                       Function<S, Duration> interval, Function<S, String> describe) {
        Arguments.requireTimeout("timeout", timeout);
        // saturates: a timeout reaching past the clock's end waits without end, it does not overflow
        Instant deadline = Arguments.plusSaturating(clock.instant(), timeout);
        S state = poll.get();
        while (!done.test(state)) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isZero() || left.isNegative()) {
                throw new OperationTimeoutException(id, describe.apply(state), context);
            }
            Duration pause = interval.apply(state);
            if (pause.compareTo(left) > 0) {
                pause = left;
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationTimeoutException(id, describe.apply(state) + ", interrupted", context);
            }
            state = poll.get();
        }
        return state;
    }
}
