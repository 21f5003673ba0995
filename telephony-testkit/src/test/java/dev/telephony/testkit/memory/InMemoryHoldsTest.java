package dev.telephony.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.HeldNumber;
import dev.telephony.api.Hold;
import dev.telephony.api.HoldPurchase;
import dev.telephony.api.HoldRequest;
import dev.telephony.api.HoldStatus;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberType;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.time.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory carrier's holds last as Azure documents for reservations, and survive a save and restore. */
class InMemoryHoldsTest {
    private final ManualClock clock = ManualClock.standard();
    private final CarrierState carrier = new CarrierState(clock);
    private final TelephonyProvider provider = InMemoryProvider.builder().carrier(carrier).clock(clock)
            .sleeper(clock.sleeper()).build();

    private List<AvailableNumber> offers(int count) {
        carrier.seed().areaCode("212").exchange("555").firstLine(100).count(10).add();
        return provider.inventory().search(NumberSearch.builder().country("US").type(NumberType.LOCAL).areaCode("212")
                .limit(count).build());
    }

    @Test
    void aHoldLastsFifteenMinutesAfterItsLastChange() {
        List<AvailableNumber> offers = offers(2);
        Hold hold = provider.holds().create(HoldRequest.of(offers.get(0)));
        assertThat(hold.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));

        clock.advance(Duration.ofMinutes(10));
        Hold changed = provider.holds().add(hold.id(), HoldRequest.of(offers.get(1)));
        assertThat(changed.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));

        clock.advance(Duration.ofMinutes(14));
        assertThat(provider.holds().get(hold.id()).orElseThrow().status()).isEqualTo(HoldStatus.ACTIVE);
        clock.advance(Duration.ofMinutes(1));
        Hold expired = provider.holds().get(hold.id()).orElseThrow();
        assertThat(expired.status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(expired.numbers()).extracting(HeldNumber::status).containsOnly(HeldNumber.Status.EXPIRED);
        assertThat(carrier.isAvailable(offers.get(0).number())).isTrue();
    }

    @Test
    void aHoldLastsAtMostTwoHoursHoweverOftenItChanges() {
        List<AvailableNumber> offers = offers(10);
        Hold hold = provider.holds().create(HoldRequest.of(offers.get(0)));
        java.time.Instant created = clock.instant();
        for (int i = 1; i <= 8; i++) {
            clock.advance(Duration.ofMinutes(14));
            hold = provider.holds().add(hold.id(), HoldRequest.of(offers.get(i)));
        }
        assertThat(hold.expiresAt()).isEqualTo(created.plus(Duration.ofHours(2)));
        clock.advance(Duration.between(clock.instant(), created.plus(Duration.ofHours(2))));
        assertThat(provider.holds().get(hold.id()).orElseThrow().status()).isEqualTo(HoldStatus.EXPIRED);
    }

    @Test
    void holdsAndTheirPurchasesSurviveASnapshotAndRestore() {
        List<AvailableNumber> offers = offers(3);
        carrier.holdOrders(true);
        InMemoryProvider async = InMemoryProvider.builder().carrier(carrier).clock(clock).sleeper(clock.sleeper())
                .asynchronousPurchases(true).build();
        Hold bought = async.holds().create(HoldRequest.of(offers.get(0)));
        PurchaseOrder pending = async.holds().purchase(HoldPurchase.of(bought));
        assertThat(pending.status()).isEqualTo(PurchaseStatus.PENDING);
        Hold kept = async.holds().create(HoldRequest.of(offers.get(1)));

        CarrierState restored = CarrierState.restore(carrier.snapshot(), clock);
        restored.holdOrders(false);
        TelephonyProvider again = InMemoryProvider.builder().carrier(restored).clock(clock).sleeper(clock.sleeper()).build();
        assertThat(again.holds().get(kept.id())).hasValueSatisfying(h -> {
            assertThat(h.held()).containsExactly(offers.get(1).number());
            assertThat(h.expiresAt()).isEqualTo(kept.expiresAt());
        });
        assertThat(restored.isAvailable(offers.get(1).number())).isFalse();
        PurchaseOrder done = again.purchaser().await(pending.id(), Duration.ofMinutes(1));
        assertThat(done.purchased()).containsExactly(offers.get(0).number());
        assertThat(again.holds().get(bought.id()).orElseThrow().status()).isEqualTo(HoldStatus.PURCHASED);
    }
}
