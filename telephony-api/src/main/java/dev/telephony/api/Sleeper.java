package dev.telephony.api;

import java.time.Duration;

/**
 * Waits. Injected next to a {@link java.time.Clock} so that retries and polling can be driven by a
 * controlled clock in tests instead of real time.
 */
@FunctionalInterface
public interface Sleeper {
    /** Real waiting, with {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /** Waits {@code duration}; returns early only by being interrupted. */
    void sleep(Duration duration) throws InterruptedException;
}
