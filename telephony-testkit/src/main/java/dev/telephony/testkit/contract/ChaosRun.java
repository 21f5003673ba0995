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
import dev.telephony.testkit.wire.AnswerMutation;
import dev.telephony.testkit.wire.AnswerMutations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One run of the {@link ChaosContract} or the {@link AnswerMutationContract}: a seeded schedule of
 * operations, each under planted faults, each outcome checked against the carrier. The chaos schedule
 * buys, awaits and releases under random faults of every kind; the mutation schedule also searches,
 * gets, lists and reads orders, each under one spoiled answer. Both check the same invariants, here.
 */
final class ChaosRun {
    static final String OPERATIONS_PROPERTY = "telephony.chaos.operations";
    static final String SEED_PROPERTY = "telephony.chaos.seed";
    static final String MUTATIONS_PROPERTY = "telephony.mutation.answers";
    static final String MUTATION_SEED_PROPERTY = "telephony.mutation.seed";
    /** The longest a call may take however its answers are spoiled; generous, it only catches calls that never return. */
    private static final Duration HUNG = Duration.ofSeconds(30);
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
    private final boolean bulk;
    /** Whether some purchases are made through a hold (chaos runs of providers with holds). */
    private final boolean holds;
    private final boolean mutations;
    private final List<String> reads;
    /** Numbers this run bought that the carrier still owns: what a release may pick. */
    private final List<PhoneNumber> bought = new ArrayList<>();
    private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    private int operation;
    private List<String> planned = List.of();

    private final List<String> orders = new ArrayList<>();
    private AnswerMutation mutation;

    private enum Outcome {
        /** A purchase made through a hold (counted besides its outcome). */
        THROUGH_HOLD,
        COMPLETED, FAILED_ORDER, REFUSED, OUTCOME_UNKNOWN, RELEASED, RELEASE_FAILED, RELEASE_UNKNOWN, READ_ANSWERED, READ_REFUSED
    }

    private ChaosRun(ProviderHarness harness, long seed, int operations, boolean mutations) {
        this.harness = harness;
        this.provider = harness.provider();
        this.carrier = harness.carrier();
        this.seed = seed;
        this.operations = operations;
        this.random = new SplittableRandom(seed);
        this.releases = provider.supports(Capability.RELEASE);
        this.names = provider.supports(Capability.NAMES);
        this.bulk = provider.supports(Capability.BULK_PURCHASE);
        this.holds = !mutations && provider.supports(Capability.HOLDS);
        this.mutations = mutations;
        List<String> kinds = new ArrayList<>(List.of("search", "get"));
        if (provider.supports(Capability.LIST)) {
            kinds.add("list");
        }
        if (provider.supports(Capability.PURCHASE)) {
            kinds.add("order");
        }
        this.reads = List.copyOf(kinds);
    }

    /** A run sized and seeded by the system properties, else {@code defaultOperations} and a random seed. */
    static ChaosRun configured(ProviderHarness harness, int defaultOperations) {
        int operations = Integer.getInteger(OPERATIONS_PROPERTY, defaultOperations);
        Long fixed = Long.getLong(SEED_PROPERTY);
        long seed = fixed != null ? fixed : new SplittableRandom().nextLong();
        return new ChaosRun(harness, seed, operations, false);
    }

    /** A mutation run sized and seeded by its system properties, else {@code defaultAnswers} and a random seed. */
    static ChaosRun mutations(ProviderHarness harness, int defaultAnswers) {
        int answers = Integer.getInteger(MUTATIONS_PROPERTY, defaultAnswers);
        Long fixed = Long.getLong(MUTATION_SEED_PROPERTY);
        long seed = fixed != null ? fixed : new SplittableRandom().nextLong();
        return new ChaosRun(harness, seed, answers, true);
    }

