package dev.telephony.testkit.carrier;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.HeldNumber;
import dev.telephony.api.Hold;
import dev.telephony.api.HoldStatus;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberStatus;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PortOrder;
import dev.telephony.api.PortRequest;
import dev.telephony.api.PortStatus;
import dev.telephony.api.PortabilityResult;
import dev.telephony.api.PortedNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.testkit.carrier.CarrierRejection.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A simulated carrier: what it offers, what the account owns, its orders and ports, the faults it
 * will produce and every request that reached it. One model for every simulator and the in-memory
 * provider, so "area code 212 has these 50 numbers" is seeded once for all of them.
 *
 * <p>Thread-safe: simulators serve requests on server threads while the test inspects the state.
 */
public final class CarrierState {
    private static final Map<String, CarrierState> NAMED = new ConcurrentHashMap<>();

    /** How long a hold lasts after its last change, as Azure documents for its reservations. */
    public static final Duration HOLD_IDLE_LIFETIME = Duration.ofMinutes(15);
    /** How long a hold lasts at most after its creation, however often it changes. */
    public static final Duration HOLD_MAX_LIFETIME = Duration.ofHours(2);

    private final Clock clock;
    private final FaultInjector faults = new FaultInjector();
    private final TreeMap<PhoneNumber, AvailableNumber> inventory = new TreeMap<>();
    private final TreeMap<PhoneNumber, OwnedNumber> owned = new TreeMap<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, HoldRecord> holds = new LinkedHashMap<>();
    private final Map<String, Port> ports = new LinkedHashMap<>();
    private final Map<PhoneNumber, PortabilityResult> portability = new LinkedHashMap<>();
    private final List<PhoneNumber> purchaseLog = new ArrayList<>();
    private final List<PhoneNumber> releaseLog = new ArrayList<>();
    private final List<PhoneNumber> repeatedPurchases = new ArrayList<>();
    private final Map<RequestKind, Integer> requests = new EnumMap<>(RequestKind.class);
    private String credential;
    private boolean holdOrders;
    private Duration orderProcessingTime = Duration.ofSeconds(3);
    private long sequence;

    public CarrierState(Clock clock) {
        this.clock = clock;
    }

    /**
     * The carrier registered under {@code name}, created (and, for {@code "demo"}, seeded with demo
     * numbers) on first use: how the in-memory provider chosen by name finds its carrier.
     */
    public static CarrierState named(String name) {
        return named(name, Clock.systemUTC());
    }

    /** {@link #named(String)}, creating a missing carrier on {@code clock}. */
    public static CarrierState named(String name, Clock clock) {
        return NAMED.computeIfAbsent(name, n -> n.equals("demo") ? demo(clock) : new CarrierState(clock));
    }

    /** Forgets the carrier registered under {@code name}, so the next use starts afresh. */
    public static void forget(String name) {
        NAMED.remove(name);
    }

    /** A carrier seeded with the demo offer: New York, Binghamton, San Francisco and toll-free blocks. */
    public static CarrierState demo(Clock clock) {
        CarrierState state = new CarrierState(clock);
        DemoInventory.seed(state);
        return state;
    }

    /** Registers {@code state} under {@code name}, for providers created by name in a test. */
    public static void register(String name, CarrierState state) {
        NAMED.put(name, state);
    }

    public Clock clock() {
        return clock;
    }

    // ---- credentials, requests, faults --------------------------------------------------------

    /** Only requests presenting {@code credential} are accepted; {@code null} accepts any. */
    public synchronized CarrierState requireCredential(String credential) {
        this.credential = credential;
        return this;
    }

    /** Whether {@code presented} is the credential this carrier accepts. */
    public synchronized boolean accepts(String presented) {
        return credential == null || credential.equals(presented);
    }

    /** The faults queued for coming requests. */
    public FaultInjector faults() {
        return faults;
    }

    /** Counts a request that reached the carrier. Simulators and the in-memory provider call it. */
    public synchronized void recordRequest(RequestKind kind) {
        requests.merge(kind, 1, Integer::sum);
    }

