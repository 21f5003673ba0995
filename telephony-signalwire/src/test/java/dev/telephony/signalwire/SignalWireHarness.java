package dev.telephony.signalwire;

import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.spi.RetryPolicy;
import dev.telephony.http.HttpSettings;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.contract.AbstractHarness;
import dev.telephony.testkit.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.SplittableRandom;

/** The SignalWire provider against its simulator on loopback, on a fresh carrier and controlled clock. */
final class SignalWireHarness extends AbstractHarness {
    static final String PROJECT = "5f1c3c9e-2f7a-4b8e-9d61-0c2a7e4b1d33";
    static final String TOKEN = "PTa8c1f0e7b2d94e3f9a6c5b4d3e2f1a0b";
    static final String WRONG_TOKEN = "PT00000000000000000000000000000000";
    /** Long enough that a slow first request on a loaded machine is not taken for a lost answer; a "no answer" fault costs this much real time. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(1200);

    private final SignalWireSimulator simulator;

    SignalWireHarness() {
        this(ManualClock.standard());
    }

    private SignalWireHarness(ManualClock clock) {
        super(new CarrierState(clock), clock);
        this.simulator = new SignalWireSimulator(carrier(), PROJECT, TOKEN);
        simulator.lostAnswerDelay(RESPONSE_TIMEOUT.multipliedBy(3));
    }

    SignalWireSimulator simulator() {
        return simulator;
    }

    @Override
    protected TelephonyProvider connect(boolean validCredentials) {
        return SignalWireProvider.builder()
                .baseUrl(simulator.baseUri())
                .projectId(PROJECT)
                .apiToken(validCredentials ? TOKEN : WRONG_TOKEN)
                .clock(clock())
                .sleeper(clock().sleeper())
                .random(new SplittableRandom(11))
                .httpSettings(HttpSettings.defaults().withResponseTimeout(RESPONSE_TIMEOUT).withRetryPolicy(RetryPolicy.defaults()))
                .build();
    }

    @Override
    protected void stop() {
        simulator.close();
    }

    @Override
    public java.util.Map<String, String> factoryConfiguration() {
        return java.util.Map.of(SignalWireProviderFactory.BASE_URL, simulator.baseUri().toString(),
                SignalWireProviderFactory.PROJECT_ID, PROJECT, SignalWireProviderFactory.API_TOKEN, TOKEN,
                dev.telephony.http.HttpConfig.RESPONSE_TIMEOUT_MILLIS, String.valueOf(RESPONSE_TIMEOUT.toMillis()));
    }

    @Override
    public Set<String> secrets() {
        return Set.of(TOKEN, WRONG_TOKEN, basic(TOKEN), basic(WRONG_TOKEN));
    }

    private static String basic(String token) {
        return Base64.getEncoder().encodeToString((PROJECT + ":" + token).getBytes(StandardCharsets.UTF_8));
    }
}
