package dev.telephony.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import dev.telephony.api.error.ReleaseOutcomeUnknownException;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.contract.Fixtures;
import dev.telephony.testkit.wire.SimResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Purchases and releases against Azure's long-running-operation protocol under faults: the write is
 * the POST or DELETE alone, following its operation is a separate step, and reconciliation reads are
 * strict. Answers are built in the shapes of Azure's published examples (202 with {@code operation-id},
 * operations {@code {"id","operationType","status","error"}}, {@code CommunicationErrorResponse}).
 */
class AzureMoneyWireTest {
    private final AzureHarness harness = new AzureHarness();
    private final TelephonyProvider provider = harness.provider();

    @AfterEach
    void close() {
        harness.close();
    }

    private List<AvailableNumber> search(int limit) {
        return provider.inventory().search(NumberSearch.builder().country("US").areaCode(Fixtures.MANHATTAN).limit(limit).holdResults(true).build());
    }

    private static SimResponse operation(String id, String type, String status, String errorCode, String errorMessage) {
        String error = errorCode == null ? "" : ",\"error\":{\"code\":\"" + errorCode + "\",\"message\":\"" + errorMessage + "\"}";
        return SimResponse.json(200, "{\"operationType\":\"" + type + "\",\"status\":\"" + status + "\",\"resourceLocation\":null,"
                + "\"createdDateTime\":\"2026-01-05T09:00:00Z\",\"id\":\"" + id + "\",\"lastActionDateTime\":\"2026-01-05T09:00:01Z\"" + error + "}");
    }

    @Test
    void aRateLimitOrRefusedCredentialsOnTheFirstPollNeverSendTheAcceptedPurchaseAgain() {
        Fixtures.seedStandardOffer(harness.carrier());
        for (Fault fault : List.of(Fault.rateLimited(Duration.ofSeconds(1)), Fault.unauthorized())) {
            List<AvailableNumber> offers = search(1);
            int purchasesBefore = harness.carrier().requestCount(RequestKind.PURCHASE);
            // the first read after the POST is the first poll of Azure's purchase operation
            harness.faults().injectAt(RequestKind.READ, 1, fault);
            PurchaseOrder placed = provider.purchaser().purchase(PurchaseRequest.ofOffers(offers));
            assertThat(placed.status()).isEqualTo(PurchaseStatus.PENDING);
            assertThat(placed.attributes().get("operationId")).startsWith("purchase_");
            PurchaseOrder done;
            if (fault.kind() == Fault.Kind.UNAUTHORIZED) {
                assertThatThrownBy(() -> provider.purchaser().await(placed.id(), Duration.ofMinutes(5)))
                        .isInstanceOf(AuthenticationException.class);
            }
            done = provider.purchaser().await(placed.id(), Duration.ofMinutes(5));
            assertThat(done.status()).isEqualTo(PurchaseStatus.COMPLETED);
            assertThat(done.purchased()).containsExactly(offers.get(0).number());
            assertThat(harness.carrier().requestCount(RequestKind.PURCHASE) - purchasesBefore).as("purchase POSTs").isEqualTo(1);
        }
        assertThat(harness.carrier().repeatedPurchases()).isEmpty();
    }

