package dev.telephony.api.spi;

import dev.telephony.api.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that moves only when the sleeper sleeps. (The testkit's ManualClock, which the api cannot depend on.)
 * Safe to share between threads: a bulk purchase reads and sleeps on it from several.
 */
final class TestClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-05T09:00:00Z");
    final List<Duration> sleeps = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return now;
    }

    Sleeper sleeper() {
        return d -> {
            synchronized (this) {
                sleeps.add(d);
                now = now.plus(d);
            }
        };
    }
}
