package dev.telephony.testkit.carrier;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Faults queued per request kind; each request of that kind takes the next one. Thread-safe. */
public final class FaultInjector {
    private final Map<RequestKind, Deque<Fault>> queued = new EnumMap<>(RequestKind.class);

    /** The next {@code times} requests of {@code kind} fail with {@code fault}. */
    public synchronized FaultInjector inject(RequestKind kind, Fault fault, int times) {
        Deque<Fault> queue = queued.computeIfAbsent(kind, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.addLast(fault);
        }
        return this;
    }

    /** The next request of {@code kind} fails with {@code fault}. */
    public FaultInjector injectOnce(RequestKind kind, Fault fault) {
        return inject(kind, fault, 1);
    }

    /** Takes the fault for the next request of {@code kind}, if one is queued. */
    public synchronized Optional<Fault> next(RequestKind kind) {
        Deque<Fault> queue = queued.get(kind);
        return queue == null ? Optional.empty() : Optional.ofNullable(queue.pollFirst());
    }

    /** How many faults are still queued for {@code kind}. */
    public synchronized int pending(RequestKind kind) {
        Deque<Fault> queue = queued.get(kind);
        return queue == null ? 0 : queue.size();
    }

    public synchronized void clear() {
        queued.clear();
    }
}