    void run() {
        seedOffers();
        int faultsBefore = carrier.faults().injected();
        for (operation = 1; operation <= operations; operation++) {
            if (mutations) {
                mutation = AnswerMutations.catalogue(seed + operation).get(random.nextInt(AnswerMutations.catalogue(0).size()));
            }
            int roll = random.nextInt(100);
            if (releases && !bought.isEmpty() && roll < 30) {
                release();
            } else if (mutations && roll >= 30 && roll < 75) {
                read(reads.get(random.nextInt(reads.size())));
            } else {
                purchase();
            }
            carrier.faults().clear();
            harness.clock().advance(SETTLE);
        }
        System.out.printf("%s contract: provider %s, seed %d, %d operations, %d faults injected, outcomes %s, 0 violations%n",
                mutations ? "answer-mutation" : "chaos", provider.name(), seed, operations,
                carrier.faults().injected() - faultsBefore, outcomes);
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
        int size = !bulk || random.nextInt(100) < 60 ? 1 : 2 + random.nextInt(3);
        List<AvailableNumber> offers = cleanSearch(size);
        if (offers.isEmpty()) {
            throw new AssertionError(describe("the carrier offered nothing to buy; seed more numbers"));
        }
        // drawn only for providers with holds, so that other providers' seeds keep their schedules
        boolean throughHold = holds && random.nextInt(4) == 0;
        PurchaseRequest request = !throughHold && names && random.nextBoolean()
                ? PurchaseRequest.ofOffers(offers).withName("Chaos line " + operation) : PurchaseRequest.ofOffers(offers);
        dev.telephony.api.Hold hold = throughHold ? cleanHold(offers) : null;
        List<PhoneNumber> asked = throughHold ? hold.held() : request.numbers();
        if (throughHold) {
            count(Outcome.THROUGH_HOLD);
        }
        int purchasesBefore = carrier.purchases().size();
        int repeatsBefore = carrier.repeatedPurchases().size();
        plan(List.of(RequestKind.PURCHASE, RequestKind.PURCHASE, RequestKind.READ, RequestKind.READ, RequestKind.AUTH,
                names ? RequestKind.UPDATE : RequestKind.READ));

        PurchaseOrder order = null;
        Throwable failure = null;
        PurchaseOrder[] answered = new PurchaseOrder[1];
        try {
            withinDeadline(() -> {
                answered[0] = throughHold ? provider.holds().purchase(dev.telephony.api.HoldPurchase.of(hold))
                        : provider.purchaser().purchase(request);
                if (!answered[0].isTerminal()) {
                    answered[0] = provider.purchaser().await(answered[0].id(), AWAIT);
                }
            });
        } catch (Throwable t) {
            failure = t;
        }
        order = answered[0];
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

        if (planned.isEmpty() && (failure != null || order.purchased().size() != asked.size())) {
            violation("a purchase of offered numbers with no fault planned did not buy them all; outcome " + outcome, asked, failure);
        }
        if (failure != null) {
            checkFailedPurchase(asked, newlyBought, failure);
        } else {
            checkOrder(asked, newlyBought, order);
            orders.add(order.id());
        }
        newlyBought.stream().filter(n -> carrier.owned(n).isPresent() && !bought.contains(n)).forEach(bought::add);
    }

    /**
     * The offers an operation buys, searched with no fault planned. A loaded machine may still lose an
     * answer to the client's time-out; the search is not what this run tests, so it is tried again.
     */
    private List<AvailableNumber> cleanSearch(int size) {
        for (int attempt = 1; ; attempt++) {
            try {
                return provider.inventory().search(Fixtures.local(AREA_CODE).limit(size).build());
            } catch (dev.telephony.api.error.RetryableException slow) {
                if (attempt == 3) {
                    throw new AssertionError(describe("the search before the operation failed three times with no fault planned"), slow);
                }
                harness.clock().advance(SETTLE);
            }
        }
    }

