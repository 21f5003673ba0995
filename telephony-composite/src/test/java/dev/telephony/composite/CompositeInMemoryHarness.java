package dev.telephony.composite;

import dev.telephony.api.Capability;
import dev.telephony.api.Secret;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.contract.AbstractHarness;
import dev.telephony.testkit.memory.InMemoryProvider;
import dev.telephony.testkit.time.ManualClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A composite of two in-memory carriers, "east" and "west", each on a carrier state of its own, as two
 * real carriers are. The contract's {@link #carrier()} is one of them, the "contract carrier": every
 * number the contract seeds, owns and inspects lives there. The other, the "bystander", is a carrier
 * with an offer of its own in an area code the contract never searches (503, Portland) and nothing owned:
 * it takes part in every fan-out (each search, each question of who owns a number, each listing) and
 * answers "not mine", which is what the contract's answers must survive. Placed first, it is also the
 * first member asked to buy a number no offer names the carrier of, and refuses it.
 *
 * <p>Why not one shared carrier state behind both members: a number would then be owned by two carriers
 * at once (listed twice, with two owners for one release), which no real pair of carriers does.
 */
final class CompositeInMemoryHarness extends AbstractHarness {
    static final String EAST = "east";
    static final String WEST = "west";
    private static final String TOKEN = "mem-token-5d1e7a9c33";
    private static final String WRONG_TOKEN = "mem-wrong-9c0e2b4d71";
    private static final String BYSTANDER_TOKEN = "mem-token-b7a1c3e502";
    private static final String BYSTANDER_WRONG_TOKEN = "mem-wrong-2f6a8d0c44";
    /** Longer than any wait the contract makes a member sit through in one call on the manual clock. */
    static final Duration MEMBER_TIMEOUT = Duration.ofHours(1);

    private final Set<Capability> carrierCapabilities;
    private final Set<Capability> bystanderCapabilities;
    private final boolean asynchronous;
    private final boolean carrierFirst;
    private final CarrierState bystander;
    private final SystemProperties properties = new SystemProperties();

    CompositeInMemoryHarness(Set<Capability> carrierCapabilities, Set<Capability> bystanderCapabilities, boolean asynchronous,
                             boolean carrierFirst) {
        this(ManualClock.standard(), carrierCapabilities, bystanderCapabilities, asynchronous, carrierFirst);
    }

    private CompositeInMemoryHarness(ManualClock clock, Set<Capability> carrierCapabilities, Set<Capability> bystanderCapabilities,
                                     boolean asynchronous, boolean carrierFirst) {
        super(new CarrierState(clock).requireCredential(TOKEN), clock);
        this.carrierCapabilities = carrierCapabilities;
        this.bystanderCapabilities = bystanderCapabilities;
        this.asynchronous = asynchronous;
        this.carrierFirst = carrierFirst;
        this.bystander = new CarrierState(clock).requireCredential(BYSTANDER_TOKEN);
        bystander.seed().areaCode("503").exchange("555").firstLine(100).count(10).region("OR").locality("Portland")
                .rateCenter("PORTLAND").add();
    }

    /** The member name of the contract's carrier. */
    String carrierMember() {
        return carrierFirst ? EAST : WEST;
    }

    CarrierState bystander() {
        return bystander;
    }

    @Override
    protected TelephonyProvider connect(boolean validCredentials) {
        TelephonyProvider contract = InMemoryProvider.builder().carrier(carrier()).capabilities(carrierCapabilities)
                .token(Secret.of("token", validCredentials ? TOKEN : WRONG_TOKEN)).clock(clock()).sleeper(clock().sleeper())
                .random(new SplittableRandom(42)).asynchronousPurchases(asynchronous).build();
        TelephonyProvider other = InMemoryProvider.builder().carrier(bystander).capabilities(bystanderCapabilities)
                .token(Secret.of("token", validCredentials ? BYSTANDER_TOKEN : BYSTANDER_WRONG_TOKEN)).clock(clock())
                .sleeper(clock().sleeper()).random(new SplittableRandom(43)).build();
        return CompositeProvider.builder()
                .member(EAST, carrierFirst ? contract : other)
                .member(WEST, carrierFirst ? other : contract)
                .memberTimeout(MEMBER_TIMEOUT)
                .clock(clock())
                .build();
    }

    /** The same composite through its factory: the carriers by name, each member's keys as system properties. */
    @Override
    public Map<String, String> factoryConfiguration() {
        String prefix = "composite-harness-" + System.identityHashCode(this);
        CarrierState.register(prefix + "-contract", carrier());
        CarrierState.register(prefix + "-bystander", bystander);
        configure(carrierMember(), prefix + "-contract", TOKEN, carrierCapabilities, asynchronous);
        configure(carrierFirst ? WEST : EAST, prefix + "-bystander", BYSTANDER_TOKEN, bystanderCapabilities, false);
        Map<String, String> config = new LinkedHashMap<>();
        config.put(CompositeProviderFactory.CARRIERS, EAST + ":" + InMemoryProvider.NAME + "," + WEST + ":" + InMemoryProvider.NAME);
        config.put(CompositeProviderFactory.MEMBER_TIMEOUT, String.valueOf(MEMBER_TIMEOUT.toMillis()));
        return config;
    }

    private void configure(String member, String carrier, String token, Set<Capability> capabilities, boolean async) {
        properties.put("telephony." + member + ".carrier", carrier);
        properties.put("telephony." + member + ".token", token);
        properties.put("telephony." + member + ".purchase-mode", async ? "async" : "immediate");
        properties.put("telephony." + member + ".capabilities",
                String.join(",", capabilities.stream().map(Enum::name).sorted().toList()));
    }

    @Override
    protected void stop() {
        properties.clear();
    }

    @Override
    public Set<String> secrets() {
        return Set.of(TOKEN, WRONG_TOKEN, BYSTANDER_TOKEN, BYSTANDER_WRONG_TOKEN);
    }
}
