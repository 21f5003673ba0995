package dev.telephony.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.Secret;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.contract.Fixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failed purchase operation, the SDK's retries kept to reads, and connection strings never quoted. */
class AzureSafetyTest {
    private final AzureHarness harness = new AzureHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aPurchaseWhoseOperationFailsIsAFailedOrder() {
        Fixtures.seedStandardOffer(harness.carrier());
        TelephonyProvider provider = harness.provider();
        List<AvailableNumber> offers = provider.inventory().search(NumberSearch.builder().country("US").areaCode("212").limit(1).holdResults(true).build());
        harness.carrier().holdOrders(true);
        PurchaseOrder placed = provider.purchaser().purchase(PurchaseRequest.ofOffers(offers));
        // someone else gets the number while Azure works on the order
        harness.carrier().buy(offers.get(0).number(), "someone else");
        harness.carrier().holdOrders(false);
        PurchaseOrder done = provider.purchaser().await(placed.id(), Duration.ofMinutes(5));
        assertThat(done.status()).isEqualTo(PurchaseStatus.FAILED);
        assertThat(done.purchased()).isEmpty();
        assertThat(done.failures()).extracting(f -> f.number()).containsExactly(offers.get(0).number());
    }

    @Test
    void theSdksOwnRetriesNeverResendAWrite() {
        PhoneNumber number = PhoneNumber.of("+12125550188");
        harness.carrier().own(number, null);
        TelephonyProvider withSdkRetries = AzureProvider.builder()
                .connectionString(AzureHarness.CONNECTION_STRING)
                .httpClient(new LoopbackHttpClient(harness.simulator().baseUri()))
                .sdkRetryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(3)
                        .setBaseDelay(Duration.ofMillis(1)).setMaxDelay(Duration.ofMillis(2))))
                .pollInterval(AzureHarness.POLL_INTERVAL)
                .clock(harness.clock()).sleeper(harness.clock().sleeper())
                .build();
        harness.faults().injectOnce(RequestKind.RELEASE, Fault.serverError());
        assertThatThrownBy(() -> withSdkRetries.inventory().release(number)).isInstanceOf(ProviderUnavailableException.class);
        assertThat(harness.carrier().requestCount(RequestKind.RELEASE)).as("DELETE requests sent").isEqualTo(1);
        assertThat(harness.carrier().owned(number)).isPresent();
        // reads are retried by the SDK when asked to
        harness.faults().injectOnce(RequestKind.READ, Fault.serverError());
        assertThat(withSdkRetries.inventory().get(number)).isPresent();
    }

    @Test
    void aConnectionStringPartWithoutAnEqualsSignIsNotQuoted() {
        String key = AzureHarness.KEY;
        assertThatThrownBy(() -> AzureCredentials.parse(Secret.of("c", "endpoint=https://x.communication.azure.com/;" + key)))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key.substring(0, 8)));
    }
}
