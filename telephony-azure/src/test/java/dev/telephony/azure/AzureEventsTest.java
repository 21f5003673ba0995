package dev.telephony.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.Secret;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.event.Failure;
import dev.telephony.api.event.OperationEvent;
import dev.telephony.api.event.OrderStatusEvent;
import dev.telephony.api.event.ReconciliationEvent;
import dev.telephony.api.event.RequestEvent;
import dev.telephony.api.event.RetryEvent;
import dev.telephony.api.event.TelephonyListener;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.contract.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The listener hook on Azure, whose requests the SDK sends: a purchase through the simulator whose first
 * POST meets a server error (reconciled, proven harmless, sent again), its order followed to completion,
 * and a read retried after a server error. Each SDK request is reported by the pipeline step.
 */
class AzureEventsTest {
    private final AzureHarness harness = new AzureHarness();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Object> carried = new CopyOnWriteArrayList<>();

    private final TelephonyListener recorder = new TelephonyListener() {
        private void add(String line, Object... values) {
            lines.add(line);
            carried.addAll(List.of(values));
        }

        @Override
        public void operationStart(OperationEvent operation) {
            add("start " + operation.operation(), operation);
        }

        @Override
        public void operationEnd(OperationEvent operation, Duration duration) {
            add("end " + operation.operation(), operation, duration);
        }

        @Override
        public void operationFailed(OperationEvent operation, Duration duration, Failure failure) {
            add("failed " + operation.operation() + " " + failure.type(), failure);
        }

        @Override
        public void requestStart(RequestEvent request) {
            add("request " + request.method() + " " + request.path() + " #" + request.attempt(), request);
        }

        @Override
        public void requestEnd(RequestEvent request, int status, Optional<String> requestId, Duration duration) {
            add("answered " + status, request, requestId);
        }

        @Override
        public void requestFailed(RequestEvent request, Duration duration, Failure failure) {
            add("no answer " + failure.type(), request, failure);
        }

        @Override
        public void retry(RetryEvent retry) {
            add("retry " + retry.operation() + " after #" + retry.attempt() + " " + retry.reason().type(), retry);
        }

        @Override
        public void reconciled(ReconciliationEvent reconciliation) {
            add("reconciled " + reconciliation.write() + " " + reconciliation.conclusion(), reconciliation);
        }

        @Override
        public void orderStatusChanged(OrderStatusEvent change) {
            add("order " + change.previous().map(Enum::name).orElse("-") + " > " + change.current(), change);
        }
    };

    private final TelephonyProvider provider = AzureProvider.builder()
            .connectionString(Secret.of("connection-string", AzureHarness.CONNECTION_STRING))
            .httpClient(new LoopbackHttpClient(harness.simulator().baseUri()))
            .pollInterval(AzureHarness.POLL_INTERVAL)
            .operationTimeout(Duration.ofSeconds(20))
            .clock(harness.clock())
            .sleeper(harness.clock().sleeper())
            .random(new SplittableRandom(17))
            .listener(recorder)
            .build();

    @AfterEach
    void close() {
        provider.close();
        harness.close();
    }

    @Test
    void aPurchaseIsHeardCallByCallRequestByRequestWithItsReconciliationRetriesAndStatuses() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = provider.inventory().search(
                NumberSearch.builder().country("US").areaCode(Fixtures.MANHATTAN).limit(1).holdResults(true).build());
        harness.faults().injectOnce(RequestKind.PURCHASE, Fault.serverError());
        PurchaseOrder placed = provider.purchaser().purchase(PurchaseRequest.ofOffers(offers));
        PurchaseOrder done = provider.purchaser().await(placed.id(), Duration.ofMinutes(5));
        assertThat(done.status()).isEqualTo(PurchaseStatus.COMPLETED);
        harness.faults().injectOnce(RequestKind.READ, Fault.serverError());
        assertThat(provider.inventory().get(offers.get(0).number())).isPresent();

        assertThat(lines).as(String.join("\n", lines)).containsSubsequence(
                "start search", "end search",
                "start purchase",
                "answered 503",
                "reconciled PURCHASE NOT_BOUGHT",
                "retry purchase after #1 ProviderUnavailableException",
                "order - > PENDING",
                "end purchase",
                "start await", "order PENDING > COMPLETED", "end await",
                "start get", "request GET /phoneNumbers/{id} #1", "answered 503", "retry get after #1 ProviderUnavailableException",
                "request GET /phoneNumbers/{id} #2", "answered 200", "end get");
        assertThat(lines).as("each SDK request, by the pipeline step, with its path as a template")
                .anyMatch(line -> line.startsWith("request POST /availablePhoneNumbers/") && line.endsWith(":purchase #1"))
                .anyMatch(line -> line.equals("request GET /phoneNumbers/{id} #1"))
                .noneMatch(line -> line.contains(offers.get(0).number().e164()) || line.contains(offers.get(0).number().digits()));
        assertThat(harness.carrier().timesBought(offers.get(0).number())).isEqualTo(1);
    }

    @Test
    void noSecretReachesAnEvent() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = provider.inventory().search(
                NumberSearch.builder().country("US").areaCode(Fixtures.MANHATTAN).limit(1).holdResults(true).build());
        harness.faults().injectOnce(RequestKind.PURCHASE, Fault.resetAfterCommit());
        try {
            provider.purchaser().await(provider.purchaser().purchase(PurchaseRequest.ofOffers(offers)).id(), Duration.ofMinutes(5));
        } catch (RuntimeException outcomeUnknown) {
            // either ending is fine here: only what the events carried is checked
        }
        StringBuilder everything = new StringBuilder();
        lines.forEach(l -> everything.append(l).append('\n'));
        carried.forEach(v -> everything.append(v).append('\n'));
        assertThat(carried).isNotEmpty();
        for (String secret : harness.secrets()) {
            assertThat(everything.toString()).doesNotContain(secret);
        }
    }
}
