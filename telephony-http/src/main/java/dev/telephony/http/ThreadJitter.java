package dev.telephony.http;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The default source of retry jitter: each thread's own {@link ThreadLocalRandom}, so threads sharing a
 * client never share a generator's state. Not {@link RandomGenerator#getDefault()}, which looks its
 * algorithm up through {@link java.util.ServiceLoader} and loads every generator of the JDK, costing a
 * cold JVM (where connecting happens) a few milliseconds.
 */
final class ThreadJitter implements RandomGenerator {
    static final ThreadJitter INSTANCE = new ThreadJitter();

    private ThreadJitter() {
    }

    @Override
    public long nextLong() {
        return ThreadLocalRandom.current().nextLong();
    }

    @Override
    public String toString() {
        return "ThreadJitter";
    }
}
