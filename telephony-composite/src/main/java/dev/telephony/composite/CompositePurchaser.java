package dev.telephony.composite;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseFailure;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.OperationTimeoutException;
import dev.telephony.api.error.OutcomeUnknownException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.api.error.UnsupportedCapabilityException;
import dev.telephony.api.spi.Capabilities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purchases routed to the carrier that offered each number: one order with a part per member, every
 * number's outcome reported. The composite sends no purchase itself and never sends one again: each
 * member's purchase is that member's own, reconciled by it; the composite only reads what it came to.
 * A member's answer that is definitive (bought, pending, refused, or proven not bought) is taken as it
 * is; one that is not ({@link OutcomeUnknownException}, or anything unexpected once the purchase may have
 * left) ends the whole purchase in {@link PurchaseOutcomeUnknownException} naming every number not
 * confirmed, and nothing further is sent.
 */
final class CompositePurchaser implements NumberPurchaser {
    private static final Logger log = LoggerFactory.getLogger(CompositePurchaser.class);

    private final Members members;
    private final FanOut fanOut;
    private final Clock clock;
    private final Optional<FailoverRule> failover;

    CompositePurchaser(Members members, FanOut fanOut, Clock clock, Optional<FailoverRule> failover) {
        this.members = members;
        this.fanOut = fanOut;
        this.clock = clock;
        this.failover = failover;
    }

    // ---- purchase -----------------------------------------------------------------------------

    @Override
    public PurchaseOrder purchase(PurchaseRequest request) {
        Capabilities.require(CompositeProvider.NAME, members.capabilities(), request.requiredCapabilities());
        request.requireLiveHolds(clock.instant(), MemberErrors.context());
        Set<Capability> perMember = EnumSet.of(Capability.PURCHASE);
        if (request.name().isPresent()) {
            perMember.add(Capability.NAMES);
        }
        // every routing decision and refusal comes before anything is sent
        Map<Member, List<PhoneNumber>> byOfferer = new LinkedHashMap<>();
        List<PhoneNumber> unrouted = new ArrayList<>();
        List<PhoneNumber> numbers = request.numbers();
        for (int i = 0; i < numbers.size(); i++) {
            PhoneNumber number = numbers.get(i);
            Optional<String> carrier = request.offer(number).flatMap(o -> Members.carrierOf(o.attributes()));
            if (carrier.isPresent()) {
                Member member = members.named("purchase.offers[" + i + "]", carrier.get());
                Members.require(member, perMember);
                byOfferer.computeIfAbsent(member, m -> new ArrayList<>()).add(number);
            } else {
                unrouted.add(number);
            }
        }
        List<Member> candidates = members.supporting(perMember);
        if (!unrouted.isEmpty() && candidates.isEmpty()) {
            throw new UnsupportedCapabilityException(CompositeProvider.NAME, "buying " + (request.name().isPresent() ? "named " : "")
                    + "numbers that no offer says the carrier of: no member can (" + unrouted + ")");
        }
        Attempt attempt = new Attempt(request, perMember);
        for (Member member : members.all()) {
            if (byOfferer.containsKey(member)) {
                attempt.send(member, byOfferer.get(member), Map.of());
            }
        }
        attempt.route(unrouted, candidates);
        failover.ifPresent(rule -> attempt.failOver(rule, byOfferer));
        return attempt.finish();
    }

    /** What one number came to at a member. */
    private enum Outcome {
        BOUGHT, PENDING, REFUSED, NOT_BOUGHT
    }

    /** One purchase as it is carried out, part by part. */
    private final class Attempt {
        private final PurchaseRequest request;
        private final Set<Capability> perMember;
        private final List<OrderRouting.Part> parts = new ArrayList<>();
        private final List<PurchaseOrder> answers = new ArrayList<>();
        private final Map<PhoneNumber, String> notBought = new LinkedHashMap<>();
        private final Map<PhoneNumber, Member> refusedBy = new LinkedHashMap<>();
        private final Map<PhoneNumber, PhoneNumber> replacements = new LinkedHashMap<>();
        private final List<PhoneNumber> alsoAsked = new ArrayList<>();
        private final List<TelephonyException> errors = new ArrayList<>();

        Attempt(PurchaseRequest request, Set<Capability> perMember) {
            this.request = request;
            this.perMember = perMember;
        }

