package dev.telephony.testkit.contract;

import static dev.telephony.testkit.contract.Fixtures.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.OperationTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Buying numbers and following orders, as every provider must. */
public interface NumberPurchaserContract extends ProviderContract {

    /** Waits for {@code order} if it is still pending, within five (simulated) minutes. */
    static PurchaseOrder completed(TelephonyProvider provider, PurchaseOrder order) {
        return order.isTerminal() ? order : provider.purchaser().await(order.id(), Duration.ofMinutes(5));
    }

    @Test
    @RequiresCapability({Capability.PURCHASE, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE, Capability.LIST})
    default void purchaseOfASearchedNumberCompletesAndShowsInGetAndList(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        AvailableNumber offer = Fixtures.anOffer(h, Fixtures.MANHATTAN);
        PurchaseRequest request = PurchaseRequest.of(offer);
        if (h.provider().supports(Capability.NAMES)) {
            request = request.withName("Support line");
        }
        PurchaseOrder order = completed(h.provider(), h.provider().purchaser().purchase(request));

        assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(order.purchased()).containsExactly(offer.number());
        assertThat(order.failures()).isEmpty();
        OwnedNumber owned = h.provider().inventory().get(offer.number()).orElseThrow();
        assertThat(owned.number()).isEqualTo(offer.number());
        if (h.provider().supports(Capability.NAMES)) {
            assertThat(owned.name()).contains("Support line");
        }
        OwnedNumber listed = h.provider().inventory().list().stream().filter(n -> n.number().equals(offer.number()))
                .findFirst().orElseThrow(() -> new AssertionError("the bought number is not listed"));
        if (h.provider().supports(Capability.NAMES)) {
            assertThat(listed.name()).contains("Support line");
        }
        assertThat(h.carrier().timesBought(offer.number())).isEqualTo(1);
        assertThat(h.provider().inventory().search(local(Fixtures.MANHATTAN).limit(50).build()))
                .extracting(AvailableNumber::number).doesNotContain(offer.number());
    }

    @Test
    @RequiresCapability(Capability.PURCHASE)
    default void purchaseOfANumberNotAvailableFailsAndBuysNothing(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        PhoneNumber taken = PhoneNumber.of("+12125559999");
        assertThatThrownBy(() -> h.provider().purchaser().purchase(PurchaseRequest.of(taken)))
                .isInstanceOf(NumberNotAvailableException.class)
                .hasMessageContaining(taken.e164());
        assertThat(h.carrier().purchases()).isEmpty();
        assertThat(h.carrier().ownedNumbers()).isEmpty();
    }

