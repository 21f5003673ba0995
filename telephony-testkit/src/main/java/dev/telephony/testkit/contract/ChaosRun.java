package dev.telephony.testkit.contract;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.OutcomeUnknownException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One run of the {@link ChaosContract}: a seeded schedule of purchases, awaits and releases, each under
 * randomly placed faults, each outcome checked against the carrier.
 */
final class ChaosRun {
    static final String OPERATIONS_PROPERTY = "telephony.chaos.operations";
    static final String SEED_PROPERTY = "telephony.chaos.seed";
    private static final String AREA_CODE = Fixtures.MANHATTAN;
    private static final int LINES_PER_EXCHANGE = 9000;
    /** Long enough for every order the carrier is processing and every hold to run out between operations. */
    private static final Duration SETTLE = Duration.ofHours(3);
    private static final Duration AWAIT = Duration.ofMinutes(30);

    private final ProviderHarness harness;
    private final TelephonyProvider provider;
    private final CarrierState carrier;
    private final long seed;
    private final int operations;
    private final SplittableRandom random;
    private final boolean releases;
    private final boolean names;
    /** Numbers this run bought that the carrier still owns: what a release may pick. */
    private final List<PhoneNumber> bought = new ArrayList<>();
    private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    private int operation;
    private List<String> planned = List.of();

    private enum Outcome { COMPLETED, FAILED_ORDER, REFUSED, OUTCOME_UNKNOWN, RELEASED, RELEASE_FAILED, RELEASE_UNKNOWN }

    private ChaosRun(ProviderHarness harness, long seed, int operations) {
        this.harness = harness;
        this.provider = harness.provider();
        this.carrier = harness.carrier();
        this.seed = seed;
        this.operations = operations;
        this.random = new SplittableRandom(seed);
        this.releases = provider.supports(Capability.RELEASE);
        this.names = provider.supports(Capability.NAMES);
    }

    /** A run sized and seeded by the system properties, else {@code defaultOperations} and a random seed. */
    static ChaosRun configured(ProviderHarness harness, int defaultOperations) {
        int operations = Integer.getInteger(OPERATIONS_PROPERTY, defaultOperations);
        Long fixed = Long.getLong(SEED_PROPERTY);
        long seed = fixed != null ? fixed : new SplittableRandom().nextLong();
        return new ChaosRun(harness, seed, operations);
    }

    void run() {
        seedOffers();
        int faultsBefore = carrier.faults().injected();
        for (operation = 1; operation <= operations; operation++) {
            if (releases && !bought.isEmpty() && random.nextInt(100) < 30) {
                release();
            } else {
                purchase();
            }
            carrier.faults().clear();
            harness.clock().advance(SETTLE);
        }
        System.out.printf("chaos contract: provider %s, seed %d, %d operations, %d faults injected, outcomes %s, 0 violations%n",
                provider.name(), seed, operations, carrier.faults().injected() - faultsBefore, outcomes);
    }

    private void seedOffers() {
        int needed = operations * 4 + 10;
        for (int exchange = 700; needed > 0; exchange++) {
            int count = Math.min(needed, LINES_PER_EXCHANGE);
            carrier.seed().areaCode(AREA_CODE).exchange(String.valueOf(exchange)).firstLine(1000).count(count)
                    .region("NY").locality("New York").rateCenter("NWYRCYZN01").add();
            needed -= count;
        }
    }

    // ---- purchases ----------------------------------------------------------------------------

