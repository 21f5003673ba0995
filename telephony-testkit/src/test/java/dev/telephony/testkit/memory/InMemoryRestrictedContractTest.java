package dev.telephony.testkit.memory;

import dev.telephony.api.Capability;
import dev.telephony.testkit.contract.ProviderHarness;
import dev.telephony.testkit.contract.TelephonyContract;
import java.util.EnumSet;
import java.util.Set;

/**
 * The whole contract against an in-memory provider that declares only what SignalWire's REST API can
 * do (no regions, porting, holds, exchange, rate-center or caller-ID): proves the unsupported side of the
 * contract, which the full provider never reaches.
 */
class InMemoryRestrictedContractTest implements TelephonyContract {
    private static final Set<Capability> DECLARED = Set.copyOf(EnumSet.complementOf(EnumSet.of(
            Capability.REGIONS, Capability.PORTING, Capability.HOLDS, Capability.SEARCH_BY_EXCHANGE, Capability.SEARCH_BY_RATE_CENTER,
            Capability.SEARCH_MOBILE, Capability.CALLER_ID_NAME, Capability.E911, Capability.FEATURE_UPDATE,
            Capability.SEARCH_BY_FEATURES)));

    @Override
    public ProviderHarness createHarness() {
        return new InMemoryHarness(declaredCapabilities(), false);
    }

    @Override
    public Set<Capability> declaredCapabilities() {
        return DECLARED;
    }

    @Override
    public boolean capabilitiesDependOnConfiguration() {
        return true;
    }
}
