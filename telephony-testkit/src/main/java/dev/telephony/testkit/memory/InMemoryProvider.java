package dev.telephony.testkit.memory;

import dev.telephony.api.Capability;
import dev.telephony.api.NumberInventory;
import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.PortingService;
import dev.telephony.api.Secret;
import dev.telephony.api.Sleeper;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.spi.Polling;
import dev.telephony.api.spi.Retrier;
import dev.telephony.api.spi.RetryPolicy;
import dev.telephony.api.spi.Unsupported;
import dev.telephony.testkit.carrier.CarrierState;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The in-memory reference provider: the whole neutral API, porting included, over a
 * {@link CarrierState}. It passes the entire contract and is what users put in their own unit tests.
 * It reaches no carrier, so it is chosen only by name ({@value #NAME}), never implicitly.
 *
 * <pre>{@code
 * CarrierState carrier = new CarrierState(clock);
 * carrier.seed().areaCode("212").count(5).add();
 * TelephonyProvider telephony = InMemoryProvider.builder().carrier(carrier).clock(clock).build();
 * }</pre>
 */
public final class InMemoryProvider implements TelephonyProvider {
    /** The name it is registered and chosen by. */
    public static final String NAME = "in-memory";
    /** Everything the neutral API offers. */
    public static final Set<Capability> ALL_CAPABILITIES = Set.copyOf(EnumSet.allOf(Capability.class));

    private final Set<Capability> capabilities;
    private final CarrierState carrier;
    private final InMemoryInventory inventory;
    private final InMemoryPurchaser purchaser;
    private final PortingService porting;

    private InMemoryProvider(Builder b) {
        this.capabilities = Set.copyOf(b.capabilities);
        this.carrier = Objects.requireNonNull(b.carrier, "carrier");
        Clock clock = b.clock != null ? b.clock : carrier.clock();
        Retrier retrier = new Retrier(b.retryPolicy, b.sleeper, b.random);
        CarrierLink link = new CarrierLink(NAME, carrier, b.token, clock, retrier);
        Polling polling = new Polling(clock, b.sleeper, ErrorContext.of(NAME));
        this.inventory = new InMemoryInventory(link, capabilities);
        this.purchaser = new InMemoryPurchaser(link, capabilities, b.asynchronousPurchases, clock, polling, b.pollInterval);
        this.porting = capabilities.contains(Capability.PORTING)
                ? new InMemoryPorting(link, clock, b.minimumPortNotice, polling, b.pollInterval)
                : Unsupported.porting(NAME);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public NumberInventory inventory() {
        return inventory;
    }

    @Override
    public NumberPurchaser purchaser() {
        return purchaser;
    }

    @Override
    public PortingService porting() {
        return porting;
    }

    /** Offers {@link CarrierState}: the carrier behind this provider, to seed and inspect. */
    @Override
    public <T> T unwrap(Class<T> extension) {
        if (extension.isInstance(carrier)) {
            return extension.cast(carrier);
        }
        throw Unsupported.extension(NAME, extension);
    }

    @Override
    public void close() {
        // nothing to release: no connections, no threads
    }

    @Override
    public String toString() {
        return "InMemoryProvider[capabilities=" + capabilities.size() + "]";
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

        public InMemoryProvider build() {
            return new InMemoryProvider(this);
        }
    }
}
