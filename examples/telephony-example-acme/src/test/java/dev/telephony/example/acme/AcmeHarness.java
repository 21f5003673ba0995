package dev.telephony.example.acme;

import dev.telephony.api.Secret;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.http.HttpConfig;
import dev.telephony.http.HttpSettings;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.contract.AbstractHarness;
import dev.telephony.testkit.time.ManualClock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Acme's provider against its simulator, on a fresh carrier and controlled clock for every test. */
final class AcmeHarness extends AbstractHarness {
    private static final String TOKEN = "acme-live-7c1e9b4f2d";
    private static final String WRONG_TOKEN = "acme-live-0000000000";
    /** A lost answer costs this much real time; the simulator holds such answers three times as long. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(1200);

    private final AcmeSimulator simulator;

    AcmeHarness() {
        this(ManualClock.standard());
    }

    private AcmeHarness(ManualClock clock) {
        super(new CarrierState(clock), clock);
        this.simulator = new AcmeSimulator(carrier(), TOKEN);
        simulator.lostAnswerDelay(RESPONSE_TIMEOUT.multipliedBy(3));
    }

    @Override
    protected TelephonyProvider connect(boolean validCredentials) {
        return AcmeProvider.builder().baseUrl(simulator.baseUri())
                .apiToken(Secret.of("api-token", validCredentials ? TOKEN : WRONG_TOKEN))
                .clock(clock()).sleeper(clock().sleeper()).random(new SplittableRandom(7))
                .httpSettings(HttpSettings.defaults().withResponseTimeout(RESPONSE_TIMEOUT))
                .build();
    }

    @Override
    public Map<String, String> factoryConfiguration() {
        return Map.of(AcmeProviderFactory.BASE_URL, simulator.baseUri().toString(), AcmeProviderFactory.API_TOKEN, TOKEN,
                HttpConfig.RESPONSE_TIMEOUT_MILLIS, String.valueOf(RESPONSE_TIMEOUT.toMillis()));
    }

    @Override
    protected void stop() {
        simulator.close();
    }

    @Override
    public Set<String> secrets() {
        return Set.of(TOKEN, WRONG_TOKEN);
    }
}
