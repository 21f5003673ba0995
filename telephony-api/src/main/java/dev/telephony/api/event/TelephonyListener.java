package dev.telephony.api.event;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears what a provider does: each service call, each HTTP request, each retry, each reconciliation of
 * a write whose answer was lost, and each order and port status change. Every method does nothing
 * here; override those you need.
 *
 * <pre>{@code
 * TelephonyProvider telephony = Telephony.builder()
 *         .listener(new TelephonyListener() {
 *             @Override
 *             public void reconciled(ReconciliationEvent event) {
 *                 audit.info("{} {} reconciled: {}", event.provider(), event.write(), event.conclusion());
 *             }
 *         })
 *         .connect();
 * }</pre>
 *
 * <p>Calls come on the caller's thread, synchronously: a start, then exactly one end or failure with
 * the same event, with the requests, retries and reconciliations of the call in between. Keep them
 * quick. A listener may be called from several threads at once when the provider is. Durations are
 * measured on the provider's injected clock. No event carries a secret.
 *
 * <p>A listener that throws is logged once, at WARN, and then ignored: it never breaks a call.
 */
public abstract class TelephonyListener {
    /** A listener that hears nothing. */
    public static final TelephonyListener NONE = new TelephonyListener() {
        @Override
        public String toString() {
            return "TelephonyListener.NONE";
        }
    };

    /** For subclasses. */
    protected TelephonyListener() {
    }

    /** A service call started, before its arguments were checked. */
    public void operationStart(OperationEvent operation) {
    }

    /** A service call returned. */
    public void operationEnd(OperationEvent operation, Duration duration) {
    }

    /** A service call threw {@code failure} (an invalid argument, an unsupported capability, a provider's error). */
    public void operationFailed(OperationEvent operation, Duration duration, Failure failure) {
    }

    /** An HTTP request is about to be sent. */
    public void requestStart(RequestEvent request) {
    }

    /**
     * An HTTP request was answered with {@code status} (an error status included).
     *
     * @param requestId the provider's request id, from its answer's headers, if it sent one
     */
    public void requestEnd(RequestEvent request, int status, Optional<String> requestId, Duration duration) {
    }

    /** An HTTP request got no answer: it could not connect, timed out or lost its connection. */
    public void requestFailed(RequestEvent request, Duration duration, Failure failure) {
    }

    /** A failed try will be tried again after a delay. */
    public void retry(RetryEvent retry) {
    }

    /** A write whose answer was lost was reconciled with the account. */
    public void reconciled(ReconciliationEvent reconciliation) {
    }

    /** A purchase order was seen with a new status. */
    public void orderStatusChanged(OrderStatusEvent change) {
    }

    /** A port order was seen with a new status. */
    public void portStatusChanged(PortStatusEvent change) {
    }

    /**
     * One listener that tells each of {@code listeners}, in order; one that throws is logged once and
     * skipped, and the others are still told.
     */
    public static TelephonyListener of(List<TelephonyListener> listeners) {
        List<TelephonyListener> all = List.copyOf(listeners);
        if (all.isEmpty()) {
            return NONE;
        }
        if (all.size() == 1 && all.get(0) instanceof Guarded) {
            return all.get(0);
        }
        return new Guarded(all.stream().map(Guard::new).toList());
    }

    /** {@code listener}, guarded so that its failures never reach the caller. */
    public static TelephonyListener guarded(TelephonyListener listener) {
        return listener instanceof Guarded || listener == NONE ? listener : of(List.of(listener));
    }

    /** Listeners each kept from breaking a call. */
    private static final class Guarded extends TelephonyListener {
        private final List<Guard> guards;

        Guarded(List<Guard> guards) {
            this.guards = guards;
        }

        private void tell(Consumer<TelephonyListener> event) {
            for (Guard guard : guards) {
                guard.tell(event);
            }
        }

        @Override
        public void operationStart(OperationEvent operation) {
            tell(l -> l.operationStart(operation));
        }

        @Override
        public void operationEnd(OperationEvent operation, Duration duration) {
            tell(l -> l.operationEnd(operation, duration));
        }

        @Override
        public void operationFailed(OperationEvent operation, Duration duration, Failure failure) {
            tell(l -> l.operationFailed(operation, duration, failure));
        }

        @Override
        public void requestStart(RequestEvent request) {
            tell(l -> l.requestStart(request));
        }

        @Override
        public void requestEnd(RequestEvent request, int status, Optional<String> requestId, Duration duration) {
            tell(l -> l.requestEnd(request, status, requestId, duration));
        }

        @Override
        public void requestFailed(RequestEvent request, Duration duration, Failure failure) {
            tell(l -> l.requestFailed(request, duration, failure));
        }

        @Override
        public void retry(RetryEvent retry) {
            tell(l -> l.retry(retry));
        }

        @Override
        public void reconciled(ReconciliationEvent reconciliation) {
            tell(l -> l.reconciled(reconciliation));
        }

        @Override
        public void orderStatusChanged(OrderStatusEvent change) {
            tell(l -> l.orderStatusChanged(change));
        }

        @Override
        public void portStatusChanged(PortStatusEvent change) {
            tell(l -> l.portStatusChanged(change));
        }

        @Override
        public String toString() {
            return "TelephonyListener" + guards.stream().map(g -> g.listener).toList();
        }
    }

    /** One listener, and whether its failure was logged already. */
    private static final class Guard {
        private static final Logger log = LoggerFactory.getLogger(TelephonyListener.class);

        private final TelephonyListener listener;
        private final AtomicBoolean logged = new AtomicBoolean();

        Guard(TelephonyListener listener) {
            this.listener = java.util.Objects.requireNonNull(listener, "listener");
        }

        void tell(Consumer<TelephonyListener> event) {
            try {
                event.accept(listener);
            } catch (RuntimeException | LinkageError e) {
                // once: a listener that fails on every event must not flood the log
                if (logged.compareAndSet(false, true)) {
                    log.warn("telephony listener {} failed ({}); its failures are ignored from now on",
                            listener.getClass().getName(), e.getClass().getName(), e);
                }
            }
        }
    }
}
