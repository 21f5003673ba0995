package dev.telephony.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseFailure;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.OperationTimeoutException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import dev.telephony.api.error.UnsupportedCapabilityException;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Purchases routed to the carrier that offered each number, one order for all of them. */
class CompositePurchaseTest {
    static final PhoneNumber NOBODYS = PhoneNumber.of("+12125559999");

    Carriers carriers;

    @BeforeEach
    void seed() {
        carriers = new Carriers();
        carriers.east.seed().areaCode("212").exchange("555").firstLine(100).count(5).region("NY").add();
        carriers.west.seed().areaCode("212").exchange("555").firstLine(500).count(5).region("NY").add();
    }

    @AfterEach
    void close() {
        carriers.close();
    }

    /** Two offers of each carrier, as one search answered them. */
    List<AvailableNumber> twoOfEach(CompositeProvider composite) {
        List<AvailableNumber> all = composite.inventory().search(CompositeSearchTest.manhattan(10));
        return Stream.concat(all.stream().limit(2), all.stream().skip(5).limit(2)).toList();
    }

    static List<PhoneNumber> numbers(List<AvailableNumber> offers) {
        return offers.stream().map(AvailableNumber::number).toList();
    }

    @Test
    void aBulkPurchaseAcrossTwoCarriersIsOneOrderReportingEveryNumber() {
        CompositeProvider composite = carriers.composite();
        List<AvailableNumber> offers = twoOfEach(composite);
        // and an offer no search of this composite made: it names no carrier, so each member is asked in turn
        List<AvailableNumber> all = new ArrayList<>(offers);
        all.add(AvailableNumber.builder(NOBODYS).build());
        List<PhoneNumber> asked = numbers(all);
        PurchaseOrder order = composite.purchaser().purchase(PurchaseRequest.ofOffers(all).withName("Support line"));

        assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(order.requested()).containsExactlyElementsOf(asked);
        assertThat(order.purchased()).containsExactlyElementsOf(numbers(offers));
        assertThat(order.failures()).extracting(PurchaseFailure::number).containsExactly(NOBODYS);
        for (PhoneNumber number : asked) {
            boolean bought = order.purchased().contains(number);
            boolean failed = order.failures().stream().anyMatch(f -> f.number().equals(number));
            assertThat(bought ^ failed).as("%s is reported exactly once", number).isTrue();
        }
        // each carrier sold its own offers, once
        assertThat(carriers.east.purchases()).containsExactlyElementsOf(numbers(offers).subList(0, 2));
        assertThat(carriers.west.purchases()).containsExactlyElementsOf(numbers(offers).subList(2, 4));
        assertThat(carriers.east.owned(offers.get(0).number())).hasValueSatisfying(n -> assertThat(n.name()).contains("Support line"));
        // the order's id names its parts: each member's order
        OrderRouting routing = Carriers.extension(composite).routing(order.id()).orElseThrow();
        assertThat(routing.parts()).extracting(OrderRouting.Part::member).startsWith("east", "west");
        assertThat(routing.parts().get(0).numbers()).containsExactlyElementsOf(numbers(offers).subList(0, 2));
        assertThat(composite.inventory().get(offers.get(3).number())).hasValueSatisfying(n ->
                assertThat(n.attributes()).containsEntry(CompositeProvider.CARRIER_ATTRIBUTE, "west"));
        // read back from the id alone by a composite that never saw the purchase
        PurchaseOrder read = carriers.composite().purchaser().order(order.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(read.purchased()).containsExactlyInAnyOrderElementsOf(order.purchased());
        assertThat(read.failures()).extracting(PurchaseFailure::number).containsExactly(NOBODYS);
    }

    @Test
    void anOrderPlacedWithOneMemberHasAnIdNamingIt() {
        CompositeProvider composite = carriers.composite();
        AvailableNumber offer = composite.inventory().search(CompositeSearchTest.manhattan(1)).get(0);
        PurchaseOrder order = composite.purchaser().purchase(PurchaseRequest.of(offer));
        assertThat(order.id()).startsWith("cmp1.east.order-");
        assertThat(order.attributes()).containsEntry(CompositeProvider.CARRIER_ATTRIBUTE, "east");
        assertThat(carriers.composite().purchaser().order(order.id())).hasValueSatisfying(o ->
                assertThat(o.purchased()).containsExactly(offer.number()));
        assertThat(composite.purchaser().order("cmp1.nowhere.order-1")).isEmpty();
    }

    @Test
    void aBareNumberGoesToEachMemberInTurnUntilOneBuysIt() {
        CompositeProvider composite = carriers.composite();
        PhoneNumber westOnly = PhoneNumber.of("+12125550502");
        PurchaseOrder order = composite.purchaser().purchase(PurchaseRequest.of(westOnly));
        assertThat(order.purchased()).containsExactly(westOnly);
        assertThat(order.id()).startsWith("cmp1.west.");
        assertThat(carriers.west.timesBought(westOnly)).isEqualTo(1);
        assertThatThrownBy(() -> composite.purchaser().purchase(PurchaseRequest.of(NOBODYS)))
                .isInstanceOfSatisfying(NumberNotAvailableException.class, e -> assertThat(e.numbers()).containsExactly(NOBODYS));
    }

    @Test
    void failoverBuysAnEquivalentFromTheNextMemberOnAClearRefusalAndSaysSo() {
        CompositeProvider composite = carriers.composite(b -> b.failover(FailoverRule.sameAreaCode()));
        // east offered it, but it is gone by the time it is bought
        AvailableNumber gone = AvailableNumber.builder(PhoneNumber.of("+12125550199")).region("NY")
                .attribute(CompositeProvider.CARRIER_ATTRIBUTE, "east").build();
        PurchaseOrder order = composite.purchaser().purchase(PurchaseRequest.of(gone));

        PhoneNumber replacement = PhoneNumber.of("+12125550500");
        assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(order.purchased()).containsExactly(replacement);
        assertThat(order.failures()).singleElement().satisfies(f -> {
            assertThat(f.number()).isEqualTo(gone.number());
            assertThat(f.reason()).contains("not available at carrier 'east'").contains("replaced by +12125550500 from carrier 'west'");
        });
        assertThat(order.attributes()).containsEntry("replaced.+12125550199", "+12125550500");
        assertThat(Carriers.extension(composite).routing(order.id()).orElseThrow().replacements())
                .containsEntry(gone.number(), replacement);
        assertThat(carriers.west.timesBought(replacement)).isEqualTo(1);
        // the replacement is remembered in the id, after a restart too
        assertThat(carriers.composite().purchaser().order(order.id())).hasValueSatisfying(o -> {
            assertThat(o.purchased()).containsExactly(replacement);
            assertThat(o.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("replaced by +12125550500"));
        });
    }

    @Test
    void failoverNeverFollowsAnAmbiguousOutcome() {
        CompositeProvider composite = carriers.composite(b -> b.failover(FailoverRule.sameAreaCode()));
        AvailableNumber offer = composite.inventory().search(CompositeSearchTest.manhattan(1)).get(0);
        int westRequests = carriers.west.requestCount();
        // east carries the purchase out, its answer is lost, and east cannot read its numbers afterwards
        carriers.east.faults().injectOnce(RequestKind.PURCHASE, Fault.resetAfterCommit());
        carriers.east.faults().inject(RequestKind.READ, Fault.serverError(), 100);

        assertThatThrownBy(() -> composite.purchaser().purchase(PurchaseRequest.of(offer)))
                .isInstanceOfSatisfying(PurchaseOutcomeUnknownException.class, e -> {
                    assertThat(e.numbers()).containsExactly(offer.number());
                    assertThat(e.provider()).contains("composite");
                });
        assertThat(carriers.east.timesBought(offer.number())).isEqualTo(1);
        assertThat(carriers.west.requestCount()).as("requests to west after the ambiguous outcome").isEqualTo(westRequests);
        assertThat(carriers.west.purchases()).isEmpty();
    }

    @Test
    void failoverNeverFollowsAFailureThatIsNotARefusal() {
        CompositeProvider composite = carriers.composite(b -> b.failover(FailoverRule.sameAreaCode()));
        AvailableNumber offer = composite.inventory().search(CompositeSearchTest.manhattan(1)).get(0);
        carriers.east.faults().injectOnce(RequestKind.PURCHASE, Fault.unauthorized());
        assertThatThrownBy(() -> composite.purchaser().purchase(PurchaseRequest.of(offer)))
                .isInstanceOf(dev.telephony.api.error.AuthenticationException.class).hasMessageContaining("carrier 'east'");
        assertThat(carriers.west.purchases()).isEmpty();
    }

    @Test
    void anAmbiguousOutcomeAtOneMemberNamesEveryNumberNotConfirmedAndSendsNothingMore() {
        CompositeProvider composite = carriers.composite();
        List<AvailableNumber> offers = twoOfEach(composite);
        carriers.west.faults().injectOnce(RequestKind.PURCHASE, Fault.timeoutAfterCommit());
        carriers.west.faults().inject(RequestKind.READ, Fault.serverError(), 100);
        assertThatThrownBy(() -> composite.purchaser().purchase(PurchaseRequest.ofOffers(offers)))
                .isInstanceOfSatisfying(PurchaseOutcomeUnknownException.class, e -> {
                    assertThat(e.confirmedBought()).containsExactlyElementsOf(numbers(offers).subList(0, 2));
                    assertThat(e.numbers()).containsExactlyElementsOf(numbers(offers).subList(2, 4));
                    // what was confirmed can be followed by the id the error carries
                    assertThat(e.orderId()).isPresent();
                    assertThat(carriers.composite().purchaser().order(e.orderId().get())).hasValueSatisfying(o ->
                            assertThat(o.purchased()).containsExactlyElementsOf(numbers(offers).subList(0, 2)));
                });
        assertThat(carriers.west.purchases()).as("west carried its part out; only the answer was lost")
                .containsExactlyElementsOf(numbers(offers).subList(2, 4));
    }

    @Test
    void anAmbiguousOutcomeStopsThePartsNotSentYet() {
        CompositeProvider composite = carriers.composite();
        List<AvailableNumber> offers = twoOfEach(composite);
        carriers.east.faults().injectOnce(RequestKind.PURCHASE, Fault.resetAfterCommit());
        carriers.east.faults().inject(RequestKind.READ, Fault.serverError(), 100);
        assertThatThrownBy(() -> composite.purchaser().purchase(PurchaseRequest.ofOffers(offers)))
                .isInstanceOfSatisfying(PurchaseOutcomeUnknownException.class,
                        e -> assertThat(e.numbers()).containsExactlyElementsOf(numbers(offers)));
        assertThat(carriers.west.requestCount(RequestKind.PURCHASE)).isZero();
    }

    @Test
    void awaitByIdAloneAfterARestartFollowsEveryPart() {
        carriers.asynchronous = true;
        CompositeProvider composite = carriers.composite();
        List<AvailableNumber> offers = twoOfEach(composite);
        carriers.east.holdOrders(true);
        carriers.west.holdOrders(true);
        PurchaseOrder placed = composite.purchaser().purchase(PurchaseRequest.ofOffers(offers));
        assertThat(placed.status()).isEqualTo(PurchaseStatus.PENDING);
        assertThat(placed.failures()).isEmpty();
        composite.close();

        CompositeProvider restarted = carriers.composite();
        var started = carriers.clock.instant();
        assertThatThrownBy(() -> restarted.purchaser().await(placed.id(), Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(OperationTimeoutException.class, e -> {
                    assertThat(e.operationId()).isEqualTo(placed.id());
                    assertThat(e.lastKnownState()).contains("carrier 'east'");
                });
        assertThat(Duration.between(started, carriers.clock.instant())).as("the deadline bounds the whole wait")
                .isEqualTo(Duration.ofMinutes(1));

        carriers.east.holdOrders(false);
        carriers.west.holdOrders(false);
        PurchaseOrder done = carriers.composite().purchaser().await(placed.id(), Duration.ofMinutes(5));
        assertThat(done.id()).isEqualTo(placed.id());
        assertThat(done.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(done.purchased()).containsExactlyInAnyOrderElementsOf(numbers(offers));
        assertThat(carriers.east.timesBought(offers.get(0).number())).isEqualTo(1);
        assertThat(carriers.west.timesBought(offers.get(3).number())).isEqualTo(1);
    }

    @Test
    void whatAMemberCannotDoIsRefusedNamingItBeforeAnyRequest() {
        carriers.westCapabilities = Set.copyOf(EnumSet.complementOf(EnumSet.of(Capability.NAMES)));
        CompositeProvider composite = carriers.composite();
        List<AvailableNumber> offers = twoOfEach(composite);
        int requests = carriers.east.requestCount() + carriers.west.requestCount();
        assertThatThrownBy(() -> composite.purchaser().purchase(PurchaseRequest.ofOffers(offers).withName("Sales")))
                .isInstanceOfSatisfying(UnsupportedCapabilityException.class, e -> assertThat(e.capability()).contains(Capability.NAMES))
                .hasMessageContaining("composite member west");
        assertThat(carriers.east.requestCount() + carriers.west.requestCount()).isEqualTo(requests);
    }

    @Test
    void anOfferNamingNoMemberIsRefusedNamingTheField() {
        CompositeProvider composite = carriers.composite();
        AvailableNumber foreign = AvailableNumber.builder(PhoneNumber.of("+12125550100"))
                .attribute(CompositeProvider.CARRIER_ATTRIBUTE, "north").build();
        assertThatThrownBy(() -> composite.purchaser().purchase(PurchaseRequest.of(foreign)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("purchase.offers[0]").hasMessageContaining("north");
        assertThat(carriers.east.requestCount() + carriers.west.requestCount()).isZero();
    }

    @Test
    void aMemberWithoutBulkPurchasesBuysItsPartOneNumberAtATime() {
        carriers.westCapabilities = Set.copyOf(EnumSet.complementOf(EnumSet.of(Capability.BULK_PURCHASE)));
        CompositeProvider composite = carriers.composite();
        List<AvailableNumber> offers = twoOfEach(composite);
        PurchaseOrder order = composite.purchaser().purchase(PurchaseRequest.ofOffers(offers));
        assertThat(order.purchased()).containsExactlyElementsOf(numbers(offers));
        assertThat(Carriers.extension(composite).routing(order.id()).orElseThrow().parts()).extracting(OrderRouting.Part::member)
                .containsExactly("east", "west", "west");
        assertThat(carriers.west.requestCount(RequestKind.PURCHASE)).isEqualTo(2);
    }

    @Test
    void theSearchAMemberRefusedForFailoverIsNotItsToRun() {
        // a rule that finds nothing equivalent leaves the number refused
        CompositeProvider composite = carriers.composite(b -> b.failover(refused -> java.util.Optional.<NumberSearch>empty()));
        AvailableNumber gone = AvailableNumber.builder(PhoneNumber.of("+12125550199"))
                .attribute(CompositeProvider.CARRIER_ATTRIBUTE, "east").build();
        assertThatThrownBy(() -> composite.purchaser().purchase(PurchaseRequest.of(gone))).isInstanceOf(NumberNotAvailableException.class);
        assertThat(carriers.west.purchases()).isEmpty();
    }
}