        /** Sends {@code numbers} to {@code member}: one request, or one per number where it cannot buy in bulk. */
        Map<PhoneNumber, Outcome> send(Member member, List<PhoneNumber> numbers, Map<PhoneNumber, AvailableNumber> offers) {
            Map<PhoneNumber, Outcome> outcomes = new LinkedHashMap<>();
            if (numbers.size() > 1 && !member.supports(Capability.BULK_PURCHASE)) {
                numbers.forEach(n -> outcomes.putAll(sendOnce(member, List.of(n), offers)));
            } else {
                outcomes.putAll(sendOnce(member, numbers, offers));
            }
            return outcomes;
        }

        private Map<PhoneNumber, Outcome> sendOnce(Member member, List<PhoneNumber> numbers, Map<PhoneNumber, AvailableNumber> offers) {
            Map<PhoneNumber, Outcome> outcomes = new LinkedHashMap<>();
            PurchaseOrder order;
            try {
                order = member.provider().purchaser().purchase(part(numbers, offers));
            } catch (OutcomeUnknownException unknown) {
                throw unknown(member, numbers, unknown);
            } catch (NumberNotAvailableException refused) {
                TelephonyException translated = MemberErrors.translate(member.name(), refused);
                errors.add(translated);
                for (PhoneNumber number : numbers) {
                    notBought.put(number, "not available at carrier '" + member.name() + "'");
                    refusedBy.put(number, member);
                    outcomes.put(number, Outcome.REFUSED);
                }
                return outcomes;
            } catch (TelephonyException failed) {
                // a member throws this only when it did not act or proved that nothing was bought
                TelephonyException translated = MemberErrors.translate(member.name(), failed);
                errors.add(translated);
                numbers.forEach(n -> {
                    notBought.put(n, translated.reason());
                    outcomes.put(n, Outcome.NOT_BOUGHT);
                });
                return outcomes;
            } catch (RuntimeException unexpected) {
                throw unknown(member, numbers, unexpected);
            }
            parts.add(new OrderRouting.Part(member.name(), order.id(), numbers));
            answers.add(order);
            for (PhoneNumber number : numbers) {
                boolean failed = order.failures().stream().anyMatch(f -> f.number().equals(number));
                if (order.purchased().contains(number)) {
                    outcomes.put(number, Outcome.BOUGHT);
                } else if (failed && order.isTerminal()) {
                    refusedBy.put(number, member);
                    outcomes.put(number, Outcome.REFUSED);
                } else if (!order.isTerminal()) {
                    outcomes.put(number, Outcome.PENDING);
                } else {
                    notBought.putIfAbsent(number, "carrier '" + member.name() + "' did not buy it");
                    outcomes.put(number, Outcome.NOT_BOUGHT);
                }
            }
            return outcomes;
        }

        /**
         * Numbers no offer names the carrier of go to each member in turn: a member that did not buy one
         * (and said so) passes it on to the next. A number pending at a member stays there.
         */
        void route(List<PhoneNumber> unrouted, List<Member> candidates) {
            List<PhoneNumber> left = unrouted;
            for (Member member : candidates) {
                if (left.isEmpty()) {
                    return;
                }
                Map<PhoneNumber, Outcome> outcomes = send(member, left, Map.of());
                left = left.stream().filter(n -> outcomes.get(n) == Outcome.REFUSED || outcomes.get(n) == Outcome.NOT_BOUGHT).toList();
            }
        }

        /** Buys an equivalent of each offer a member clearly refused, from another member, where one is offered. */
        void failOver(FailoverRule rule, Map<Member, List<PhoneNumber>> byOfferer) {
            Set<PhoneNumber> routed = byOfferer.values().stream().flatMap(List::stream).collect(Collectors.toSet());
            Set<PhoneNumber> bought = purchased();
            for (PhoneNumber number : request.numbers()) {
                Member refusing = refusedBy.get(number);
                if (refusing == null || !routed.contains(number) || bought.contains(number)) {
                    continue;
                }
                AvailableNumber refused = Members.untag(request.offer(number).orElseThrow());
                Optional<NumberSearch> search;
                try {
                    search = rule.equivalentSearch(refused);
                } catch (RuntimeException badRule) {
                    log.warn("the failover rule failed for {} ({}); it is not replaced", number, badRule.getClass().getSimpleName());
                    continue;
                }
                if (search.isEmpty()) {
                    continue;
                }
                replace(number, refused, refusing, search.get());
            }
        }