    private void purchase() {
        int size = random.nextInt(100) < 60 ? 1 : 2 + random.nextInt(3);
        List<AvailableNumber> offers = provider.inventory().search(Fixtures.local(AREA_CODE).limit(size).build());
        if (offers.isEmpty()) {
            throw new AssertionError(describe("the carrier offered nothing to buy; seed more numbers"));
        }
        PurchaseRequest request = PurchaseRequest.ofOffers(offers);
        if (names && random.nextBoolean()) {
            request = request.withName("Chaos line " + operation);
        }
        List<PhoneNumber> asked = request.numbers();
        int purchasesBefore = carrier.purchases().size();
        int repeatsBefore = carrier.repeatedPurchases().size();
        plan(List.of(RequestKind.PURCHASE, RequestKind.PURCHASE, RequestKind.READ, RequestKind.READ, RequestKind.AUTH,
                names ? RequestKind.UPDATE : RequestKind.READ));

        PurchaseOrder order = null;
        Throwable failure = null;
        try {
            order = provider.purchaser().purchase(request);
            if (!order.isTerminal()) {
                order = provider.purchaser().await(order.id(), AWAIT);
            }
        } catch (Throwable t) {
            failure = t;
        }
        carrier.faults().clear();
        if (failure != null && order != null) {
            // the purchase answered PENDING and following it failed: the caller holds the order id, and follows it again
            String id = order.id();
            try {
                order = provider.purchaser().await(id, AWAIT);
                failure = null;
            } catch (Throwable t) {
                violation("order " + id + " could not be followed once the faults stopped: " + t, asked, t);
            }
        }
        harness.clock().advance(SETTLE);

        List<PhoneNumber> newlyBought = carrier.purchases().subList(purchasesBefore, carrier.purchases().size());
        String outcome = failure != null ? String.valueOf(failure) : order.toString();
        for (PhoneNumber number : newlyBought) {
            if (!asked.contains(number)) {
                violation("the carrier sold " + number + ", which this purchase did not ask for; outcome " + outcome, asked, failure);
            }
        }
        for (PhoneNumber number : asked) {
            if (carrier.timesBought(number) > 1) {
                violation(number + " was bought " + carrier.timesBought(number) + " times; outcome " + outcome, asked, failure);
            }
        }
        List<PhoneNumber> repeats = carrier.repeatedPurchases().subList(repeatsBefore, carrier.repeatedPurchases().size());
        if (!repeats.isEmpty()) {
            violation("a purchase of " + repeats + " was sent again after one succeeded; outcome " + outcome, asked, failure);
        }

        if (failure != null) {
            checkFailedPurchase(asked, newlyBought, failure);
        } else {
            checkOrder(asked, newlyBought, order);
        }
        newlyBought.stream().filter(n -> carrier.owned(n).isPresent() && !bought.contains(n)).forEach(bought::add);
    }

    private void checkFailedPurchase(List<PhoneNumber> asked, List<PhoneNumber> newlyBought, Throwable failure) {
        if (!(failure instanceof TelephonyException)) {
            violation("the purchase failed with " + failure.getClass().getName() + ", not a TelephonyException", asked, failure);
        }
        if (failure instanceof PurchaseOutcomeUnknownException unknown) {
            count(Outcome.OUTCOME_UNKNOWN);
            Set<PhoneNumber> named = new LinkedHashSet<>(unknown.numbers());
            named.addAll(unknown.confirmedBought());
            for (PhoneNumber number : newlyBought) {
                if (!named.contains(number)) {
                    violation("the carrier bought " + number + " but the outcome-unknown error does not name it: " + failure,
                            asked, failure);
                }
            }
            for (PhoneNumber number : unknown.confirmedBought()) {
                if (carrier.owned(number).isEmpty()) {
                    violation(number + " is confirmed bought but the carrier does not own it: " + failure, asked, failure);
                }
            }
            return;
        }
        count(Outcome.REFUSED);
        if (!newlyBought.isEmpty()) {
            violation("the carrier bought " + newlyBought + " but the caller was told " + failure, asked, failure);
        }
    }

    private void checkOrder(List<PhoneNumber> asked, List<PhoneNumber> newlyBought, PurchaseOrder order) {
        count(order.purchased().isEmpty() ? Outcome.FAILED_ORDER : Outcome.COMPLETED);
        if (!order.isTerminal()) {
            violation("the order is still " + order.status() + " after the carrier settled: " + order, asked, null);
        }
        for (PhoneNumber number : newlyBought) {
            if (!order.purchased().contains(number)) {
                violation("the carrier bought " + number + " but the order does not list it as purchased: " + order, asked, null);
            }
        }
        for (PhoneNumber number : order.purchased()) {
            if (carrier.owned(number).isEmpty()) {
                violation("the order lists " + number + " as purchased but the carrier does not own it: " + order, asked, null);
            }
        }
    }

