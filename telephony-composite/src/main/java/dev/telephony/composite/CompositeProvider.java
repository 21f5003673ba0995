package dev.telephony.composite;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PortingService;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.spi.ProviderBase;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Several carriers as one provider. Code written against {@link TelephonyProvider} gains several carriers
 * without change:
 * <ul>
 *   <li>a search goes, in parallel, to every member that can apply all its filters, each with its own
 *       deadline; a member that fails or runs out of time is reported (logged, and in the full answer of
 *       {@link CompositeExtension#search(NumberSearch)}), never dropped silently. Offers are merged by member
 *       order or a ranking, and each is tagged with its carrier ({@value #CARRIER_ATTRIBUTE});</li>
 *   <li>a purchase goes to the carrier that offered each number, as one order with a part per member whose
 *       id says which members issued it, so {@code order(id)} and {@code await(id, …)} work from the id alone;
 *       a member's ambiguous outcome ends the purchase as outcome-unknown, naming every number not confirmed;
 *       optional failover buys an equivalent offer elsewhere after a clear refusal only;</li>
 *   <li>the inventory is one: {@code list} walks every member lazily with a continuation token that resumes
 *       across members; {@code get}, {@code update} and {@code release} go to the member that owns the number;</li>
 *   <li>capabilities are the members' union (listing: every member's), with each operation on one number
 *       refused, naming the member, where the member it goes to cannot do it.</li>
 * </ul>
 *
 * <pre>{@code
 * TelephonyProvider telephony = CompositeProvider.builder()
 *         .member("signalwire", signalWire)
 *         .member("alianza", alianza)
 *         .build();
 * }</pre>
 *
 * <p>What only one member offers (Alianza's assignments, say) is reached through that member:
 * {@code unwrap(CompositeExtension.class).member("alianza").unwrap(AlianzaExtensions.class)}. Closing the
 * composite closes its members.
 */
public final class CompositeProvider extends ProviderBase {
    /** The name it is registered and chosen by. */
    public static final String NAME = "composite";
    /** The attribute of offers, owned numbers, orders and ports that names the member behind them. */
    public static final String CARRIER_ATTRIBUTE = "composite.carrier";
    /** How long each member has to answer a search (and a question of who owns a number) unless told. */
    public static final Duration DEFAULT_MEMBER_TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern MEMBER_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Members members;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private boolean closed;

    private CompositeProvider(Builder b) {
        this(b, new Members(b.members.entrySet().stream().map(e -> new Member(e.getKey(), e.getValue())).toList()),
                b.executor != null ? b.executor : Executors.newCachedThreadPool(daemonThreads()));
    }

    private CompositeProvider(Builder b, Members members, ExecutorService executor) {
        this(b, members, executor, new FanOut(executor, b.clock, b.memberTimeout));
    }

    private CompositeProvider(Builder b, Members members, ExecutorService executor, FanOut fanOut) {
        this(b, members, executor, fanOut, new CompositeInventory(members, fanOut, Optional.ofNullable(b.ranking)));
    }

    private CompositeProvider(Builder b, Members members, ExecutorService executor, FanOut fanOut, CompositeInventory inventory) {
        super(NAME, members.capabilities(), inventory,
                new CompositePurchaser(members, fanOut, b.clock, Optional.ofNullable(b.failover)),
                members.capabilities().contains(Capability.PORTING) ? new CompositePorting(members, fanOut) : null,
                List.of(new Extension(members, inventory)));
        this.members = members;
        this.executor = executor;
        this.ownsExecutor = b.executor == null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Closes every member, and the threads the composite made for itself. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        try {
            for (Member member : members.all()) {
                try {
                    member.provider().close();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        } finally {
            if (ownsExecutor) {
                executor.shutdownNow();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "CompositeProvider[" + String.join(", ", members.all().stream().map(m -> m.name() + "=" + m.provider().name())
                .toList()) + "]";
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "telephony-composite-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** What {@code unwrap(CompositeExtension.class)} answers. */
    private static final class Extension implements CompositeExtension {
        private final Members members;
        private final CompositeInventory inventory;

        Extension(Members members, CompositeInventory inventory) {
            this.members = members;
            this.inventory = inventory;
        }

        @Override
        public List<String> members() {
            return members.names();
        }

        @Override
        public TelephonyProvider member(String name) {
            return members.named("member", name).provider();
        }

        @Override
        public SearchAnswer search(NumberSearch search) {
            return inventory.searchAll(search, inventory.ranking());
        }

        @Override
        public SearchAnswer search(NumberSearch search, Comparator<AvailableNumber> ranking) {
            return inventory.searchAll(search, Optional.of(Objects.requireNonNull(ranking, "ranking")));
        }

        @Override
        public Optional<String> carrierOf(AvailableNumber offer) {
            return Members.carrierOf(offer.attributes());
        }

        @Override
        public Optional<String> carrierOf(OwnedNumber number) {
            return Members.carrierOf(number.attributes());
        }

        @Override
        public Optional<OrderRouting> routing(String orderId) {
            return OrderIds.decode(orderId);
        }

        @Override
        public PortingService porting(String name) {
            return CompositePorting.at(members.named("member", name));
        }
    }

    /** Builds a {@link CompositeProvider}: its members in order, and how it waits for them. */
    public static final class Builder {
        private final Map<String, TelephonyProvider> members = new LinkedHashMap<>();
        private Duration memberTimeout = DEFAULT_MEMBER_TIMEOUT;
        private Comparator<AvailableNumber> ranking;
        private FailoverRule failover;
        private Clock clock = Clock.systemUTC();
        private ExecutorService executor;

        private Builder() {
        }

        /**
         * Adds a member. Members are asked, merged and tried in the order they are added. {@code name}
         * (lower-case words joined by dashes) is how offers, numbers and orders name it.
         */
        public Builder member(String name, TelephonyProvider provider) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(provider, "provider of " + name);
            if (!MEMBER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("member names are lower-case words joined by dashes, was '" + name + "'");
            }
            if (members.containsKey(name)) {
                throw new IllegalArgumentException("there is already a member named '" + name + "'");
            }
            if (provider instanceof CompositeProvider) {
                throw new IllegalArgumentException("a composite cannot be a member of another composite ('" + name + "')");
            }
            members.put(name, provider);
            return this;
        }

        /** How long each member has to answer a search or say whether it owns a number; 5 seconds by default. */
        public Builder memberTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("the member timeout must be positive, was " + timeout);
            }
            this.memberTimeout = timeout;
            return this;
        }

        /** Merges search results by {@code ranking} (ties in member order) instead of by member order. */
        public Builder ranking(Comparator<AvailableNumber> ranking) {
            this.ranking = Objects.requireNonNull(ranking, "ranking");
            return this;
        }

        /**
         * When a member refuses an offer as not available, buys an equivalent (as {@code rule} says) from
         * another member, reporting it in the order. Off unless set.
         */
        public Builder failover(FailoverRule rule) {
            this.failover = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /** The clock members' deadlines are read on; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The threads members' calls run on. By default the composite makes its own daemon threads and stops
         * them when it is closed; an executor given here is left running.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        public CompositeProvider build() {
            if (members.isEmpty()) {
                throw new IllegalStateException("a composite needs at least one member");
            }
            return new CompositeProvider(this);
        }
    }
}
