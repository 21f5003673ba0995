package dev.telephony.testkit.contract;

import static dev.telephony.testkit.contract.Fixtures.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every provider does when the carrier misbehaves: the same fault gives the same answer everywhere. */
public interface ReliabilityContract extends ProviderContract {

    /** How many read requests one undisturbed search takes (one, or several for long-running searches). */
    private static int readsOfOneSearch(ProviderHarness h) {
        int before = h.carrier().requestCount(RequestKind.READ);
        search(h);
        return h.carrier().requestCount(RequestKind.READ) - before;
    }

    private static void search(ProviderHarness h) {
        h.provider().inventory().search(local(Fixtures.MANHATTAN).limit(3).build());
    }

    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void badCredentialsFailWithAuthenticationAndAreNotRetried(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        var refused = h.connectWithInvalidCredentials();
        int before = h.carrier().requestCount(RequestKind.READ);
        assertThatThrownBy(() -> refused.inventory().search(local(Fixtures.MANHATTAN).build()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.provider()).contains(h.provider().name());
                });
        assertThat(h.carrier().requestCount(RequestKind.READ) - before).as("search requests sent").isEqualTo(1);
        assertThat(h.clock().sleeps()).isEmpty();
    }

    /**
     * The harness's self-check: a "no answer in time" fault must really lose the answer, or no lost-answer
     * test proves anything (a client that waits longer than the simulator's delay just gets the answer).
     */
    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void aLostAnswerIsReallyLostSoTheLostAnswerTestsMeanSomething(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        int undisturbed = readsOfOneSearch(h);
        h.faults().injectOnce(RequestKind.READ, Fault.timeoutAfterCommit());
        int before = h.carrier().requestCount(RequestKind.READ);
        Throwable lost = catchThrowable(() -> search(h));
        if (lost instanceof ProviderUnavailableException) {
            return; // the provider saw the answer lost, and chose not to repeat this search
        }
        assertThat(lost).as("a search whose answer was lost").isNull();
        assertThat(h.carrier().requestCount(RequestKind.READ) - before)
                .withFailMessage("the client received an answer the simulator was told to lose: the simulator's no-answer delay "
                        + "(WireSimulator.lostAnswerDelay) must exceed the response time-out the harness gives the provider "
                        + "(HttpSettings.withResponseTimeout or the response-timeout-millis key); make the delay about three "
                        + "times the time-out")
                .isGreaterThan(undisturbed);
    }

    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void rateLimitedReadIsRetriedAfterTheRequestedDelay(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        int undisturbed = readsOfOneSearch(h);
        h.faults().injectOnce(RequestKind.READ, Fault.rateLimited(Duration.ofSeconds(7)));
        int before = h.carrier().requestCount(RequestKind.READ);
        List<AvailableNumber> found = h.provider().inventory().search(local(Fixtures.MANHATTAN).limit(3).build());
        assertThat(found).hasSize(3);
        assertThat(h.carrier().requestCount(RequestKind.READ) - before).as("reads: one search plus one retry")
                .isEqualTo(undisturbed + 1);
        assertThat(h.clock().sleeps()).as("waits on the controlled clock").containsExactly(Duration.ofSeconds(7));
    }

    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void serverErrorsOnAReadAreRetriedABoundedNumberOfTimes(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        int undisturbed = readsOfOneSearch(h);
        h.faults().inject(RequestKind.READ, Fault.serverError(), 2);
        int first = h.carrier().requestCount(RequestKind.READ);
        assertThat(h.provider().inventory().search(local(Fixtures.MANHATTAN).limit(3).build())).hasSize(3);
        assertThat(h.carrier().requestCount(RequestKind.READ) - first).as("reads: one search plus two retries")
                .isEqualTo(undisturbed + 2);

        h.faults().inject(RequestKind.READ, Fault.serverError(), 1000);
        int before = h.carrier().requestCount(RequestKind.READ);
        assertThatThrownBy(() -> search(h)).isInstanceOfSatisfying(ProviderUnavailableException.class,
                e -> assertThat(e.isRetryable()).isTrue());
        int tries = h.carrier().requestCount(RequestKind.READ) - before;
        assertThat(tries).as("tries before giving up").isBetween(2, 10);
        assertThat(h.clock().sleeps()).as("backoff on the controlled clock").isNotEmpty();
    }

    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void unparseableAnswerIsAProtocolError(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        h.faults().injectOnce(RequestKind.READ, Fault.malformedBody());
        assertThatThrownBy(() -> search(h)).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.provider()).contains(h.provider().name());
        });
    }

    @Test
    @RequiresCapability({Capability.PURCHASE, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void timeoutAfterTheCarrierAcceptedAPurchaseNeverBuysTwice(ProviderHarness h) {
        ambiguousPurchaseFailure(h, Fault.timeoutAfterCommit());
    }

    @Test
    @RequiresCapability({Capability.PURCHASE, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void resetAfterTheCarrierAcceptedAPurchaseNeverBuysTwice(ProviderHarness h) {
        ambiguousPurchaseFailure(h, Fault.resetAfterCommit());
    }

    @Test
    @RequiresCapability({Capability.PURCHASE, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void serverErrorBeforeAPurchaseIsSentAgainOnlyAfterCheckingItBoughtNothing(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        AvailableNumber offer = Fixtures.anOffer(h, Fixtures.MANHATTAN);
        h.faults().injectOnce(RequestKind.PURCHASE, Fault.serverError());
        PurchaseOrder order = NumberPurchaserContract.completed(h.provider(),
                h.provider().purchaser().purchase(PurchaseRequest.of(offer)));
        assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(h.carrier().timesBought(offer.number())).isEqualTo(1);
    }

    private static void ambiguousPurchaseFailure(ProviderHarness h, Fault fault) {
        Fixtures.seedStandardOffer(h.carrier());
        AvailableNumber offer = Fixtures.anOffer(h, Fixtures.MANHATTAN);
        boolean named = h.provider().supports(Capability.NAMES);
        PurchaseRequest request = named ? PurchaseRequest.of(offer).withName("Recovered line") : PurchaseRequest.of(offer);
        h.faults().injectOnce(RequestKind.PURCHASE, fault);
        Throwable failure = catchThrowable(() -> {
            PurchaseOrder order = NumberPurchaserContract.completed(h.provider(),
                    h.provider().purchaser().purchase(request));
            assertThat(order.status()).as("the answer matches the carrier's truth").isEqualTo(PurchaseStatus.COMPLETED);
            assertThat(order.purchased()).containsExactly(offer.number());
        });
        if (failure != null && !(failure instanceof PurchaseOutcomeUnknownException)) {
            throw new AssertionError("an ambiguous purchase failure must end in the truth or PurchaseOutcomeUnknownException", failure);
        }
        assertThat(h.carrier().timesBought(offer.number())).as("times the carrier sold the number").isEqualTo(1);
        assertThat(h.carrier().requestCount(RequestKind.PURCHASE)).as("purchase requests sent").isEqualTo(1);
        assertThat(h.provider().inventory().get(offer.number())).hasValueSatisfying(owned -> {
            if (named && failure == null) {
                assertThat(owned.name()).as("the name the lost answer would have carried").contains("Recovered line");
            }
        });
    }

    @Test
    @RequiresCapability(Capability.RELEASE)
    default void releaseWhoseAnswerIsLostIsNotSentAgainAndSucceeds(ProviderHarness h) {
        for (Fault fault : List.of(Fault.timeoutAfterCommit(), Fault.resetAfterCommit())) {
            dev.telephony.api.PhoneNumber number = dev.telephony.api.PhoneNumber.of(
                    fault.kind() == Fault.Kind.RESET_AFTER_COMMIT ? "+16465550001" : "+16465550002");
            h.carrier().own(number, "line");
            int before = h.carrier().requestCount(RequestKind.RELEASE);
            h.faults().injectOnce(RequestKind.RELEASE, fault);
            h.provider().inventory().release(number);
            assertThat(h.carrier().requestCount(RequestKind.RELEASE) - before).as("release requests sent").isEqualTo(1);
            assertThat(h.carrier().owned(number)).isEmpty();
            assertThat(h.carrier().releases()).containsOnlyOnce(number);
        }
    }

    @Test
    @RequiresCapability(Capability.RELEASE)
    default void releaseRefusedByAServerErrorIsNotSentAgain(ProviderHarness h) {
        dev.telephony.api.PhoneNumber number = dev.telephony.api.PhoneNumber.of("+16465550003");
        h.carrier().own(number, "line");
        h.faults().injectOnce(RequestKind.RELEASE, Fault.serverError());
        assertThatThrownBy(() -> h.provider().inventory().release(number)).isInstanceOf(ProviderUnavailableException.class);
        assertThat(h.carrier().requestCount(RequestKind.RELEASE)).as("release requests sent").isEqualTo(1);
        assertThat(h.carrier().owned(number)).isPresent();
    }
}