    /** A hold of {@code offers}, made with no fault planned (holding is not what this run tests), holding them all. */
    private dev.telephony.api.Hold cleanHold(List<AvailableNumber> offers) {
        for (int attempt = 1; ; attempt++) {
            try {
                dev.telephony.api.Hold hold = provider.holds().create(dev.telephony.api.HoldRequest.ofOffers(offers));
                if (hold.held().size() != offers.size()) {
                    throw new AssertionError(describe("a hold of " + offers.size() + " offered numbers with no fault planned holds "
                            + hold.held() + ": " + hold));
                }
                return hold;
            } catch (dev.telephony.api.error.RetryableException slow) {
                if (attempt == 3) {
                    throw new AssertionError(describe("the hold before the operation failed three times with no fault planned"), slow);
                }
                harness.clock().advance(SETTLE);
            }
        }
    }

    private void checkFailedPurchase(List<PhoneNumber> asked, List<PhoneNumber> newlyBought, Throwable failure) {
        if (!(failure instanceof TelephonyException)) {
            violation("the purchase failed with " + failure.getClass().getName() + ", not a TelephonyException", asked, failure);
        }
        callersFaultForABrokenAnswer(failure, asked);
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
            withinDeadline(() -> provider.inventory().release(number));
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
        if (planned.isEmpty() && failure != null) {
            violation("a release with no fault planned failed: " + failure, asked, failure);
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

    // ---- reads (mutation runs) ----------------------------------------------------------------

    /**
     * A read whose answer is spoiled: it must fail with a typed error, or answer what the carrier holds.
     * Nothing may be built from a broken answer: no number missing, none invented, no empty result.
     */
    private void read(String kind) {
        if (kind.equals("order") && orders.isEmpty() || kind.equals("get") && bought.isEmpty() && !releases) {
            kind = "search";
        }
        List<PhoneNumber> asked = List.of();
        Object[] answer = new Object[1];
        Throwable failure = null;
        String what = kind;
        switch (kind) {
            case "get" -> {
                PhoneNumber number = bought.isEmpty() ? PhoneNumber.of("+12127009999") : bought.get(random.nextInt(bought.size()));
                asked = List.of(number);
                plan(List.of(RequestKind.READ));
                try {
                    withinDeadline(() -> answer[0] = provider.inventory().get(number));
                } catch (Throwable t) {
                    failure = t;
                }
                if (failure == null) {
                    java.util.Optional<?> found = (java.util.Optional<?>) answer[0];
                    boolean owned = carrier.owned(number).isPresent();
                    if (found.isPresent() != owned || found.isPresent()
                            && !((dev.telephony.api.OwnedNumber) found.get()).number().equals(number)) {
                        violation("get answered " + found + " but the carrier " + (owned ? "owns" : "does not own") + " it", asked, null);
                    }
                }
            }
            case "list" -> {
                plan(List.of(RequestKind.READ));
                try {
                    withinDeadline(() -> answer[0] = provider.inventory().list(dev.telephony.api.ListQuery.builder().pageSize(20).build())
                            .stream().map(dev.telephony.api.OwnedNumber::number).toList());
                } catch (Throwable t) {
                    failure = t;
                }
                if (failure == null) {
                    List<?> listed = (List<?>) answer[0];
                    List<PhoneNumber> truth = carrier.ownedNumbers().stream().map(dev.telephony.api.OwnedNumber::number).toList();
                    if (listed.size() != truth.size() || !new LinkedHashSet<>(listed).equals(new LinkedHashSet<>(truth))) {
                        violation("the listing named " + listed.size() + " numbers, the carrier owns " + truth.size(), asked, null);
                    }
                }
            }
            case "order" -> {
                String id = orders.get(random.nextInt(orders.size()));
                PurchaseOrder clean = provider.purchaser().order(id).orElseThrow(
                        () -> new AssertionError(describe("order " + id + " could not be read without faults")));
                plan(List.of(RequestKind.READ));
                try {
                    withinDeadline(() -> answer[0] = provider.purchaser().order(id));
                } catch (Throwable t) {
                    failure = t;
                }
                if (failure == null) {
                    java.util.Optional<?> read = (java.util.Optional<?>) answer[0];
                    if (read.isEmpty() || ((PurchaseOrder) read.get()).status() != clean.status()
                            || !new LinkedHashSet<>(((PurchaseOrder) read.get()).purchased()).equals(new LinkedHashSet<>(clean.purchased()))) {
                        violation("order " + id + " read as " + read + " where the undisturbed answer is " + clean, asked, null);
                    }
                }
            }
            default -> {
                int limit = 1 + random.nextInt(5);
                plan(List.of(RequestKind.READ));
                try {
                    withinDeadline(() -> answer[0] = provider.inventory().search(Fixtures.local(AREA_CODE).limit(limit).build()));
                } catch (Throwable t) {
                    failure = t;
                }
                if (failure == null) {
                    List<?> found = (List<?>) answer[0];
                    if (found.isEmpty() || found.size() > limit) {
                        violation("the search answered " + found.size() + " offers for a limit of " + limit
                                + " where the carrier offers plenty", asked, null);
                    }
                    for (Object item : found) {
                        AvailableNumber offer = (AvailableNumber) item;
                        if (!carrier.isAvailable(offer.number()) && carrier.owned(offer.number()).isEmpty()
                                || offer.type() != dev.telephony.api.NumberType.LOCAL) {
                            violation("the search answered " + offer + ", which the carrier does not offer as such", asked, null);
                        }
                    }
                }
            }
        }
        if (failure != null) {
            if (!(failure instanceof TelephonyException)) {
                violation("the " + what + " failed with " + failure.getClass().getName() + ", not a TelephonyException", asked, failure);
            }
            callersFaultForABrokenAnswer(failure, asked);
            count(Outcome.READ_REFUSED);
        } else {
            count(Outcome.READ_ANSWERED);
        }
    }

    /** Runs {@code call}, failing the run if it has not returned within {@link #HUNG}. */
    private void withinDeadline(Runnable call) throws Throwable {
        java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(call, null);
        Thread worker = new Thread(task, "fault-run-call");
        worker.setDaemon(true);
        worker.start();
        try {
            task.get(HUNG.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause();
        } catch (java.util.concurrent.TimeoutException hung) {
            worker.interrupt();
            violation("the call had not returned after " + HUNG.toSeconds() + " s: it has no deadline", List.of(), null);
        }
    }

    /** A provider's broken answer is the provider's fault (ProtocolException), never the caller's bad input. */
    private void callersFaultForABrokenAnswer(Throwable failure, List<PhoneNumber> asked) {
        if (mutations && failure instanceof dev.telephony.api.error.InvalidRequestException) {
            violation("a spoiled answer surfaced as the caller's InvalidRequestException (it is the provider's fault: "
                    + "ProtocolException): " + failure, asked, failure);
        }
    }

    // ---- faults and reports -------------------------------------------------------------------

    /** Plans zero to three faults, each at the first, second or third coming request of a kind drawn from {@code kinds}. */
    private void plan(List<RequestKind> kinds) {
        if (mutations) {
            RequestKind kind = kinds.get(random.nextInt(kinds.size()));
            int nth = random.nextInt(3) == 0 ? 2 : 1;
            carrier.faults().injectAt(kind, nth, Fault.mutatedAnswer(mutation));
            planned = List.of(kind + "#" + nth + " answer spoiled: " + mutation.name());
            return;
        }
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
        return (mutations ? "answer-mutation" : "chaos") + " contract broken by provider " + provider.name() + " at operation " + operation + " of " + operations
                + " with faults " + planned + ": " + what + "\n  reproduce with -D" + (mutations ? MUTATION_SEED_PROPERTY : SEED_PROPERTY)
                + "=" + seed + " -D" + (mutations ? MUTATIONS_PROPERTY : OPERATIONS_PROPERTY) + "=" + operations;
    }
}
