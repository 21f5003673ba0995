package dev.telephony.api;

import java.time.Duration;

/**
 * Waits. Injected next to a {@link java.time.Clock} so that retries and polling can be driven by a
 * controlled clock in tests instead of real time.
 */
@FunctionalInterface
public interface Sleeper {
    /**
     * Real waiting, with {@link Thread#sleep(long)}. A negative duration waits no time, and one longer
     * than {@link Long#MAX_VALUE} milliseconds waits that long: neither fails.
     */
    Sleeper SYSTEM = new Sleeper() {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Fields.requireNonNull("duration", duration);
            long millis = duration.isNegative() ? 0
                    : duration.compareTo(Duration.ofMillis(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : duration.toMillis();
            Thread.sleep(millis);
        }

        @Override
        public String toString() {
            return "Sleeper.SYSTEM";
        }
    };

    /** Waits {@code duration}; returns early only by being interrupted. */
    void sleep(Duration duration) throws InterruptedException;
}