    // ---- releases -----------------------------------------------------------------------------

    private void release() {
        PhoneNumber number = bought.remove(random.nextInt(bought.size()));
        int releasesBefore = carrier.releases().size();
        plan(List.of(RequestKind.RELEASE, RequestKind.RELEASE, RequestKind.READ, RequestKind.READ, RequestKind.AUTH));
        Throwable failure = null;
        try {
            provider.inventory().release(number);
        } catch (Throwable t) {
            failure = t;
        }
        carrier.faults().clear();
        harness.clock().advance(SETTLE);
        boolean stillOwned = carrier.owned(number).isPresent();
        List<PhoneNumber> asked = List.of(number);
        if (carrier.releases().size() - releasesBefore > 1) {
            violation("the carrier released " + carrier.releases().subList(releasesBefore, carrier.releases().size()), asked, failure);
        }
        if (failure == null) {
            count(Outcome.RELEASED);
            if (stillOwned) {
                violation("the release was reported done but the carrier still owns " + number, asked, null);
            }
        } else if (!(failure instanceof TelephonyException)) {
            violation("the release failed with " + failure.getClass().getName() + ", not a TelephonyException", asked, failure);
        } else if (failure instanceof OutcomeUnknownException unknown) {
            count(Outcome.RELEASE_UNKNOWN);
            if (!unknown.numbers().contains(number)) {
                violation("the outcome-unknown error does not name " + number + ": " + failure, asked, failure);
            }
        } else {
            count(Outcome.RELEASE_FAILED);
            if (!stillOwned) {
                violation("the carrier released " + number + " but the caller was told " + failure, asked, failure);
            }
        }
        if (stillOwned) {
            bought.add(number);
        }
    }

    // ---- faults and reports -------------------------------------------------------------------

    /** Plans zero to three faults, each at the first, second or third coming request of a kind drawn from {@code kinds}. */
    private void plan(List<RequestKind> kinds) {
        int roll = random.nextInt(100);
        int count = roll < 20 ? 0 : roll < 60 ? 1 : roll < 85 ? 2 : 3;
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RequestKind kind = kinds.get(random.nextInt(kinds.size()));
            int nth = 1 + random.nextInt(3);
            Fault fault = fault();
            carrier.faults().injectAt(kind, nth, fault);
            placed.add(kind + "#" + nth + " " + fault.kind() + fault.retryAfter().map(d -> " " + d).orElse(""));
        }
        planned = placed;
    }

    private Fault fault() {
        int roll = random.nextInt(110);
        if (roll < 20) {
            return Fault.unauthorized();
        }
        if (roll < 40) {
            // now and then a wait longer than any retry budget allows
            return Fault.rateLimited(random.nextInt(10) == 0 ? Duration.ofHours(2) : Duration.ofSeconds(1 + random.nextInt(5)));
        }
        if (roll < 60) {
            return Fault.serverError();
        }
        if (roll < 80) {
            return Fault.malformedBody();
        }
        if (roll < 100) {
            return Fault.resetAfterCommit();
        }
        // a lost answer costs real time in HTTP providers (the client's response time-out): drawn half as often
        return Fault.timeoutAfterCommit();
    }

    private void count(Outcome outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    private void violation(String rule, List<PhoneNumber> asked, Throwable failure) {
        AssertionError error = new AssertionError(describe(rule + " [operation on " + asked + "]"));
        if (failure != null) {
            error.initCause(failure);
        }
        throw error;
    }

    private String describe(String what) {
        return "chaos contract broken by provider " + provider.name() + " at operation " + operation + " of " + operations
                + " with faults " + planned + ": " + what + "\n  reproduce with -D" + SEED_PROPERTY + "=" + seed + " -D"
                + OPERATIONS_PROPERTY + "=" + operations;
    }
}