        private void replace(PhoneNumber number, AvailableNumber refused, Member refusing, NumberSearch search) {
            List<Member> order = members.all();
            int start = order.indexOf(refusing);
            for (int step = 1; step < order.size(); step++) {
                Member member = order.get((start + step) % order.size());
                Set<Capability> needed = EnumSet.copyOf(search.requiredCapabilities());
                needed.addAll(perMember);
                if (!member.supportsAll(needed)) {
                    continue;
                }
                FanOut.Outcome<List<AvailableNumber>> found = fanOut.run(List.of(member), m -> m.provider().inventory().search(search)).get(0);
                if (!(found instanceof FanOut.Answered<List<AvailableNumber>> answered)) {
                    continue;
                }
                Set<PhoneNumber> taken = new LinkedHashSet<>(request.numbers());
                taken.addAll(alsoAsked);
                Optional<AvailableNumber> equivalent = answered.value().stream()
                        .filter(o -> !taken.contains(o.number()) && o.type() == refused.type()
                                && o.features().containsAll(refused.features()))
                        .findFirst();
                if (equivalent.isEmpty()) {
                    continue;
                }
                PhoneNumber candidate = equivalent.get().number();
                alsoAsked.add(candidate);
                Outcome outcome = send(member, List.of(candidate), Map.of(candidate, equivalent.get())).get(candidate);
                if (outcome == Outcome.BOUGHT || outcome == Outcome.PENDING) {
                    replacements.put(number, candidate);
                    log.info("carrier {} refused {}; bought the equivalent {} from carrier {}", refusing.name(), number,
                            candidate, member.name());
                    return;
                }
            }
        }

        private PurchaseRequest part(List<PhoneNumber> numbers, Map<PhoneNumber, AvailableNumber> replacementOffers) {
            List<AvailableNumber> offers = new ArrayList<>();
            for (PhoneNumber number : numbers) {
                Optional<AvailableNumber> offer = Optional.ofNullable(replacementOffers.get(number)).or(() -> request.offer(number));
                offer.map(Members::untag).ifPresent(offers::add);
            }
            PurchaseRequest part = offers.size() == numbers.size() ? PurchaseRequest.ofOffers(offers) : PurchaseRequest.ofNumbers(numbers);
            if (request.name().isPresent()) {
                part = part.withName(request.name().get());
            }
            if (request.reference().isPresent()) {
                part = part.withReference(request.reference().get());
            }
            return part;
        }

        private Set<PhoneNumber> purchased() {
            Set<PhoneNumber> bought = new LinkedHashSet<>();
            answers.forEach(a -> bought.addAll(a.purchased()));
            return bought;
        }

        private OrderRouting routing() {
            return new OrderRouting(request.numbers(), parts, replacements);
        }

        /** The end of a purchase whose outcome at {@code member} is open: nothing more is sent. */
        private PurchaseOutcomeUnknownException unknown(Member member, List<PhoneNumber> numbers, RuntimeException cause) {
            Set<PhoneNumber> asked = new LinkedHashSet<>(request.numbers());
            asked.addAll(alsoAsked);
            Set<PhoneNumber> confirmed = purchased();
            String memberOrder = null;
            if (cause instanceof PurchaseOutcomeUnknownException inner) {
                confirmed.addAll(inner.confirmedBought());
                memberOrder = inner.orderId().orElse(null);
            }
            if (memberOrder != null) {
                parts.add(new OrderRouting.Part(member.name(), memberOrder, numbers));
            }
            String id = parts.isEmpty() ? null : OrderIds.encode(routing());
            log.warn("purchase at carrier {} ended with its outcome unknown ({}); nothing more is sent", member.name(),
                    cause.getClass().getSimpleName());
            return new PurchaseOutcomeUnknownException(List.copyOf(asked), List.copyOf(confirmed), id, MemberErrors.context(),
                    cause instanceof TelephonyException t ? MemberErrors.translate(member.name(), t) : cause);
        }

