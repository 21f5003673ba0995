package dev.telephony.testkit.memory;

import dev.telephony.api.Capability;
import dev.telephony.api.Secret;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.contract.AbstractHarness;
import dev.telephony.testkit.time.ManualClock;
import java.util.Set;
import java.util.SplittableRandom;

/** The contract harness for the in-memory provider, and an example of writing one. */
public final class InMemoryHarness extends AbstractHarness {
    private static final String TOKEN = "mem-token-7f3a9c2e51";
    private static final String WRONG_TOKEN = "mem-wrong-0b8d4f6a13";

    private final Set<Capability> capabilities;
    private final boolean asynchronous;

    /** A harness on a fresh carrier and clock, declaring {@code capabilities}. */
    public InMemoryHarness(Set<Capability> capabilities, boolean asynchronousPurchases) {
        this(ManualClock.standard(), capabilities, asynchronousPurchases);
    }

    private InMemoryHarness(ManualClock clock, Set<Capability> capabilities, boolean asynchronousPurchases) {
        super(new CarrierState(clock).requireCredential(TOKEN), clock);
        this.capabilities = capabilities;
        this.asynchronous = asynchronousPurchases;
    }

    @Override
    protected TelephonyProvider connect(boolean validCredentials) {
        return InMemoryProvider.builder()
                .carrier(carrier())
                .capabilities(capabilities)
                .token(Secret.of("token", validCredentials ? TOKEN : WRONG_TOKEN))
                .clock(clock())
                .sleeper(clock().sleeper())
                .random(new SplittableRandom(42))
                .asynchronousPurchases(asynchronous)
                .build();
    }

    /** The same provider through its factory: the carrier by name, the token, the capabilities and the purchase mode. */
    @Override
    public java.util.Map<String, String> factoryConfiguration() {
        String carrierName = "harness-" + System.identityHashCode(this);
        CarrierState.register(carrierName, carrier());
        return java.util.Map.of(InMemoryProviderFactory.CARRIER, carrierName, InMemoryProviderFactory.TOKEN, TOKEN,
                InMemoryProviderFactory.PURCHASE_MODE, asynchronous ? "async" : "immediate",
                InMemoryProviderFactory.CAPABILITIES, String.join(",", capabilities.stream().map(Enum::name).sorted().toList()));
    }

    @Override
    public Set<String> secrets() {
        return Set.of(TOKEN, WRONG_TOKEN);
    }
}
