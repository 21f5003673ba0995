package dev.telephony.testkit.carrier;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Faults planned per request kind. Each request of a kind takes the next slot of that kind's plan:
 * a fault, or nothing (the request is served). {@link #inject} queues faults after what is planned;
 * {@link #injectAt} places one at the n-th coming request of a kind. Thread-safe.
 */
public final class FaultInjector {
    private final Map<RequestKind, List<Optional<Fault>>> planned = new EnumMap<>(RequestKind.class);
    private int injected;

    /** The next {@code times} requests of {@code kind} after those already planned fail with {@code fault}. */
    public synchronized FaultInjector inject(RequestKind kind, Fault fault, int times) {
        Objects.requireNonNull(fault, "fault");
        List<Optional<Fault>> plan = plan(kind);
        for (int i = 0; i < times; i++) {
            plan.add(Optional.of(fault));
        }
        return this;
    }

    /** The next request of {@code kind} (after those already planned) fails with {@code fault}. */
    public FaultInjector injectOnce(RequestKind kind, Fault fault) {
        return inject(kind, fault, 1);
    }

    /**
     * The {@code nth} coming request of {@code kind} (1 is the next one) fails with {@code fault}; the
     * requests before it are served unless something else is planned for them. Replaces a fault
     * already planned for that request.
     */
    public synchronized FaultInjector injectAt(RequestKind kind, int nth, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (nth < 1) {
            throw new IllegalArgumentException("nth counts from 1, was " + nth);
        }
        List<Optional<Fault>> plan = plan(kind);
        while (plan.size() < nth) {
            plan.add(Optional.empty());
        }
        plan.set(nth - 1, Optional.of(fault));
        return this;
    }

    /** Takes the plan's slot for the next request of {@code kind}: its fault, if one is planned. */
    public synchronized Optional<Fault> next(RequestKind kind) {
        List<Optional<Fault>> plan = planned.get(kind);
        if (plan == null || plan.isEmpty()) {
            return Optional.empty();
        }
        Optional<Fault> slot = plan.remove(0);
        if (slot.isPresent()) {
            injected++;
        }
        return slot;
    }

    /** How many faults are still planned for {@code kind}. */
    public synchronized int pending(RequestKind kind) {
        List<Optional<Fault>> plan = planned.get(kind);
        return plan == null ? 0 : (int) plan.stream().filter(Optional::isPresent).count();
    }

    /** How many planned faults requests have taken so far. */
    public synchronized int injected() {
        return injected;
    }

    /** Forgets every planned fault. */
    public synchronized void clear() {
        planned.clear();
    }

    private List<Optional<Fault>> plan(RequestKind kind) {
        return planned.computeIfAbsent(Objects.requireNonNull(kind, "kind"), k -> new ArrayList<>());
    }
}
