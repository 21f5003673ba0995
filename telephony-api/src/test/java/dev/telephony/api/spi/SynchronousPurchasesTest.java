package dev.telephony.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Per-number purchases: every number accounted for, and an unknown outcome never reported as "not bought". */
class SynchronousPurchasesTest {
    private static final PhoneNumber TAKEN = PhoneNumber.of("+12125550100");
    private static final PhoneNumber FREE = PhoneNumber.of("+12125550101");
    private static final PhoneNumber LOST = PhoneNumber.of("+12125550102");

    private final TestClock clock = new TestClock();
    private final ErrorContext context = ErrorContext.of("test");
    private final SynchronousPurchases purchases = new SynchronousPurchases("t1-", context,
            new PurchaseGuard("test", new Retrier(RetryPolicy.defaults(), clock.sleeper(), new SplittableRandom(3))));
    private final Set<PhoneNumber> carrier = new HashSet<>();

    private Optional<String> buy(PurchaseRequest single) {
        PhoneNumber number = single.numbers().get(0);
        if (number.equals(TAKEN)) {
            throw new NumberNotAvailableException(List.of(number), context);
        }
        carrier.add(number);
        if (number.equals(LOST)) {
            throw new ProviderUnavailableException("reset after the sale", context);
        }
        return Optional.empty();
    }

    @Test
    void eachNumberIsReportedAndTheReceiptReadsBack() {
        PurchaseOrder order = purchases.purchaseEach(PurchaseRequest.of(TAKEN, FREE), this::buy, carrier::contains,
                r -> Optional.empty());
        assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(order.purchased()).containsExactly(FREE);
        assertThat(order.failures()).extracting(f -> f.number()).containsExactly(TAKEN);
        assertThat(purchases.order(order.id())).hasValueSatisfying(o -> assertThat(o.purchased()).containsExactly(FREE));
        assertThat(purchases.order("someone-else")).isEmpty();
    }

    @Test
    void anOutcomeThatCannotBeEstablishedEndsThePurchaseCarryingWhatWasBought() {
        assertThatThrownBy(() -> purchases.purchaseEach(PurchaseRequest.of(FREE, LOST), this::buy, n -> {
            if (n.equals(LOST)) {
                throw new ProviderUnavailableException("still down", context);
            }
            return carrier.contains(n);
        }, r -> Optional.empty())).isInstanceOfSatisfying(PurchaseOutcomeUnknownException.class,
                e -> assertThat(e.confirmedBought()).containsExactly(FREE));
    }

    @Test
    void aNoteAboutABoughtNumberReachesTheOrder() {
        PurchaseOrder order = purchases.purchaseEach(PurchaseRequest.of(FREE), r -> Optional.of("could not name it"),
                carrier::contains, r -> Optional.empty());
        assertThat(order.details()).contains("could not name it");
        assertThat(order.purchased()).containsExactly(FREE);
    }
}
