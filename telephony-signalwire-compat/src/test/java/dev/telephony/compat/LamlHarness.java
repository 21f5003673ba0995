package dev.telephony.compat;

import dev.telephony.api.TelephonyProvider;
import dev.telephony.http.HttpSettings;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.contract.AbstractHarness;
import dev.telephony.testkit.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** A LaML provider (SignalWire compat or Twilio) against its simulator on loopback. */
final class LamlHarness extends AbstractHarness {
    static final String PROJECT = "b3877c40-da60-4998-90ad-b792e98472ac";
    static final String TWILIO_SID = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "lamltok-4c2b9e8d7f6a5b4c3d2e";
    static final String WRONG_TOKEN = "lamltok-0000000000000000000";
    static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(1200);

    private final LamlFlavor flavor;
    private final LamlSimulator simulator;

    LamlHarness(LamlFlavor flavor) {
        this(flavor, ManualClock.standard());
    }

    private LamlHarness(LamlFlavor flavor, ManualClock clock) {
        super(new CarrierState(clock), clock);
        this.flavor = flavor;
        boolean twilio = flavor == LamlFlavor.TWILIO;
        this.simulator = new LamlSimulator(carrier(), twilio ? "/2010-04-01" : "/api/laml/2010-04-01", sid(), TOKEN, twilio);
        simulator.lostAnswerDelay(RESPONSE_TIMEOUT.multipliedBy(3));
    }

    String sid() {
        return flavor == LamlFlavor.TWILIO ? TWILIO_SID : PROJECT;
    }

    LamlSimulator simulator() {
        return simulator;
    }

    @Override
    protected TelephonyProvider connect(boolean validCredentials) {
        LamlProvider.Builder builder = flavor == LamlFlavor.TWILIO ? LamlProvider.twilio() : LamlProvider.signalWireCompat();
        return builder.baseUrl(simulator.apiRoot())
                .accountSid(sid())
                .authToken(validCredentials ? TOKEN : WRONG_TOKEN)
                .clock(clock())
                .sleeper(clock().sleeper())
                .random(new SplittableRandom(13))
                .httpSettings(HttpSettings.defaults().withResponseTimeout(RESPONSE_TIMEOUT))
                .build();
    }

    @Override
    protected void stop() {
        simulator.close();
        List<String> violations = simulator.specificationViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " requests or answers outside Twilio's OpenAPI ("
                    + LamlSpecification.class.getSimpleName() + "):\n  " + String.join("\n  ", violations));
        }
    }

    @Override
    public java.util.Map<String, String> factoryConfiguration() {
        return java.util.Map.of(LamlProviderFactory.BASE_URL, simulator.apiRoot().toString(), LamlProviderFactory.ACCOUNT_SID, sid(),
                LamlProviderFactory.AUTH_TOKEN, TOKEN,
                dev.telephony.http.HttpConfig.RESPONSE_TIMEOUT_MILLIS, String.valueOf(RESPONSE_TIMEOUT.toMillis()));
    }

    @Override
    public Set<String> secrets() {
        return Set.of(TOKEN, WRONG_TOKEN, basic(TOKEN), basic(WRONG_TOKEN));
    }

    private String basic(String token) {
        return Base64.getEncoder().encodeToString((sid() + ":" + token).getBytes(StandardCharsets.UTF_8));
    }
}