        PurchaseOrder finish() {
            if (answers.isEmpty()) {
                // no member took any of it: the caller gets the error a single provider would raise
                TelephonyException first = errors.stream().filter(e -> !(e instanceof NumberNotAvailableException)).findFirst()
                        .orElse(null);
                if (first == null) {
                    NumberNotAvailableException refused = new NumberNotAvailableException(request.numbers(), MemberErrors.context());
                    errors.forEach(refused::addSuppressed);
                    throw refused;
                }
                errors.stream().filter(e -> e != first).forEach(first::addSuppressed);
                throw first;
            }
            OrderRouting routing = routing();
            return assemble(OrderIds.encode(routing), routing, answers, notBought, request.reference());
        }
    }

    // ---- orders -------------------------------------------------------------------------------

    @Override
    public Optional<PurchaseOrder> order(String orderId) {
        Optional<OrderRouting> decoded = OrderIds.decode(orderId);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        OrderRouting routing = decoded.get();
        List<PurchaseOrder> answers = new ArrayList<>();
        for (OrderRouting.Part part : routing.parts()) {
            Optional<Member> member = members.find(part.member());
            Optional<PurchaseOrder> answer;
            if (member.isEmpty()) {
                answer = Optional.empty();
            } else {
                try {
                    answer = member.get().provider().purchaser().order(part.orderId());
                } catch (RuntimeException e) {
                    throw MemberErrors.translate(part.member(), e);
                }
            }
            if (answer.isEmpty() && OrderIds.isSimple(routing)) {
                return Optional.empty();
            }
            answers.add(answer.orElse(null));
        }
        return Optional.of(assemble(orderId, whole(routing, answers), answers, Map.of(), Optional.empty()));
    }

    @Override
    public PurchaseOrder await(String orderId, Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw InvalidRequestException.of("timeout", "must be zero or positive, was " + timeout);
        }
        OrderRouting routing = OrderIds.decode(orderId)
                .orElseThrow(() -> new NotFoundException("no order " + orderId, MemberErrors.context()));
        Instant deadline = clock.instant().plus(timeout);
        List<PurchaseOrder> answers = new ArrayList<>();
        for (OrderRouting.Part part : routing.parts()) {
            Member member = members.find(part.member()).orElse(null);
            if (member == null) {
                if (OrderIds.isSimple(routing)) {
                    throw new NotFoundException("no order " + orderId + ": carrier '" + part.member()
                            + "' is not a member of this composite", MemberErrors.context());
                }
                answers.add(null);
                continue;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            try {
                answers.add(member.provider().purchaser().await(part.orderId(), left.isNegative() ? Duration.ZERO : left));
            } catch (OperationTimeoutException late) {
                OperationTimeoutException timedOut = new OperationTimeoutException(orderId,
                        "carrier '" + member.name() + "': " + late.lastKnownState(), MemberErrors.context());
                timedOut.addSuppressed(late);
                throw timedOut;
            } catch (NotFoundException unknown) {
                if (OrderIds.isSimple(routing)) {
                    throw new NotFoundException("no order " + orderId, MemberErrors.context(), unknown);
                }
                answers.add(null);
            } catch (RuntimeException e) {
                throw MemberErrors.translate(member.name(), e);
            }
        }
        return assemble(orderId, whole(routing, answers), answers, Map.of(), Optional.empty());
    }

    /** A simple id names no numbers: its one part's are those its member's order names. */
    private static OrderRouting whole(OrderRouting routing, List<PurchaseOrder> answers) {
        if (!OrderIds.isSimple(routing)) {
            return routing;
        }
        OrderRouting.Part part = routing.parts().get(0);
        List<PhoneNumber> numbers = answers.get(0).requested();
        return new OrderRouting(numbers, List.of(new OrderRouting.Part(part.member(), part.orderId(), numbers)), Map.of());
    }