    @Test
    @RequiresCapability({Capability.PURCHASE, Capability.BULK_PURCHASE, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void bulkPurchaseReportsEveryNumber(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> offers = h.provider().inventory().search(local(Fixtures.BINGHAMTON).limit(3).build());
        assertThat(offers).hasSize(3);
        PurchaseOrder order = completed(h.provider(), h.provider().purchaser().purchase(PurchaseRequest.ofOffers(offers)));
        assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(order.purchased()).containsExactlyInAnyOrderElementsOf(offers.stream().map(AvailableNumber::number).toList());
        offers.forEach(o -> assertThat(h.carrier().timesBought(o.number())).isEqualTo(1));
    }

    @Test
    @RequiresCapability({Capability.PURCHASE, Capability.BULK_PURCHASE, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void bulkPurchaseWithAnUnavailableNumberAccountsForEachNumber(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<PhoneNumber> available = h.provider().inventory().search(local(Fixtures.BINGHAMTON).limit(2).build())
                .stream().map(AvailableNumber::number).toList();
        PhoneNumber taken = PhoneNumber.of("+16071239999");
        List<PhoneNumber> asked = List.of(available.get(0), taken, available.get(1));
        PurchaseOrder order;
        try {
            order = completed(h.provider(), h.provider().purchaser().purchase(PurchaseRequest.ofNumbers(asked)));
        } catch (NumberNotAvailableException allOrNothing) {
            // providers that buy a batch as a whole refuse all of it, and must then buy nothing
            assertThat(allOrNothing.numbers()).contains(taken);
            assertThat(h.carrier().purchases()).isEmpty();
            return;
        }
        for (PhoneNumber number : asked) {
            boolean bought = order.purchased().contains(number);
            boolean failed = order.failures().stream().anyMatch(f -> f.number().equals(number));
            assertThat(bought ^ failed).as("%s is reported exactly once as bought or failed", number).isTrue();
            assertThat(h.carrier().owned(number).isPresent()).as("the carrier's truth for %s", number).isEqualTo(bought);
        }
        assertThat(order.purchased()).doesNotContain(taken);
    }

    @Test
    @RequiresCapability({Capability.PURCHASE, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void orderCanBeLookedUpById(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        AvailableNumber offer = Fixtures.anOffer(h, Fixtures.MANHATTAN);
        PurchaseOrder placed = h.provider().purchaser().purchase(PurchaseRequest.of(offer));
        completed(h.provider(), placed);
        Optional<PurchaseOrder> found = h.reconnect().purchaser().order(placed.id());
        assertThat(found).hasValueSatisfying(o -> {
            assertThat(o.id()).isEqualTo(placed.id());
            assertThat(o.status()).isEqualTo(PurchaseStatus.COMPLETED);
            assertThat(o.purchased()).containsExactly(offer.number());
        });
    }

    @Test
    @RequiresCapability(Capability.PURCHASE)
    default void orderLookupOfAnUnknownIdIsEmptyAndAwaitFails(ProviderHarness h) {
        assertThat(h.provider().purchaser().order("no-such-order")).isEmpty();
        assertThatThrownBy(() -> h.provider().purchaser().await("no-such-order", Duration.ofSeconds(10)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @RequiresPendingPurchases
    @RequiresCapability({Capability.PURCHASE, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void awaitTimesOutAtTheDeadlineCarryingTheIdAndCancelsNothing(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        AvailableNumber offer = Fixtures.anOffer(h, Fixtures.MANHATTAN);
        h.carrier().holdOrders(true);
        PurchaseOrder placed = h.provider().purchaser().purchase(PurchaseRequest.of(offer));
        assertThat(placed.status()).isEqualTo(PurchaseStatus.PENDING);

        var started = h.clock().instant();
        Duration timeout = Duration.ofMinutes(2);
        assertThatThrownBy(() -> h.provider().purchaser().await(placed.id(), timeout))
                .isInstanceOfSatisfying(OperationTimeoutException.class, e -> {
                    assertThat(e.operationId()).isEqualTo(placed.id());
                    assertThat(e.isRetryable()).isTrue();
                });
        Duration waited = Duration.between(started, h.clock().instant());
        assertThat(waited).as("the deadline bounds the whole wait").isEqualTo(timeout);
        assertThat(h.provider().purchaser().order(placed.id())).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(PurchaseStatus.PENDING));
        assertThat(h.carrier().orders()).as("the carrier's orders: none cancelled").isNotEmpty()
                .allSatisfy(o -> assertThat(o.status()).isEqualTo(PurchaseStatus.PENDING));
    }

    @Test
    @RequiresPendingPurchases
    @RequiresCapability({Capability.PURCHASE, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void pendingOrderIsFollowedToCompletionByIdAloneAfterARestart(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        AvailableNumber offer = Fixtures.anOffer(h, Fixtures.MANHATTAN);
        h.carrier().holdOrders(true);
        String id = h.provider().purchaser().purchase(PurchaseRequest.of(offer)).id();
        h.carrier().holdOrders(false);

        TelephonyProvider restarted = h.reconnect();
        PurchaseOrder done = restarted.purchaser().await(id, Duration.ofMinutes(5));
        assertThat(done.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(done.purchased()).containsExactly(offer.number());
        assertThat(h.clock().sleeps()).as("await polls on the controlled clock").isNotEmpty();
        assertThat(restarted.inventory().get(offer.number())).isPresent();
    }
}
