package dev.telephony.composite;

import dev.telephony.api.TelephonyProvider;
import dev.telephony.compat.LamlProvider;
import dev.telephony.compat.LamlSimulators;
import dev.telephony.http.HttpSettings;
import dev.telephony.signalwire.SignalWireProvider;
import dev.telephony.signalwire.SignalWireSimulator;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.contract.AbstractHarness;
import dev.telephony.testkit.time.ManualClock;
import dev.telephony.testkit.wire.WireSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A composite of two different providers over HTTP, each against its own simulator on loopback:
 * SignalWire's REST API (member "signalwire", on the contract's carrier) and SignalWire's LaML
 * compatibility API (member "laml", a bystander carrier with an offer of its own in 503 and nothing
 * owned). Why these two: the contract's carrier has to be behind a member that can do at least
 * everything the union declares but one bystander alone can answer; the LaML API adds only region
 * listings to what the REST API can do, and the bystander's own offer answers those truthfully.
 */
final class CompositeHttpHarness extends AbstractHarness {
    static final String SIGNALWIRE = "signalwire";
    static final String LAML = "laml";
    private static final String PROJECT = "5f1c3c9e-2f7a-4b8e-9d61-0c2a7e4b1d33";
    private static final String TOKEN = "PTa8c1f0e7b2d94e3f9a6c5b4d3e2f1a0b";
    private static final String WRONG_TOKEN = "PT00000000000000000000000000000000";
    private static final String LAML_PROJECT = "b3877c40-da60-4998-90ad-b792e98472ac";
    private static final String LAML_TOKEN = "lamltok-4c2b9e8d7f6a5b4c3d2e";
    private static final String LAML_WRONG_TOKEN = "lamltok-0000000000000000000";
    /** As the providers' own harnesses: a slow first request on a loaded machine is not taken for a lost answer. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(1200);
    /** Real time passes here (HTTP round trips, lost answers): far more than a contract call takes, less than its 30 s guard. */
    static final Duration MEMBER_TIMEOUT = Duration.ofSeconds(20);

    private final boolean carrierFirst;
    private final CarrierState bystander;
    private final SignalWireSimulator signalWire;
    private final WireSimulator laml;
    private final SystemProperties properties = new SystemProperties();

    CompositeHttpHarness(boolean carrierFirst) {
        this(ManualClock.standard(), carrierFirst);
    }

    private CompositeHttpHarness(ManualClock clock, boolean carrierFirst) {
        super(new CarrierState(clock), clock);
        this.carrierFirst = carrierFirst;
        this.bystander = new CarrierState(clock);
        bystander.seed().areaCode("503").exchange("555").firstLine(100).count(10).region("OR").locality("Portland")
                .rateCenter("PORTLAND").add();
        this.signalWire = new SignalWireSimulator(carrier(), PROJECT, TOKEN);
        signalWire.lostAnswerDelay(RESPONSE_TIMEOUT.multipliedBy(3));
        this.laml = LamlSimulators.signalWireCompat(bystander, LAML_PROJECT, LAML_TOKEN);
        laml.lostAnswerDelay(RESPONSE_TIMEOUT.multipliedBy(3));
    }

    @Override
    protected TelephonyProvider connect(boolean validCredentials) {
        TelephonyProvider rest = SignalWireProvider.builder().baseUrl(signalWire.baseUri()).projectId(PROJECT)
                .apiToken(validCredentials ? TOKEN : WRONG_TOKEN).clock(clock()).sleeper(clock().sleeper())
                .random(new SplittableRandom(11)).httpSettings(HttpSettings.defaults().withResponseTimeout(RESPONSE_TIMEOUT))
                .build();
        TelephonyProvider compat = LamlProvider.signalWireCompat().baseUrl(LamlSimulators.apiRoot(laml)).accountSid(LAML_PROJECT)
                .authToken(validCredentials ? LAML_TOKEN : LAML_WRONG_TOKEN).clock(clock()).sleeper(clock().sleeper())
                .random(new SplittableRandom(13)).httpSettings(HttpSettings.defaults().withResponseTimeout(RESPONSE_TIMEOUT))
                .build();
        CompositeProvider.Builder builder = CompositeProvider.builder().memberTimeout(MEMBER_TIMEOUT).clock(clock());
        if (carrierFirst) {
            builder.member(SIGNALWIRE, rest).member(LAML, compat);
        } else {
            builder.member(LAML, compat).member(SIGNALWIRE, rest);
        }
        return builder.build();
    }

    /** Through the factory: each member's keys as system properties under its own name. */
    @Override
    public Map<String, String> factoryConfiguration() {
        properties.put("telephony." + SIGNALWIRE + ".base-url", signalWire.baseUri().toString());
        properties.put("telephony." + SIGNALWIRE + ".project-id", PROJECT);
        properties.put("telephony." + SIGNALWIRE + ".api-token", TOKEN);
        properties.put("telephony." + LAML + ".base-url", LamlSimulators.apiRoot(laml).toString());
        properties.put("telephony." + LAML + ".account-sid", LAML_PROJECT);
        properties.put("telephony." + LAML + ".auth-token", LAML_TOKEN);
        String rest = SIGNALWIRE + ":signalwire";
        String compat = LAML + ":signalwire-compat";
        Map<String, String> config = new LinkedHashMap<>();
        config.put(CompositeProviderFactory.CARRIERS, carrierFirst ? rest + "," + compat : compat + "," + rest);
        return config;
    }

    @Override
    protected void stop() {
        properties.clear();
        signalWire.close();
        laml.close();
    }

    @Override
    public Set<String> secrets() {
        return Set.of(TOKEN, WRONG_TOKEN, basic(PROJECT, TOKEN), basic(PROJECT, WRONG_TOKEN), LAML_TOKEN, LAML_WRONG_TOKEN,
                basic(LAML_PROJECT, LAML_TOKEN), basic(LAML_PROJECT, LAML_WRONG_TOKEN));
    }

    private static String basic(String user, String token) {
        return Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
    }
}
