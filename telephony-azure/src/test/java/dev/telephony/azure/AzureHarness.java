package dev.telephony.azure;

import dev.telephony.api.Secret;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.contract.AbstractHarness;
import dev.telephony.testkit.time.ManualClock;
import java.time.Duration;
import java.util.Set;
import java.util.SplittableRandom;

/** The Azure provider, on the real SDK, against the Azure simulator on loopback. */
final class AzureHarness extends AbstractHarness {
    static final String HOST = "telephony-test.communication.azure.com";
    /** Base64 of "azure-test-access-key-0123456789abcdef". */
    static final String KEY = "YXp1cmUtdGVzdC1hY2Nlc3Mta2V5LTAxMjM0NTY3ODlhYmNkZWY=";
    static final String WRONG_KEY = "d3Jvbmcta2V5LXRoYXQtYXp1cmUtcmVmdXNlcy0wMDAwMDAwMA==";
    static final String CONNECTION_STRING = "endpoint=https://" + HOST + "/;accesskey=" + KEY;
    static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(2000);
    /** The SDK's pollers wait this long between polls in real time; tests keep it short. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(5);

    private final AzureSimulator simulator;

    AzureHarness() {
        this(ManualClock.standard());
    }

    private AzureHarness(ManualClock clock) {
        super(new CarrierState(clock), clock);
        this.simulator = new AzureSimulator(carrier(), HOST, KEY);
        simulator.lostAnswerDelay(RESPONSE_TIMEOUT.multipliedBy(3));
    }

    AzureSimulator simulator() {
        return simulator;
    }

    @Override
    protected TelephonyProvider connect(boolean validCredentials) {
        return AzureProvider.builder()
                .connectionString(Secret.of("connection-string", validCredentials ? CONNECTION_STRING
                        : "endpoint=https://" + HOST + "/;accesskey=" + WRONG_KEY))
                .httpClient(new LoopbackHttpClient(simulator.baseUri()))
                .pollInterval(POLL_INTERVAL)
                .operationTimeout(Duration.ofSeconds(20))
                .clock(clock())
                .sleeper(clock().sleeper())
                .random(new SplittableRandom(17))
                .build();
    }

    @Override
    protected void stop() {
        simulator.close();
    }

    /** The factory builds its clients from the connection string alone; the contract sends nothing through them. */
    @Override
    public java.util.Map<String, String> factoryConfiguration() {
        return java.util.Map.of(AzureProviderFactory.CONNECTION_STRING, CONNECTION_STRING);
    }

    @Override
    public Set<String> secrets() {
        return Set.of(KEY, WRONG_KEY, CONNECTION_STRING);
    }
}