    @Test
    void aLostPurchaseAnswerThenASearchAnswerWithoutItsFieldsIsOutcomeUnknownNeverASecondPurchase() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = search(1);
        harness.faults().injectOnce(RequestKind.PURCHASE, Fault.resetAfterCommit());
        // a 200 that is not the search: it must not be read as "still held, so nothing was bought"
        harness.simulator().answer("GET", "/availablePhoneNumbers/searchResults/", SimResponse.json(200, "{}"), 10);
        assertThatThrownBy(() -> provider.purchaser().purchase(PurchaseRequest.ofOffers(offers)))
                .isInstanceOfSatisfying(PurchaseOutcomeUnknownException.class,
                        e -> assertThat(e.numbers()).containsExactly(offers.get(0).number()));
        assertThat(harness.carrier().requestCount(RequestKind.PURCHASE)).as("purchase POSTs").isEqualTo(1);
        assertThat(harness.carrier().repeatedPurchases()).isEmpty();
    }

    @Test
    void aSecondPurchaseOfOneSearchIsRefusedByTheSimulatorAndRecordedAsARepeat() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = search(2);
        provider.purchaser().purchase(PurchaseRequest.ofOffers(offers));
        assertThatThrownBy(() -> provider.purchaser().purchase(PurchaseRequest.ofOffers(offers)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(409);
                    assertThat(e.providerCode()).contains("PurchaseAlreadyInProgress");
                });
        assertThat(harness.carrier().repeatedPurchases()).containsExactlyElementsOf(offers.stream().map(AvailableNumber::number).toList());
    }

    @Test
    void aFailedPurchaseOperationIsAFailedOrderCarryingAzuresCodeAndMessageWhicheverPollSeesIt() {
        Fixtures.seedStandardOffer(harness.carrier());
        for (int runningPolls : new int[] {0, 2}) {
            List<AvailableNumber> offers = search(1);
            if (runningPolls > 0) {
                harness.simulator().answer("GET", "/phoneNumbers/operations/purchase_",
                        r -> operation(r.lastSegment(), "purchase", "running", null, null), runningPolls);
            }
            harness.simulator().answer("GET", "/phoneNumbers/operations/purchase_",
                    r -> operation(r.lastSegment(), "purchase", "failed", "PurchaseFailed", "The numbers are no longer available."), 5);
            PurchaseOrder placed = provider.purchaser().purchase(PurchaseRequest.ofOffers(offers));
            PurchaseOrder done = provider.purchaser().await(placed.id(), Duration.ofMinutes(5));
            assertThat(done.status()).as("after %d running polls", runningPolls).isEqualTo(PurchaseStatus.FAILED);
            assertThat(done.purchased()).isEmpty();
            assertThat(done.failures()).singleElement().satisfies(f -> {
                assertThat(f.number()).isEqualTo(offers.get(0).number());
                assertThat(f.code()).contains("PurchaseFailed");
                assertThat(f.reason()).contains("The numbers are no longer available.");
            });
            assertThat(done.details()).hasValueSatisfying(d -> assertThat(d).contains("The numbers are no longer available."));
        }
    }

    @Test
    void aReleaseWhoseOperationCannotBeFollowedIsOutcomeUnknownNeverFailed() {
        PhoneNumber number = PhoneNumber.of("+12125550161");
        harness.carrier().own(number, null);
        // the DELETE is accepted; the first poll of its operation is refused
        harness.faults().injectAt(RequestKind.READ, 1, Fault.unauthorized());
        assertThatThrownBy(() -> provider.inventory().release(number))
                .isInstanceOfSatisfying(ReleaseOutcomeUnknownException.class, e -> {
                    assertThat(e.numbers()).containsExactly(number);
                    assertThat(e.getCause()).isInstanceOf(AuthenticationException.class);
                });
        assertThat(harness.carrier().requestCount(RequestKind.RELEASE)).as("DELETEs").isEqualTo(1);
        assertThat(harness.carrier().owned(number)).isEmpty();
    }

    @Test
    void aReleaseWhoseOperationFailsWhileTheNumberStaysIsAConflictInAzuresWords() {
        PhoneNumber number = PhoneNumber.of("+12125550162");
        harness.carrier().own(number, null);
        harness.simulator().answer("DELETE", "/phoneNumbers/", new SimResponse(202, Map.of("operation-id", "release_r1",
                "Operation-Location", "/phoneNumbers/operations/release_r1?api-version=" + AzureResources.API_VERSION,
                "release-id", "r1"), ""), 1);
        harness.simulator().answer("GET", "/phoneNumbers/operations/release_r1",
                operation("release_r1", "releasePhoneNumber", "failed", "ReleaseBlocked", "The number is assigned to a bot."), 1);
        assertThatThrownBy(() -> provider.inventory().release(number))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.providerCode()).contains("ReleaseBlocked");
                    assertThat(e.getMessage()).contains("The number is assigned to a bot.");
                });
        assertThat(harness.carrier().owned(number)).isPresent();
    }
}
