package dev.telephony.composite;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Sends one read to several members at once, each on the executor, and waits for their answers until a
 * deadline read on the injected clock. A member that has not answered by then is reported as timed out
 * (and its call is interrupted), never left out silently.
 */
final class FanOut {
    /**
     * The longest the waiting thread sleeps before reading the clock again. A clock a test moves by hand
     * gives no signal when it moves, so the deadline is re-read at this pace; answers wake the waiter at once.
     */
    private static final Duration SLICE = Duration.ofMillis(20);

    private final ExecutorService executor;
    private final Clock clock;
    private final Duration timeout;

    FanOut(ExecutorService executor, Clock clock, Duration timeout) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    Duration timeout() {
        return timeout;
    }

    /** What one member's part of a fan-out came to. */
    sealed interface Outcome<T> permits Answered, Failed, TimedOut {
        Member member();
    }

    /** The member answered {@code value}. */
    record Answered<T>(Member member, T value) implements Outcome<T> {
    }

    /** The member's call failed with {@code error}. */
    record Failed<T>(Member member, RuntimeException error) implements Outcome<T> {
    }

    /** The member had not answered when the deadline passed. */
    record TimedOut<T>(Member member) implements Outcome<T> {
    }

    /** Calls {@code call} for every member in parallel; the outcomes come back in member order. */
    <T> List<Outcome<T>> run(List<Member> members, Function<Member, T> call) {
        int count = members.size();
        if (count == 0) {
            return List.of();
        }
        Instant deadline = clock.instant().plus(timeout);
        BlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
        Object[] values = new Object[count];
        Throwable[] errors = new Throwable[count];
        List<Future<?>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            Member member = members.get(i);
            try {
                futures.add(executor.submit(() -> {
                    try {
                        values[index] = call.apply(member);
                    } catch (Throwable t) {
                        errors[index] = t;
                    } finally {
                        finished.add(index);
                    }
                }));
            } catch (RejectedExecutionException closed) {
                futures.forEach(f -> f.cancel(true));
                throw new IllegalStateException("the composite provider is closed", closed);
            }
        }
        boolean[] done = new boolean[count];
        int waiting = count;
        boolean interrupted = false;
        while (waiting > 0) {
            Integer index = finished.poll();
            if (index == null) {
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isZero() || left.isNegative() || interrupted) {
                    break;
                }
                try {
                    index = finished.poll(Math.max(1, Math.min(left.toMillis(), SLICE.toMillis())), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    continue;
                }
                if (index == null) {
                    continue;
                }
            }
            done[index] = true;
            waiting--;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        List<Outcome<T>> outcomes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Member member = members.get(i);
            if (!done[i]) {
                futures.get(i).cancel(true);
                outcomes.add(new TimedOut<>(member));
            } else if (errors[i] instanceof RuntimeException failure) {
                outcomes.add(new Failed<>(member, failure));
            } else if (errors[i] instanceof Error error) {
                throw error;
            } else if (errors[i] != null) {
                outcomes.add(new Failed<>(member, new IllegalStateException(errors[i])));
            } else {
                @SuppressWarnings("unchecked")
                T value = (T) values[i];
                outcomes.add(new Answered<>(member, value));
            }
        }
        return outcomes;
    }
}