    /** How many requests reached the carrier in all. */
    public synchronized int requestCount() {
        return requests.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** How many requests of {@code kind} reached the carrier. */
    public synchronized int requestCount(RequestKind kind) {
        return requests.getOrDefault(kind, 0);
    }

    // ---- inventory ----------------------------------------------------------------------------

    /** Starts seeding available numbers. */
    public Seeder seed() {
        return new Seeder(this);
    }

    /** Adds numbers on offer. */
    public synchronized void offer(List<AvailableNumber> offers) {
        offers.forEach(o -> inventory.put(o.number(), o));
    }

    /** The numbers on offer, in number order. */
    public synchronized List<AvailableNumber> available() {
        settle();
        return inventory.values().stream().filter(o -> heldBy(o.number()) == null).toList();
    }

    /** At most {@code limit} offers that pass {@code filter}, in number order; held numbers are not on offer. */
    public synchronized List<AvailableNumber> search(Predicate<AvailableNumber> filter, int limit) {
        settle();
        return inventory.values().stream().filter(o -> heldBy(o.number()) == null).filter(filter).limit(limit).toList();
    }

    /** Whether {@code number} is on offer: in the inventory, and not in anyone's hold. */
    public synchronized boolean isAvailable(PhoneNumber number) {
        settle();
        return inventory.containsKey(number) && heldBy(number) == null;
    }

    // ---- owned numbers ------------------------------------------------------------------------

    /** Makes the account own {@code number} directly (seeding), named {@code name} if not null. */
    public synchronized OwnedNumber own(PhoneNumber number, String name) {
        AvailableNumber offer = inventory.remove(number);
        OwnedNumber bought = OwnedNumber.builder(nextId(), number)
                .name(name)
                .type(offer == null ? typeOf(number) : offer.type())
                .features(offer == null ? EnumSet.of(NumberFeature.VOICE, NumberFeature.SMS) : offer.features())
                .status(NumberStatus.ACTIVE)
                .createdAt(clock.instant())
                .attribute("rateCenter", offer == null ? null : offer.rateCenter().orElse(null))
                .attribute("region", offer == null ? null : offer.region().orElse(null))
                .build();
        owned.put(number, bought);
        return bought;
    }

    /**
     * Buys an offered number for the account, as a purchase request does. A request for a number the
     * account already owns is refused and remembered as a {@linkplain #repeatedPurchases() repeat}.
     */
    public synchronized OwnedNumber buy(PhoneNumber number, String name) {
        if (owned.containsKey(number) || ownedOrOnOrder(number)) {
            repeatedPurchases.add(number);
        }
        return sell(number, name);
    }

    private OwnedNumber sell(PhoneNumber number, String name) {
        return sell(number, name, null);
    }

    /** Sells {@code number}, which a hold may keep for itself: only a purchase through {@code throughHold} may take it then. */
    private OwnedNumber sell(PhoneNumber number, String name, String throughHold) {
        settleHolds();
        if (owned.containsKey(number) || !inventory.containsKey(number)) {
            throw new CarrierRejection(Reason.NOT_AVAILABLE, number + " is not available");
        }
        HoldRecord holder = heldBy(number);
        if (holder != null && !holder.id.equals(throughHold)) {
            throw new CarrierRejection(Reason.NOT_AVAILABLE, number + " is held");
        }
        purchaseLog.add(number);
        return own(number, name);
    }

    /** The owned number, if the account owns it. */
    public synchronized Optional<OwnedNumber> owned(PhoneNumber number) {
        settle();
        return Optional.ofNullable(owned.get(number));
    }

    /** The owned number with this carrier id, if any. */
    public synchronized Optional<OwnedNumber> ownedById(String id) {
        settle();
        return owned.values().stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** Every owned number, in number order. */
    public synchronized List<OwnedNumber> ownedNumbers() {
        settle();
        return List.copyOf(owned.values());
    }

    /** The owned numbers after {@code after} (exclusive) that pass {@code filter}, at most {@code limit}. */
    public synchronized List<OwnedNumber> ownedPage(Optional<PhoneNumber> after, Predicate<OwnedNumber> filter, int limit) {
        settle();
        Map<PhoneNumber, OwnedNumber> tail = after.isPresent() ? owned.tailMap(after.get(), false) : owned;
        return tail.values().stream().filter(filter).limit(limit).toList();
    }

    /** Changes an owned number. */
    public synchronized OwnedNumber update(PhoneNumber number, UnaryOperator<OwnedNumber> change) {
        OwnedNumber current = owned.get(number);
        if (current == null) {
            throw new CarrierRejection(Reason.NOT_FOUND, number + " is not owned");
        }
        OwnedNumber changed = change.apply(current);
        owned.put(number, changed);
        return changed;
    }

    /** Releases an owned number: it leaves the account and does not return to the offer. */
    public synchronized void release(PhoneNumber number) {
        if (owned.remove(number) == null) {
            throw new CarrierRejection(Reason.NOT_FOUND, number + " is not owned");
        }
        releaseLog.add(number);
    }

    /** Every purchase the carrier carried out, in order; a number bought twice appears twice. */
    public synchronized List<PhoneNumber> purchases() {
        settle();
        return List.copyOf(purchaseLog);
    }

    /** How many times {@code number} was bought. */
    public synchronized long timesBought(PhoneNumber number) {
        settle();
        return purchaseLog.stream().filter(number::equals).count();
    }

    /**
     * Every purchase request that named a number the account already owned or had on order, in order:
     * a purchase sent again after one succeeded. Simulators that refuse such a request before the
     * carrier sees it report it with {@link #recordRepeatedPurchase}.
     */
    public synchronized List<PhoneNumber> repeatedPurchases() {
        return List.copyOf(repeatedPurchases);
    }

    /** Remembers a purchase request for numbers already bought or on order that a simulator refused itself. */
    public synchronized void recordRepeatedPurchase(List<PhoneNumber> numbers) {
        repeatedPurchases.addAll(numbers);
    }

    /** Every release the carrier carried out, in order. */
    public synchronized List<PhoneNumber> releases() {
        return List.copyOf(releaseLog);
    }

    // ---- orders -------------------------------------------------------------------------------

    /** While held, asynchronous orders stay PENDING however much time passes. */
    public synchronized CarrierState holdOrders(boolean hold) {
        this.holdOrders = hold;
        return this;
    }

    /** How long an asynchronous order takes once not held; 3 seconds by default. */
    public synchronized CarrierState orderProcessingTime(Duration time) {
        this.orderProcessingTime = time;
        return this;
    }

    /**
     * Places an order for {@code numbers}. A synchronous order is carried out at once; an
     * asynchronous one stays PENDING until its processing time has passed and orders are not held.
     */
    public synchronized PurchaseOrder placeOrder(List<PhoneNumber> numbers, String name, String reference,
                                                 boolean asynchronous) {
        return placeOrder(numbers, name, reference, asynchronous, null);
    }

    /**
     * {@link #placeOrder(List, String, String, boolean)} of numbers a search held for the account in the
     * hold {@code throughHold} (see {@link #holdSearch}): those numbers may be sold to it, and become
     * PURCHASED in that hold. {@code null} is a purchase outside any hold, to which held numbers are not sold.
     */
    public synchronized PurchaseOrder placeOrder(List<PhoneNumber> numbers, String name, String reference,
                                                 boolean asynchronous, String throughHold) {
        settleHolds();
        numbers.stream().filter(this::ownedOrOnOrder).forEach(repeatedPurchases::add);
        if (numbers.stream().noneMatch(n -> inventory.containsKey(n) && !owned.containsKey(n)
                && (heldBy(n) == null || heldBy(n).id.equals(throughHold)))) {
            throw new CarrierRejection(Reason.NOT_AVAILABLE, "none of " + numbers + " is available");
        }
        String id = "order-" + nextId();
        Order order = new Order(id, List.copyOf(numbers), name, reference, clock.instant(),
                asynchronous ? clock.instant().plus(orderProcessingTime) : null);
        order.holdId = throughHold;
        orders.put(id, order);
        if (!asynchronous) {
            order.process(this);
        }
        return order.view();
    }

    /** The order as it stands now (processing it if its time has come), if it exists. */
    public synchronized Optional<PurchaseOrder> order(String id) {
        Order order = orders.get(id);
        if (order == null) {
            return Optional.empty();
        }
        if (order.status == PurchaseStatus.PENDING && !holdOrders && !clock.instant().isBefore(order.readyAt)) {
            order.process(this);
        }
        return Optional.of(order.view());
    }

    /** Whether {@code number} is owned, or named by an order still being processed. */
    public synchronized boolean ownedOrOnOrder(PhoneNumber number) {
        return owned.containsKey(number) || orders.values().stream()
                .anyMatch(o -> o.status == PurchaseStatus.PENDING && o.numbers.contains(number));
    }

    /** Carries out the asynchronous orders whose time has come: the carrier works on its own clock. */
    private void settle() {
        settleHolds();
        if (holdOrders) {
            return;
        }
        Instant now = clock.instant();
        for (Order order : orders.values()) {
            if (order.status == PurchaseStatus.PENDING && order.readyAt != null && !now.isBefore(order.readyAt)) {
                order.process(this);
            }
        }
    }

    /** Every order, oldest first. */
    public synchronized List<PurchaseOrder> orders() {
        return orders.keySet().stream().map(id -> order(id).orElseThrow()).toList();
    }

    /** The most recent order that names {@code number}, if any. */
    public synchronized Optional<PurchaseOrder> latestOrderFor(PhoneNumber number) {
        List<String> ids = new ArrayList<>(orders.keySet());
        Collections.reverse(ids);
        return ids.stream().filter(id -> orders.get(id).numbers.contains(number)).findFirst().flatMap(this::order);
    }

    // ---- holds --------------------------------------------------------------------------------

    /**
     * Holds {@code numbers} for the account in a new hold, ACTIVE until {@link #HOLD_IDLE_LIFETIME} after
     * its last change (at most {@link #HOLD_MAX_LIFETIME} after its creation). Each number that is not on
     * offer (owned, held by another hold, never offered) is in it as {@link HeldNumber.Status#ERROR} with
     * its reason; while held, a number is offered to no search and sold to no purchase but the hold's.
     *
     * @throws CarrierRejection NOT_AVAILABLE, creating nothing, when none of them can be held
     */
    public synchronized Hold createHold(List<PhoneNumber> numbers) {
        return createHold(numbers, false);
    }

    private Hold createHold(List<PhoneNumber> numbers, boolean fromSearch) {
        settleHolds();
        HoldRecord hold = new HoldRecord(nextId(), clock.instant(), fromSearch);
        numbers.forEach(n -> hold.entries.put(n, entryFor(n)));
        if (hold.entries.values().stream().noneMatch(e -> e.status() == HeldNumber.Status.HELD)) {
            throw new CarrierRejection(Reason.NOT_AVAILABLE, "none of " + numbers + " can be held");
        }
        holds.put(hold.id, hold);
        return hold.view();
    }

    /**
     * A search that holds what it finds: at most {@code limit} offers that pass {@code filter}, held
     * together in a new hold, each carrying its {@code holdExpiresAt} and the hold's id as attribute
     * {@code holdId}. Buy them with {@link #placeOrder(List, String, String, boolean, String)} through that hold.
     */
    public synchronized List<AvailableNumber> holdSearch(Predicate<AvailableNumber> filter, int limit) {
        List<AvailableNumber> found = search(filter, limit);
        if (found.isEmpty()) {
            return found;
        }
        Hold hold = createHold(found.stream().map(AvailableNumber::number).toList(), true);
        return found.stream().map(o -> withHold(o, hold)).toList();
    }

    private static AvailableNumber withHold(AvailableNumber offer, Hold hold) {
        AvailableNumber.Builder b = AvailableNumber.builder(offer.number()).type(offer.type()).features(offer.features())
                .countryCode(offer.countryCode()).region(offer.region().orElse(null)).locality(offer.locality().orElse(null))
                .rateCenter(offer.rateCenter().orElse(null)).holdExpiresAt(hold.expiresAt());
        offer.attributes().forEach(b::attribute);
        return b.attribute("holdId", hold.id()).build();
    }

    /**
     * Adds numbers to an ACTIVE hold (each it cannot hold as ERROR, as {@link #createHold} does; one it has
     * already stays as it is), moving its expiry on.
     *
     * @throws CarrierRejection NOT_FOUND for no such hold, CONFLICT for one no longer ACTIVE
     */
    public synchronized Hold addToHold(String id, List<PhoneNumber> numbers) {
        HoldRecord hold = activeHold(id);
        for (PhoneNumber number : numbers) {
            HeldNumber present = hold.entries.get(number);
            if (present == null || present.status() != HeldNumber.Status.HELD) {
                hold.entries.put(number, entryFor(number));
            }
        }
        hold.changedAt = clock.instant();
        return hold.view();
    }

    /**
     * Takes numbers out of an ACTIVE hold, freeing them, and moves its expiry on.
     *
     * @throws CarrierRejection NOT_FOUND for no such hold, CONFLICT for one no longer ACTIVE, INVALID
     *                          (changing nothing) for a number the hold does not have
     */
    public synchronized Hold removeFromHold(String id, List<PhoneNumber> numbers) {
        HoldRecord hold = activeHold(id);
        for (PhoneNumber number : numbers) {
            if (!hold.entries.containsKey(number)) {
                throw new CarrierRejection(Reason.INVALID, "hold " + id + " does not have " + number);
            }
        }
        numbers.forEach(hold.entries::remove);
        hold.changedAt = clock.instant();
        return hold.view();
    }

    /** The hold as it stands now (EXPIRED once its time ran out), if the carrier has it. */
    public synchronized Optional<Hold> hold(String id) {
        settle();
        return Optional.ofNullable(holds.get(id)).map(HoldRecord::view);
    }

    /** Every hold the carrier has, oldest first. */
    public synchronized List<Hold> holds() {
        settle();
        return holds.values().stream().map(HoldRecord::view).toList();
    }

    /** At most {@code limit} holds created after the hold {@code after} (exclusive), oldest first. */
    public synchronized List<Hold> holdPage(Optional<String> after, int limit) {
        settle();
        List<Hold> all = holds();
        int from = 0;
        if (after.isPresent()) {
            List<String> ids = new ArrayList<>(holds.keySet());
            int at = ids.indexOf(after.get());
            if (at < 0) {
                throw new CarrierRejection(Reason.INVALID, "no hold " + after.get() + " to continue after");
            }
            from = at + 1;
        }
        return all.subList(from, Math.min(all.size(), from + limit));
    }

    /**
     * Gives a hold up, freeing its numbers; nothing is bought.
     *
     * @throws CarrierRejection NOT_FOUND for no such hold, CONFLICT for one being bought
     */
    public synchronized void releaseHold(String id) {
        settle();
        HoldRecord hold = holds.get(id);
        if (hold == null) {
            throw new CarrierRejection(Reason.NOT_FOUND, "no hold " + id);
        }
        if (hold.status == HoldStatus.PURCHASING) {
            throw new CarrierRejection(Reason.CONFLICT, "hold " + id + " is being bought");
        }
        holds.remove(id);
    }

    /**
     * Buys what an ACTIVE hold holds, as one order (carried out at once, or later when
     * {@code asynchronous}, as {@link #placeOrder} does); the hold is PURCHASING, then PURCHASED. A
     * purchase of a hold already bought or being bought is refused and remembered as a
     * {@linkplain #repeatedPurchases() repeat}.
     *
     * @throws CarrierRejection NOT_FOUND for no such hold, CONFLICT for one expired, bought, being bought
     *                          or holding no number
     */
    public synchronized PurchaseOrder purchaseHold(String id, String name, boolean asynchronous) {
        settle();
        HoldRecord hold = holds.get(id);
        if (hold == null) {
            throw new CarrierRejection(Reason.NOT_FOUND, "no hold " + id);
        }
        List<PhoneNumber> held = hold.held();
        if (hold.status == HoldStatus.PURCHASING || hold.status == HoldStatus.PURCHASED) {
            repeatedPurchases.addAll(hold.entries.keySet().stream().filter(this::ownedOrOnOrder).toList());
            throw new CarrierRejection(Reason.CONFLICT, "hold " + id + " is " + hold.status + " already");
        }
        if (hold.status == HoldStatus.EXPIRED) {
            throw new CarrierRejection(Reason.CONFLICT, "hold " + id + " expired at " + hold.expiresAt());
        }
        if (held.isEmpty()) {
            throw new CarrierRejection(Reason.CONFLICT, "hold " + id + " holds no number");
        }
        String orderId = "order-" + nextId();
        Order order = new Order(orderId, held, name, null, clock.instant(),
                asynchronous ? clock.instant().plus(orderProcessingTime) : null);
        order.holdId = id;
        orders.put(orderId, order);
        hold.status = HoldStatus.PURCHASING;
        hold.orderId = orderId;
        if (!asynchronous) {
            order.process(this);
        }
        return order.view();
    }

    /** The ACTIVE (or search) hold that keeps {@code number} from everyone else, if any. */
    private HoldRecord heldBy(PhoneNumber number) {
        for (HoldRecord hold : holds.values()) {
            if ((hold.status == HoldStatus.ACTIVE || hold.status == HoldStatus.PURCHASING) && hold.holds(number)) {
                return hold;
            }
        }
        return null;
    }

    private HeldNumber entryFor(PhoneNumber number) {
        AvailableNumber offer = inventory.get(number);
        if (owned.containsKey(number)) {
            return HeldNumber.error(offer != null ? offer : AvailableNumber.builder(number).type(owned.get(number).type()).build(),
                    "NumberOwned", number + " is already on this account");
        }
        if (offer == null) {
            return HeldNumber.error(AvailableNumber.builder(number).type(typeOf(number)).build(), "NumberNotOffered",
                    number + " is not on offer");
        }
        if (heldBy(number) != null) {
            return HeldNumber.error(offer, "NumberHeld", number + " is held by someone else");
        }
        return HeldNumber.held(offer);
    }

    private HoldRecord activeHold(String id) {
        settle();
        HoldRecord hold = holds.get(id);
        if (hold == null) {
            throw new CarrierRejection(Reason.NOT_FOUND, "no hold " + id);
        }
        if (hold.status != HoldStatus.ACTIVE) {
            throw new CarrierRejection(Reason.CONFLICT, "hold " + id + " is " + hold.status + " and can no longer change");
        }
        return hold;
    }

    /** Expires the ACTIVE holds whose time has run out: the carrier works on its own clock. */
    private void settleHolds() {
        Instant now = clock.instant();
        for (HoldRecord hold : holds.values()) {
            if (hold.status == HoldStatus.ACTIVE && !now.isBefore(hold.expiresAt())) {
                hold.status = HoldStatus.EXPIRED;
                hold.entries.replaceAll((n, e) -> e.status() == HeldNumber.Status.HELD ? e.withStatus(HeldNumber.Status.EXPIRED) : e);
            }
        }
    }

    /** What an order placed through a hold did to it: each number bought is PURCHASED, each not is an ERROR. */
    private void orderProcessed(Order order) {
        HoldRecord hold = order.holdId == null ? null : holds.get(order.holdId);
        if (hold == null) {
            return;
        }
        for (PhoneNumber number : order.bought) {
            HeldNumber entry = hold.entries.get(number);
            if (entry != null) {
                hold.entries.put(number, entry.withStatus(HeldNumber.Status.PURCHASED));
            }
        }
        order.failures.forEach((number, reason) -> {
            HeldNumber entry = hold.entries.get(number);
            if (entry != null) {
                hold.entries.put(number, HeldNumber.error(entry.offer(), "PurchaseFailed", reason));
            }
        });
        if (order.id.equals(hold.orderId) || hold.held().isEmpty()) {
            hold.status = HoldStatus.PURCHASED;
        }
    }

    private static final class HoldRecord {
        final String id;
        final Instant createdAt;
        final boolean fromSearch;
        Instant changedAt;
        HoldStatus status = HoldStatus.ACTIVE;
        String orderId;
        final Map<PhoneNumber, HeldNumber> entries = new LinkedHashMap<>();

        HoldRecord(String id, Instant createdAt, boolean fromSearch) {
            this.id = id;
            this.createdAt = createdAt;
            this.changedAt = createdAt;
            this.fromSearch = fromSearch;
        }

        Instant expiresAt() {
            Instant idle = changedAt.plus(HOLD_IDLE_LIFETIME);
            Instant latest = createdAt.plus(HOLD_MAX_LIFETIME);
            return idle.isBefore(latest) ? idle : latest;
        }

        boolean holds(PhoneNumber number) {
            HeldNumber entry = entries.get(number);
            return entry != null && entry.status() == HeldNumber.Status.HELD;
        }

        List<PhoneNumber> held() {
            return entries.values().stream().filter(e -> e.status() == HeldNumber.Status.HELD).map(HeldNumber::number).toList();
        }

        Hold view() {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("createdAt", createdAt.toString());
            attributes.put("changedAt", changedAt.toString());
            if (fromSearch) {
                attributes.put("fromSearch", "true");
            }
            if (orderId != null) {
                attributes.put("orderId", orderId);
            }
            return new Hold(id, status, List.copyOf(entries.values()), expiresAt(), attributes);
        }
    }

    // ---- porting ------------------------------------------------------------------------------

    /** {@code number} can be ported in from {@code currentCarrier}. */
    public synchronized CarrierState portable(PhoneNumber number, String currentCarrier, String lineType, int estimatedDays) {
        portability.put(number, new PortabilityResult(number, true, Optional.of(currentCarrier), Optional.of(lineType),
                Optional.of(estimatedDays), Optional.empty()));
        return this;
    }

    /** {@code number} cannot be ported in, for {@code reason}. */
    public synchronized CarrierState notPortable(PhoneNumber number, String reason) {
        portability.put(number, new PortabilityResult(number, false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(reason)));
        return this;
    }

    /** What the carrier says of porting {@code number}: numbers it was not told of are not portable. */
    public synchronized PortabilityResult checkPortability(PhoneNumber number) {
        if (owned.containsKey(number)) {
            return new PortabilityResult(number, false, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("the number is already on this account"));
        }
        return portability.getOrDefault(number, new PortabilityResult(number, false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("no carrier record for this number")));
    }

    /** Records a submitted port, PENDING. Refuses numbers that are not portable. */
    public synchronized PortOrder submitPort(PortRequest request) {
        for (PhoneNumber number : request.numbers()) {
            PortabilityResult check = checkPortability(number);
            if (!check.portable()) {
                throw new CarrierRejection(Reason.INVALID, number + " is not portable: " + check.reason().orElse("unknown"));
            }
        }
        String id = "port-" + nextId();
        Port port = new Port(id, request.numbers(), request.requestedDate(), clock.instant());
        ports.put(id, port);
        return port.view();
    }

    /** The port, if it exists. */
    public synchronized Optional<PortOrder> port(String id) {
        return Optional.ofNullable(ports.get(id)).map(Port::view);
    }

    /** Every port, oldest first. */
    public synchronized List<PortOrder> ports() {
        return ports.values().stream().map(Port::view).toList();
    }

    /** The losing carrier approves the port, confirming {@code confirmedDate}. */
    public synchronized PortOrder approvePort(String id, LocalDate confirmedDate) {
        Port port = requirePort(id, PortStatus.PENDING);
        port.status = PortStatus.APPROVED;
        port.confirmedDate = confirmedDate;
        return port.view();
    }

    /** The port is being carried out. */
    public synchronized PortOrder startPort(String id) {
        Port port = requirePort(id, PortStatus.APPROVED);
        port.status = PortStatus.IN_PROGRESS;
        return port.view();
    }

    /** The port completes: its numbers become the account's. */
    public synchronized PortOrder completePort(String id) {
        Port port = ports.get(id);
        if (port == null || (port.status != PortStatus.APPROVED && port.status != PortStatus.IN_PROGRESS)) {
            throw new CarrierRejection(Reason.CONFLICT, "port " + id + " is not approved");
        }
        port.status = PortStatus.COMPLETED;
        port.completedAt = clock.instant();
        port.numbers.forEach(n -> own(n, null));
        return port.view();
    }

    /** The losing carrier rejects the port. */
    public synchronized PortOrder rejectPort(String id, String reason) {
        Port port = requirePort(id, PortStatus.PENDING);
        port.status = PortStatus.REJECTED;
        port.rejectionReason = reason;
        return port.view();
    }

    /** Cancels a port; refused once the losing carrier has approved it. */
    public synchronized PortOrder cancelPort(String id) {
        Port port = ports.get(id);
        if (port == null) {
            throw new CarrierRejection(Reason.NOT_FOUND, "no port " + id);
        }
        if (port.status != PortStatus.PENDING) {
            throw new CarrierRejection(Reason.CONFLICT, "port " + id + " is " + port.status + " and can no longer be cancelled");
        }
        port.status = PortStatus.CANCELLED;
        return port.view();
    }

    private Port requirePort(String id, PortStatus expected) {
        Port port = ports.get(id);
        if (port == null) {
            throw new CarrierRejection(Reason.NOT_FOUND, "no port " + id);
        }
        if (port.status != expected) {
            throw new CarrierRejection(Reason.CONFLICT, "port " + id + " is " + port.status + ", not " + expected);
        }
        return port;
    }

    // ---- saving and restoring -----------------------------------------------------------------

    /**
     * Everything this carrier holds, as it stands (orders are not processed first), to be saved and
     * later {@linkplain #restore(CarrierSnapshot, Clock) restored}.
     */
    public synchronized CarrierSnapshot snapshot() {
        List<CarrierSnapshot.OrderRecord> orderRecords = orders.values().stream()
                .map(o -> new CarrierSnapshot.OrderRecord(o.view(), Optional.ofNullable(o.name), Optional.ofNullable(o.readyAt)))
                .toList();
        return new CarrierSnapshot(sequence, List.copyOf(inventory.values()), List.copyOf(owned.values()), orderRecords,
                ports.values().stream().map(Port::view).toList(), List.copyOf(portability.values()),
                purchaseLog, releaseLog, holdOrders, orderProcessingTime,
                holds.values().stream().map(HoldRecord::view).toList());
    }

    /** A carrier on {@code clock} holding what {@code snapshot} holds. */
    public static CarrierState restore(CarrierSnapshot snapshot, Clock clock) {
        CarrierState state = new CarrierState(clock);
        synchronized (state) {
            state.sequence = snapshot.sequence();
            snapshot.available().forEach(o -> state.inventory.put(o.number(), o));
            snapshot.owned().forEach(n -> state.owned.put(n.number(), n));
            for (CarrierSnapshot.OrderRecord saved : snapshot.orders()) {
                PurchaseOrder view = saved.order();
                Order order = new Order(view.id(), view.requested(), saved.name().orElse(null), view.reference().orElse(null),
                        view.createdAt().orElse(null), saved.readyAt().orElse(null));
                order.status = view.status();
                order.bought.addAll(view.purchased());
                view.failures().forEach(f -> order.failures.put(f.number(), f.reason()));
                state.orders.put(order.id, order);
            }
            for (PortOrder view : snapshot.ports()) {
                Port port = new Port(view.id(), view.phoneNumbers(), view.requestedDate(),
                        view.submittedAt().orElse(clock.instant()));
                port.status = view.status();
                port.rejectionReason = view.rejectionReason().orElse(null);
                port.confirmedDate = view.confirmedDate().orElse(null);
                port.completedAt = view.completedAt().orElse(null);
                state.ports.put(port.id, port);
            }
            snapshot.portability().forEach(p -> state.portability.put(p.number(), p));
            state.purchaseLog.addAll(snapshot.purchases());
            state.releaseLog.addAll(snapshot.releases());
            state.holdOrders = snapshot.holdOrders();
            state.orderProcessingTime = snapshot.orderProcessingTime();
            for (Hold saved : snapshot.holds()) {
                Map<String, String> a = saved.attributes();
                Instant created = Optional.ofNullable(a.get("createdAt")).map(Instant::parse).orElse(clock.instant());
                HoldRecord hold = new HoldRecord(saved.id(), created, "true".equals(a.get("fromSearch")));
                hold.changedAt = Optional.ofNullable(a.get("changedAt")).map(Instant::parse).orElse(created);
                hold.status = saved.status();
                hold.orderId = a.get("orderId");
                saved.numbers().forEach(n -> hold.entries.put(n.number(), n));
                state.holds.put(hold.id, hold);
            }
            // an order still being carried out sells the numbers its hold keeps for it
            for (Order order : state.orders.values()) {
                if (order.status == PurchaseStatus.PENDING) {
                    order.numbers.stream().map(state::heldBy).filter(java.util.Objects::nonNull).findFirst()
                            .ifPresent(hold -> order.holdId = hold.id);
                }
            }
        }
        return state;
    }

    private String nextId() {
        sequence++;
        return new UUID(0x7e1e_0000_0000_4000L | (sequence >>> 48), 0x8000_0000_0000_0000L | sequence).toString();
    }

    private static NumberType typeOf(PhoneNumber number) {
        return number.isNanp() && Set.of("800", "833", "844", "855", "866", "877", "888").contains(number.nationalNumber().substring(0, 3))
                ? NumberType.TOLL_FREE : NumberType.LOCAL;
    }

    private static final class Order {
        final String id;
        final List<PhoneNumber> numbers;
        final String name;
        final String reference;
        final Instant createdAt;
        final Instant readyAt;
        PurchaseStatus status = PurchaseStatus.PENDING;
        final List<PhoneNumber> bought = new ArrayList<>();
        final Map<PhoneNumber, String> failures = new LinkedHashMap<>();

        Order(String id, List<PhoneNumber> numbers, String name, String reference, Instant createdAt, Instant readyAt) {
            this.id = id;
            this.numbers = numbers;
            this.name = name;
            this.reference = reference;
            this.createdAt = createdAt;
            this.readyAt = readyAt;
        }

        String holdId;

        void process(CarrierState carrier) {
            for (PhoneNumber number : numbers) {
                try {
                    carrier.sell(number, name, holdId);
                    bought.add(number);
                } catch (CarrierRejection e) {
                    failures.put(number, e.getMessage());
                }
            }
            status = bought.isEmpty() ? PurchaseStatus.FAILED : PurchaseStatus.COMPLETED;
            carrier.orderProcessed(this);
        }

        PurchaseOrder view() {
            PurchaseOrder.Builder b = PurchaseOrder.builder(id, status).requested(numbers).purchased(bought)
                    .createdAt(createdAt).reference(reference);
            failures.forEach((n, reason) -> b.failure(n, reason, "not-available"));
            if (status == PurchaseStatus.FAILED) {
                b.details("none of the numbers could be bought");
            }
            return b.build();
        }
    }

    private static final class Port {
        final String id;
        final List<PhoneNumber> numbers;
        final LocalDate requestedDate;
        final Instant submittedAt;
        PortStatus status = PortStatus.PENDING;
        String rejectionReason;
        LocalDate confirmedDate;
        Instant completedAt;

        Port(String id, List<PhoneNumber> numbers, LocalDate requestedDate, Instant submittedAt) {
            this.id = id;
            this.numbers = List.copyOf(numbers);
            this.requestedDate = requestedDate;
            this.submittedAt = submittedAt;
        }

        PortOrder view() {
            List<PortedNumber> each = numbers.stream()
                    .map(n -> new PortedNumber(n, status, Optional.ofNullable(rejectionReason))).toList();
            return new PortOrder(id, status, each, Optional.ofNullable(rejectionReason), requestedDate,
                    Optional.ofNullable(confirmedDate), Optional.of(submittedAt), Optional.ofNullable(completedAt), Map.of());
        }
    }
}
