package dev.telephony.api.spi;

import dev.telephony.api.PortOrder;
import dev.telephony.api.PortStatus;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.event.Failure;
import dev.telephony.api.event.OperationEvent;
import dev.telephony.api.event.OrderStatusEvent;
import dev.telephony.api.event.PortStatusEvent;
import dev.telephony.api.event.ReconciliationEvent;
import dev.telephony.api.event.RequestEvent;
import dev.telephony.api.event.RetryEvent;
import dev.telephony.api.event.TelephonyListener;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * How one provider instance reports to its {@link TelephonyListener}: the shared plumbing
 * ({@link ProviderBase}, {@link Retrier}, {@link Reconciliation}, the REST client) reports through it,
 * so a provider author writes no event code. Durations are measured on the provider's injected clock,
 * and a listener that throws never breaks a call.
 *
 * <p>A provider created by a factory through {@code Telephony.builder()} reports to the listeners
 * registered there even when it passes nothing: {@link #bound()} hands them to the plumbing the factory
 * builds while it creates its provider.
 */
public final class ProviderEvents {
    private static final AtomicLong IDS = new AtomicLong();
    /** Path segments that stay as they are (API versions, plain words); compiled when a request is first reported, not as a provider connects, since a cold JVM's first regex costs milliseconds. */
    private static final class KeptSegment {
        static final Pattern PATTERN = Pattern.compile("v\\d{1,2}(\\.\\d{1,2})?|\\d{4}-\\d{2}-\\d{2}|[A-Za-z_\\-.:]{1,40}");
    }
    private static final int STATUSES_REMEMBERED = 1_000;
    private static final ThreadLocal<Binding> CREATING = new ThreadLocal<>();

    private final String provider;
    private final TelephonyListener listener;
    private final Clock clock;
    /** Guards {@link #lastSeen}. */
    private final Object seenLock = new Object();
    /**
     * The status each order or port was last seen with; bounded, the oldest forgotten first. Made with
     * the first status seen: connecting need not load the map's class.
     */
    private Map<String, Object> lastSeen;

    private ProviderEvents(String provider, TelephonyListener listener, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.listener = TelephonyListener.guarded(Objects.requireNonNull(listener, "listener"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Reports for {@code provider} to {@code listener}, timing on {@code clock}. */
    public static ProviderEvents of(String provider, TelephonyListener listener, Clock clock) {
        return new ProviderEvents(provider, listener, clock);
    }

    /** Reports nothing. */
    public static ProviderEvents none(String provider) {
        return new ProviderEvents(provider, TelephonyListener.NONE, Clock.systemUTC());
    }

    /**
     * The listener and clock of the configuration a factory is creating its provider from, while
     * {@link #creating} runs; empty elsewhere.
     */
    public static Optional<Binding> bound() {
        return Optional.ofNullable(CREATING.get());
    }

    /**
     * Runs {@code create} (a factory's {@code create(config)}) with {@code config}'s listener and clock
     * {@linkplain #bound() bound}, so that the provider it builds reports to them.
     */
    public static <T> T creating(ProviderConfig config, Supplier<T> create) {
        Binding outer = CREATING.get();
        CREATING.set(new Binding(config.listener(), config.clock()));
        try {
            return create.get();
        } finally {
            if (outer == null) {
                CREATING.remove();
            } else {
                CREATING.set(outer);
            }
        }
    }

    /**
     * The listener and clock bound while a factory creates its provider.
     *
     * @param listener the listeners registered for the provider
     * @param clock    the clock the provider is configured with
     */
    public record Binding(TelephonyListener listener, Clock clock) {
        public Binding {
            Objects.requireNonNull(listener, "listener");
            Objects.requireNonNull(clock, "clock");
        }
    }

    public String provider() {
        return provider;
    }

    /** The listener, guarded so that its failures never reach the caller. */
    public TelephonyListener listener() {
        return listener;
    }

    public Clock clock() {
        return clock;
    }

    /** Whether anyone listens; reporting is skipped otherwise. */
    public boolean active() {
        return listener != TelephonyListener.NONE;
    }

    /** The same reporting for another provider name (a provider reached under two names). */
    public ProviderEvents named(String name) {
        return name.equals(provider) ? this : new ProviderEvents(name, listener, clock);
    }

    // ---- service calls --------------------------------------------------------------------------

    /** Runs {@code call}, reported as {@code operation}'s start and its end or failure. */
    public <T> T operation(String operation, Supplier<T> call) {
        if (!active()) {
            return call.get();
        }
        OperationEvent event = new OperationEvent(IDS.incrementAndGet(), provider, operation);
        long started = clock.millis();
        listener.operationStart(event);
        T result;
        try {
            result = call.get();
        } catch (RuntimeException | Error e) {
            listener.operationFailed(event, since(started), Failure.of(e));
            throw e;
        }
        listener.operationEnd(event, since(started));
        return result;
    }

    /** {@link #operation(String, Supplier)} for a call that returns nothing. */
    public void operation(String operation, Runnable call) {
        operation(operation, () -> {
            call.run();
            return null;
        });
    }

    // ---- HTTP requests --------------------------------------------------------------------------

    /**
     * Reports the start of an HTTP request; the answer ends it with {@link Exchange#answered} or
     * {@link Exchange#failed}.
     *
     * @param path the path as sent, with or without its query: it is reported as a template
     */
    public Exchange request(String method, String path, int attempt) {
        if (!active()) {
            return Exchange.SILENT;
        }
        RequestEvent event = new RequestEvent(IDS.incrementAndGet(), provider, method, pathTemplate(path), attempt);
        Exchange exchange = new Exchange(this, event, clock.millis());
        listener.requestStart(event);
        return exchange;
    }

    /** One HTTP request under way. */
    public static final class Exchange {
        static final Exchange SILENT = new Exchange(null, null, 0);

        private final ProviderEvents events;
        private final RequestEvent event;
        private final long started;

        private Exchange(ProviderEvents events, RequestEvent event, long started) {
            this.events = events;
            this.event = event;
            this.started = started;
        }

        /** The provider answered with {@code status} and, if its headers carried one, its request id. */
        public void answered(int status, Optional<String> requestId) {
            if (events != null) {
                events.listener.requestEnd(event, status, requestId, events.since(started));
            }
        }

        /** No answer came: {@code failure} is what the request ended with. */
        public void failed(Throwable failure) {
            if (events != null) {
                events.listener.requestFailed(event, events.since(started), Failure.of(failure));
            }
        }
    }

    /**
     * {@code path} without its query, each segment that carries an id, a number or an account name (a
     * digit, an escape, anything but plain words) replaced by {@code {id}}, so it is safe as a metric tag.
     * API versions ({@code v2}, {@code 2010-04-01}) and a file suffix ({@code .json}) are kept.
     */
    public static String pathTemplate(String path) {
        int query = path.indexOf('?');
        String[] segments = (query < 0 ? path : path.substring(0, query)).split("/", -1);
        StringBuilder template = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            String suffix = segment.endsWith(".json") && segment.length() > 5 ? ".json" : "";
            String name = segment.substring(0, segment.length() - suffix.length());
            template.append(i == 0 ? "" : "/")
                    .append(name.isEmpty() || KeptSegment.PATTERN.matcher(name).matches() ? name : "{id}").append(suffix);
        }
        return template.toString();
    }

    // ---- retries and reconciliations ------------------------------------------------------------

    /** Try {@code attempt} of {@code operation} failed with {@code reason} and will be tried again after {@code delay}. */
    public void retry(String operation, int attempt, Throwable reason, Duration delay) {
        if (active()) {
            listener.retry(new RetryEvent(provider, operationName(operation), attempt, Failure.of(reason), delay));
        }
    }

    /** A request named {@code METHOD /path} (or a bare path) with the path as a template; any other name as it is. */
    static String operationName(String operation) {
        int space = operation.indexOf(' ');
        if (operation.startsWith("/")) {
            return pathTemplate(operation);
        }
        if (space > 0 && operation.startsWith("/", space + 1)) {
            return operation.substring(0, space) + " " + pathTemplate(operation.substring(space + 1));
        }
        return operation;
    }

    /** A write whose answer was lost ({@code cause}) was reconciled to {@code conclusion}. */
    public void reconciled(ReconciliationEvent.Write write, ReconciliationEvent.Conclusion conclusion, int numbers,
                           Throwable cause) {
        if (active()) {
            listener.reconciled(new ReconciliationEvent(provider, write, conclusion, numbers, Failure.of(cause)));
        }
    }

    // ---- orders and ports seen ------------------------------------------------------------------

    /** Reports {@code order}'s status if it differs from the one the order was last seen with. */
    public PurchaseOrder seen(PurchaseOrder order) {
        if (active() && order != null) {
            changed("order:" + order.id(), order.status()).ifPresent(previous -> listener.orderStatusChanged(
                    new OrderStatusEvent(provider, order.id(), previous.map(PurchaseStatus.class::cast), order.status())));
        }
        return order;
    }

    /** Reports {@code port}'s status if it differs from the one the port was last seen with. */
    public PortOrder seen(PortOrder port) {
        if (active() && port != null) {
            changed("port:" + port.id(), port.status()).ifPresent(previous -> listener.portStatusChanged(
                    new PortStatusEvent(provider, port.id(), previous.map(PortStatus.class::cast), port.status())));
        }
        return port;
    }

    /** {@link #seen(PurchaseOrder)} for an order that may be absent; {@code found} itself is returned. */
    public Optional<PurchaseOrder> seen(Optional<PurchaseOrder> found) {
        if (found != null) {
            found.ifPresent(this::seen);
        }
        return found;
    }

    /** {@link #seen(PortOrder)} for a port that may be absent; {@code found} itself is returned. */
    public Optional<PortOrder> seenPort(Optional<PortOrder> found) {
        if (found != null) {
            found.ifPresent(this::seen);
        }
        return found;
    }

    /**
     * Empty when unchanged; else the previous status (itself empty the first time). The status is an
     * Object, not an Enum: checking that a PurchaseStatus or PortStatus is an Enum would make verifying
     * this class load both enums on the connect path.
     */
    private Optional<Optional<Object>> changed(String key, Object status) {
        synchronized (seenLock) {
            if (lastSeen == null) {
                lastSeen = new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                        return size() > STATUSES_REMEMBERED;
                    }
                };
            }
            Object previous = lastSeen.put(key, status);
            return status.equals(previous) ? Optional.empty() : Optional.of(Optional.ofNullable(previous));
        }
    }

    private Duration since(long startedMillis) {
        return Duration.ofMillis(Math.max(0, clock.millis() - startedMillis));
    }

    @Override
    public String toString() {
        return "ProviderEvents[" + provider + " -> " + listener + "]";
    }
}
