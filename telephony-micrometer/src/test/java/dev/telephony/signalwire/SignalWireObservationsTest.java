package dev.telephony.signalwire;

import static dev.telephony.testkit.contract.Fixtures.local;
import static org.assertj.core.api.Assertions.assertThat;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.Telephony;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.event.TelephonyListener;
import dev.telephony.micrometer.ObservationTelephonyListener;
import dev.telephony.micrometer.RecordedEvents;
import dev.telephony.micrometer.TelephonyObservation;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.contract.Fixtures;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A search and a purchase through the SignalWire simulator, created by its factory through
 * {@code Telephony.builder()} (no listener code in the provider), with a lost search answer that is
 * retried and a purchase whose answer is unreadable after the carrier sold the number.
 */
class SignalWireObservationsTest {
    /** A run of six or more digits: a phone number or an account number, never welcome in a tag. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("\\d{6,}");

    private final SignalWireHarness harness = new SignalWireHarness();
    private final RecordedEvents events = new RecordedEvents();
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final ObservationRegistry metered = ObservationRegistry.create();
    /** Each observation as it stopped: name, contextual name and every key value, low and high. */
    private final List<String> stopped = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The parent of each request's observation: what a tracer makes the parent span. */
    private final List<String> parents = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        harness.close();
    }

    private TelephonyProvider connect() {
        return connect(true);
    }

    /** With {@code all}, every listener of the test; without, only the one reporting to {@code metered}. */
    private TelephonyProvider connect(boolean all) {
        metered.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters))
                .observationHandler(new ObservationHandler<Observation.Context>() {
                    @Override
                    public void onStop(Observation.Context context) {
                        stopped.add(context.getName() + " " + context.getContextualName() + " " + context.getAllKeyValues());
                        if (context.getName().equals("telephony.request")) {
                            parents.add(context.getParentObservation() == null ? "none"
                                    : context.getParentObservation().getContextView().getName());
                        }
                    }

                    @Override
                    public boolean supportsContext(Observation.Context context) {
                        return true;
                    }
                });
        return Telephony.builder().provider(SignalWireProvider.NAME).config(harness.factoryConfiguration())
                .systemProperties(new Properties()).environment(Map.of())
                .clock(harness.clock()).sleeper(harness.clock().sleeper())
                .listener(all ? events : TelephonyListener.NONE)
                .listener(all ? new ObservationTelephonyListener(observations) : TelephonyListener.NONE)
                .listener(new ObservationTelephonyListener(metered))
                .connect();
    }

    private PurchaseOrder searchAndBuyWithFaults(TelephonyProvider provider) {
        Fixtures.seedStandardOffer(harness.carrier());
        // a first request on a cold JVM can outlast the harness's short time-out: warm the simulator up first
        provider.inventory().search(local(Fixtures.MANHATTAN).limit(1).build());
        events.clear();
        harness.faults().injectOnce(RequestKind.READ, Fault.serverError());
        List<AvailableNumber> offers = provider.inventory().search(local(Fixtures.MANHATTAN).limit(2).build());
        harness.faults().injectOnce(RequestKind.PURCHASE, Fault.malformedBody());
        return provider.purchaser().purchase(PurchaseRequest.of(offers.get(0)));
    }

    @Test
    void theListenerHearsEachCallRequestRetryReconciliationAndStatus() {
        try (TelephonyProvider provider = connect()) {
            PurchaseOrder order = searchAndBuyWithFaults(provider);
            assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
        }
        List<String> lines = events.lines();
        assertThat(lines).containsSubsequence(
                "start search",
                "request GET /api/relay/rest/phone_numbers/search #1", "answered 503 with request id",
                "retry GET /api/relay/rest/phone_numbers/search after #1 ProviderUnavailableException",
                "request GET /api/relay/rest/phone_numbers/search #2", "answered 200 with request id",
                "end search",
                "start purchase",
                "request POST /api/relay/rest/phone_numbers #1", "answered 200",
                // the answer could not be read: the account is read to learn what the purchase did
                "request GET /api/relay/rest/phone_numbers #1", "answered 200 with request id",
                "reconciled PURCHASE BOUGHT",
                "order - > COMPLETED",
                "end purchase");
        assertThat(harness.carrier().timesBought(harness.carrier().ownedNumbers().get(0).number())).isEqualTo(1);
    }

    @Test
    void observationsAreRecordedWithTheDocumentedNamesAndLowCardinalityTags() {
        try (TelephonyProvider provider = connect()) {
            searchAndBuyWithFaults(provider);
        }
        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(TelephonyObservation.OPERATION.getName()).that()
                .hasLowCardinalityKeyValue("telephony.provider", "signalwire")
                .hasLowCardinalityKeyValue("telephony.operation", "search")
                .hasLowCardinalityKeyValue("outcome", "success")
                .hasBeenStarted().hasBeenStopped();
        TestObservationRegistryAssert.assertThat(observations)
                .hasAnObservation(o -> o.hasNameEqualTo("telephony.operation")
                        .hasLowCardinalityKeyValue("telephony.operation", "purchase")
                        .hasLowCardinalityKeyValue("outcome", "success").hasLowCardinalityKeyValue("error", "none"))
                .hasAnObservation(o -> o.hasNameEqualTo("telephony.request")
                        .hasLowCardinalityKeyValue("http.method", "GET").hasLowCardinalityKeyValue("http.status_class", "5xx")
                        .hasLowCardinalityKeyValue("outcome", "failure")
                        .hasHighCardinalityKeyValue("http.path", "/api/relay/rest/phone_numbers/search")
                        .hasHighCardinalityKeyValue("telephony.attempt", "1"))
                .hasAnObservation(o -> o.hasNameEqualTo("telephony.request")
                        .hasLowCardinalityKeyValue("http.status_class", "2xx")
                        .hasHighCardinalityKeyValue("telephony.attempt", "2"))
                .hasAnObservation(o -> o.hasNameEqualTo("telephony.retry")
                        .hasLowCardinalityKeyValue("reason", "ProviderUnavailableException"))
                .hasAnObservation(o -> o.hasNameEqualTo("telephony.reconciliation")
                        .hasLowCardinalityKeyValue("telephony.write", "purchase")
                        .hasLowCardinalityKeyValue("telephony.conclusion", "bought")
                        .hasLowCardinalityKeyValue("reason", "ProtocolException"))
                .hasAnObservation(o -> o.hasNameEqualTo("telephony.order.status")
                        .hasLowCardinalityKeyValue("telephony.status", "completed"));

        // the same observations as meters: a timer per name, tags from the low-cardinality keys only
        Set<String> names = meters.getMeters().stream().map(m -> m.getId().getName()).collect(Collectors.toSet());
        assertThat(names).contains("telephony.operation", "telephony.request", "telephony.retry",
                "telephony.reconciliation", "telephony.order.status");
        assertThat(meters.get("telephony.operation").tag("telephony.operation", "purchase").tag("outcome", "success")
                .timer().count()).isEqualTo(1);
        assertThat(meters.get("telephony.request").tag("http.status_class", "5xx").timer().count()).isEqualTo(1);
        for (Meter meter : meters.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getKey()).as(meter.getId().getName()).isNotIn("http.path", "telephony.attempt",
                        "telephony.request_id");
                assertThat(tag.getValue()).as(meter.getId() + " carries no number").doesNotContainPattern(NUMBER_LIKE);
            }
        }
    }

    @Test
    void eachRequestIsAChildOfItsCallSoATracerMakesItAChildSpan() {
        // one registry only: Micrometer keeps the current observation per thread, whichever registry made it
        try (TelephonyProvider provider = connect(false)) {
            searchAndBuyWithFaults(provider);
        }
        assertThat(parents).hasSizeGreaterThanOrEqualTo(5).containsOnly("telephony.operation");
    }

    @Test
    void noSecretReachesAnEventATagOrAKeyValue() {
        try (TelephonyProvider provider = connect()) {
            searchAndBuyWithFaults(provider);
        }
        StringBuilder everything = new StringBuilder();
        events.values().forEach(v -> everything.append(v).append('\n'));
        stopped.forEach(line -> everything.append(line).append('\n'));
        meters.getMeters().forEach(m -> everything.append(m.getId()).append('\n'));
        assertThat(stopped).isNotEmpty();
        for (String secret : harness.secrets()) {
            assertThat(everything.toString()).doesNotContain(secret);
        }
        String bought = harness.carrier().ownedNumbers().get(0).number().e164();
        assertThat(everything.toString()).doesNotContain(bought).doesNotContain(bought.substring(1));
    }
}