    /**
     * The composite order from its parts' orders ({@code null} for a part its member no longer knows).
     * {@code notBought} holds why numbers no part's order mentions were not bought, where that is known.
     */
    static PurchaseOrder assemble(String id, OrderRouting routing, List<PurchaseOrder> answers,
                                  Map<PhoneNumber, String> notBought, Optional<String> reference) {
        List<OrderRouting.Part> parts = routing.parts();
        boolean pending = answers.stream().anyMatch(a -> a != null && !a.isTerminal());
        Set<PhoneNumber> purchased = new LinkedHashSet<>();
        answers.stream().filter(Objects::nonNull).forEach(a -> purchased.addAll(a.purchased()));
        boolean cancelled = !answers.isEmpty() && answers.stream().allMatch(a -> a != null && a.status() == PurchaseStatus.CANCELLED);
        PurchaseStatus status = pending ? PurchaseStatus.PENDING : !purchased.isEmpty() ? PurchaseStatus.COMPLETED
                : cancelled ? PurchaseStatus.CANCELLED : PurchaseStatus.FAILED;

        Map<PhoneNumber, PurchaseFailure> failures = new LinkedHashMap<>();
        Set<PhoneNumber> stillPending = new LinkedHashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            OrderRouting.Part part = parts.get(i);
            PurchaseOrder answer = answers.get(i);
            if (answer == null) {
                part.numbers().stream().filter(n -> !purchased.contains(n)).forEach(n -> failures.putIfAbsent(n,
                        new PurchaseFailure(n, "carrier '" + part.member() + "' no longer knows its order " + part.orderId(), Optional.empty())));
                continue;
            }
            for (PurchaseFailure failure : answer.failures()) {
                if (!purchased.contains(failure.number())) {
                    failures.put(failure.number(), new PurchaseFailure(failure.number(),
                            "carrier '" + part.member() + "': " + failure.reason(), failure.code()));
                }
            }
            if (!answer.isTerminal()) {
                stillPending.addAll(part.numbers());
            }
        }
        for (PhoneNumber number : routing.requested()) {
            if (purchased.contains(number) || failures.containsKey(number) || stillPending.contains(number)) {
                continue;
            }
            failures.put(number, new PurchaseFailure(number, notBought.getOrDefault(number,
                    "not bought: no carrier it was sent to took it"), Optional.empty()));
        }
        routing.replacements().forEach((refused, replacement) -> {
            String from = parts.stream().filter(p -> p.numbers().contains(replacement)).map(OrderRouting.Part::member)
                    .findFirst().orElse("another carrier");
            PurchaseFailure failure = failures.get(refused);
            String reason = (failure == null ? "not available" : failure.reason()) + "; replaced by " + replacement
                    + " from carrier '" + from + "'";
            failures.put(refused, new PurchaseFailure(refused, reason, failure == null ? Optional.empty() : failure.code()));
        });

        PurchaseOrder.Builder order = PurchaseOrder.builder(id, status).requested(routing.requested())
                .purchased(List.copyOf(purchased)).failures(List.copyOf(failures.values()));
        String details = java.util.stream.IntStream.range(0, parts.size())
                .filter(i -> answers.get(i) != null && answers.get(i).details().isPresent())
                .mapToObj(i -> "carrier '" + parts.get(i).member() + "': " + answers.get(i).details().get())
                .collect(Collectors.joining("; "));
        if (!details.isEmpty()) {
            order.details(details);
        }
        answers.stream().filter(Objects::nonNull).map(PurchaseOrder::createdAt).flatMap(Optional::stream)
                .min(Comparator.naturalOrder()).ifPresent(order::createdAt);
        reference.or(() -> answers.stream().filter(Objects::nonNull).map(PurchaseOrder::reference).flatMap(Optional::stream)
                .findFirst()).ifPresent(order::reference);
        if (parts.size() == 1 && answers.get(0) != null) {
            answers.get(0).attributes().forEach(order::attribute);
            order.attribute(CompositeProvider.CARRIER_ATTRIBUTE, parts.get(0).member());
            order.attribute("order", parts.get(0).orderId());
        } else {
            for (int i = 0; i < parts.size(); i++) {
                order.attribute("part." + (i + 1), parts.get(i).member() + " " + parts.get(i).orderId());
            }
        }
        routing.replacements().forEach((refused, replacement) -> order.attribute("replaced." + refused.e164(), replacement.e164()));
        List<OwnedNumber> owned = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String member = parts.get(i).member();
            if (answers.get(i) != null) {
                answers.get(i).owned().forEach(n -> owned.add(n.toBuilder()
                        .attribute(CompositeProvider.CARRIER_ATTRIBUTE, member).build()));
            }
        }
        return order.owned(owned).build();
    }
}
