package dev.telephony.testkit.memory;

import dev.telephony.api.Capability;
import dev.telephony.api.Secret;
import dev.telephony.api.Sleeper;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.spi.Polling;
import dev.telephony.api.event.TelephonyListener;
import dev.telephony.api.spi.ProviderEvents;
import dev.telephony.api.spi.Retrier;
import dev.telephony.api.spi.RetryPolicy;
import dev.telephony.api.spi.ProviderBase;
import java.util.List;
import dev.telephony.testkit.carrier.CarrierState;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The in-memory reference provider: the whole neutral API, porting and holds included, over a
 * {@link CarrierState}. It passes the entire contract and is what users put in their own unit tests.
 * It reaches no carrier, so it is chosen only by name ({@value #NAME}), never implicitly.
 *
 * <pre>{@code
 * CarrierState carrier = new CarrierState(clock);
 * carrier.seed().areaCode("212").count(5).add();
 * TelephonyProvider telephony = InMemoryProvider.builder().carrier(carrier).clock(clock).build();
 * }</pre>
 */
public final class InMemoryProvider extends ProviderBase {
    /** The name it is registered and chosen by. */
    public static final String NAME = "in-memory";
    /** Everything the neutral API offers. */
    public static final Set<Capability> ALL_CAPABILITIES = Set.copyOf(EnumSet.allOf(Capability.class));

    private InMemoryProvider(Builder b) {
        this(b, Set.copyOf(b.capabilities), Objects.requireNonNull(b.carrier, "carrier"),
                b.clock != null ? b.clock : b.carrier.clock());
    }

    private InMemoryProvider(Builder b, Set<Capability> capabilities, CarrierState carrier, Clock clock) {
        this(b, capabilities, carrier, clock, events(b, clock));
    }

    private InMemoryProvider(Builder b, Set<Capability> capabilities, CarrierState carrier, Clock clock, ProviderEvents events) {
        this(b, capabilities, carrier, clock, new CarrierLink(NAME, carrier, b.token, clock,
                new Retrier(b.retryPolicy, b.sleeper, b.random).reportingTo(events)),
                new Polling(clock, b.sleeper, ErrorContext.of(NAME)), events);
    }

    private InMemoryProvider(Builder b, Set<Capability> capabilities, CarrierState carrier, Clock clock, CarrierLink link,
                             Polling polling, ProviderEvents events) {
        super(NAME, capabilities, new InMemoryInventory(link, capabilities),
                new InMemoryPurchaser(link, capabilities, b.asynchronousPurchases, clock, polling, b.pollInterval),
                capabilities.contains(Capability.PORTING) ? new InMemoryPorting(link, clock, b.minimumPortNotice, polling, b.pollInterval) : null,
                capabilities.contains(Capability.HOLDS) ? new InMemoryHolds(link, capabilities, b.asynchronousPurchases, clock) : null,
                // the carrier behind the provider, to seed and inspect
                List.of(carrier), events);
    }

    /** The builder's listener, else the one of the configuration the factory is creating it from. */
    private static ProviderEvents events(Builder b, Clock clock) {
        TelephonyListener listener = b.listener != null ? b.listener
                : ProviderEvents.bound().map(ProviderEvents.Binding::listener).orElse(TelephonyListener.NONE);
        return ProviderEvents.of(NAME, listener, clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void close() {
        // nothing to release: no connections, no threads
    }

    @Override
    public String toString() {
        return "InMemoryProvider[capabilities=" + capabilities().size() + "]";
    }

    /** Builds an {@link InMemoryProvider}; only the carrier is required. */
    public static final class Builder {
        private CarrierState carrier;
        private Set<Capability> capabilities = ALL_CAPABILITIES;
        private Secret token;
        private Clock clock;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RandomGenerator random = RandomGenerator.getDefault();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private boolean asynchronousPurchases;
        private Duration pollInterval = Duration.ofSeconds(1);
        private Period minimumPortNotice = Period.ofDays(7);
        private TelephonyListener listener;

        private Builder() {
        }

        /** The carrier the provider talks to. Required. */
        public Builder carrier(CarrierState carrier) {
            this.carrier = carrier;
            return this;
        }

        /** Declares only these capabilities; everything else fails as unsupported. */
        public Builder capabilities(Set<Capability> capabilities) {
            this.capabilities = EnumSet.copyOf(capabilities);
            return this;
        }

        /** The credential presented to the carrier (see {@link CarrierState#requireCredential(String)}). */
        public Builder token(Secret token) {
            this.token = token;
            return this;
        }

        /** The clock for holds, notice periods and polling; the carrier's clock by default. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The source of retry jitter. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Whether purchases answer PENDING and complete later, as Azure's and Alianza's do. */
        public Builder asynchronousPurchases(boolean asynchronous) {
            this.asynchronousPurchases = asynchronous;
            return this;
        }

        /** How often {@code await} polls. */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
            return this;
        }

        /** The minimum notice a port's requested date must give; 7 days by default. */
        public Builder minimumPortNotice(Period notice) {
            this.minimumPortNotice = Objects.requireNonNull(notice, "notice");
            return this;
        }

        /** A listener the provider reports its calls, retries and status changes to. */
        public Builder listener(TelephonyListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public InMemoryProvider build() {
            return new InMemoryProvider(this);
        }
    }
}
