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
import dev.telephony.api.error.RateLimitedException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The guard against buying twice, with a fake carrier in plain Java (no HTTP layer exists in the api). */
class PurchaseGuardTest {
    private static final PhoneNumber NUMBER = PhoneNumber.of("+12125550100");
    private final TestClock clock = new TestClock();
    private final PurchaseGuard guard = new PurchaseGuard("test",
            new Retrier(RetryPolicy.defaults(), clock.sleeper(), new SplittableRandom(7)));
    private final ErrorContext context = ErrorContext.of("test");
    private final Set<PhoneNumber> owned = new HashSet<>();
    private final AtomicInteger sends = new AtomicInteger();

    private PurchaseOrder completed(PurchaseRequest request, Set<PhoneNumber> bought) {
        return PurchaseOrder.builder("order-1", PurchaseStatus.COMPLETED).requested(request.numbers())
                .purchased(List.copyOf(bought)).build();
    }

    @Test
    void anAnswerLostAfterTheSaleIsAnsweredFromTheTruthWithoutSendingAgain() {
        PurchaseOrder order = guard.purchase(PurchaseRequest.of(NUMBER), r -> {
            sends.incrementAndGet();
            owned.add(NUMBER);
            throw new ProviderUnavailableException("connection reset", context);
        }, numbers -> owned, this::completed);
        assertThat(sends).hasValue(1);
        assertThat(order.purchased()).containsExactly(NUMBER);
    }

    @Test
    void aFailureThatBoughtNothingIsSentAgain() {
        PurchaseOrder order = guard.purchase(PurchaseRequest.of(NUMBER), r -> {
            if (sends.incrementAndGet() == 1) {
                throw new ProviderUnavailableException("503", context);
            }
            owned.add(NUMBER);
            return completed(r, owned);
        }, numbers -> owned, this::completed);
        assertThat(sends).hasValue(2);
        assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
    }

    @Test
    void aRateLimitIsWaitedOutAndSentAgain() {
        guard.purchase(PurchaseRequest.of(NUMBER), r -> {
            if (sends.incrementAndGet() == 1) {
                throw new RateLimitedException("429", context, Duration.ofSeconds(4));
            }
            return completed(r, Set.of(NUMBER));
        }, numbers -> {
            throw new AssertionError("a rate limit means nothing was done: no need to check");
        }, this::completed);
        assertThat(sends).hasValue(2);
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void anUnreadableTruthEndsInOutcomeUnknownWithoutSendingAgain() {
        assertThatThrownBy(() -> guard.purchase(PurchaseRequest.of(NUMBER), r -> {
            sends.incrementAndGet();
            throw new ProviderUnavailableException("timed out", context);
        }, numbers -> {
            throw new ProviderUnavailableException("still down", context);
        }, this::completed)).isInstanceOfSatisfying(PurchaseOutcomeUnknownException.class, e -> {
            assertThat(e.requested()).containsExactly(NUMBER);
            assertThat(e.confirmedBought()).isEmpty();
            assertThat(e.getCause()).hasMessageContaining("timed out");
        });
        assertThat(sends).hasValue(1);
    }

    @Test
    void definiteRefusalsAreNotRetried() {
        assertThatThrownBy(() -> guard.purchase(PurchaseRequest.of(NUMBER), r -> {
            sends.incrementAndGet();
            throw new NumberNotAvailableException(r.numbers(), context);
        }, numbers -> owned, this::completed)).isInstanceOf(NumberNotAvailableException.class);
        assertThat(sends).hasValue(1);
    }
}
