package dev.telephony.composite;

import dev.telephony.api.Capability;
import dev.telephony.testkit.contract.ProviderHarness;
import dev.telephony.testkit.contract.TelephonyContract;
import java.util.EnumSet;
import java.util.Set;

/**
 * The whole contract with the contract's carrier as the second member, declaring what SignalWire's REST
 * API can do, behind a first member that can do less (local searches by area code, purchases, names,
 * listing and releases). Every answer has to come through the member that is not asked first: purchases
 * of bare numbers the first member refuses, listings that start with an empty member, numbers owned at
 * the second. Filters only the second supports (toll-free, digit patterns, regions, features) go only to
 * it. The composite declares the union, the restricted set, so the refusing side of the contract runs.
 */
class CompositeInMemorySecondMemberContractTest implements TelephonyContract {
    static final Set<Capability> CARRIER = Set.copyOf(EnumSet.complementOf(EnumSet.of(
            Capability.REGIONS, Capability.PORTING, Capability.HOLDS, Capability.SEARCH_BY_EXCHANGE, Capability.SEARCH_BY_RATE_CENTER,
            Capability.SEARCH_MOBILE, Capability.CALLER_ID_NAME, Capability.E911, Capability.FEATURE_UPDATE,
            Capability.SEARCH_BY_FEATURES)));
    static final Set<Capability> BYSTANDER = Set.copyOf(EnumSet.of(Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE,
            Capability.PURCHASE, Capability.BULK_PURCHASE, Capability.LIST, Capability.NAMES, Capability.RELEASE));

    @Override
    public ProviderHarness createHarness() {
        return new CompositeInMemoryHarness(CARRIER, BYSTANDER, false, false);
    }

    @Override
    public Set<Capability> declaredCapabilities() {
        return CARRIER;
    }

    /** The composite connects its members through Telephony, and lists every provider to check their names. */
    @Override
    public boolean connectsOtherProviders() {
        return true;
    }

    @Override
    public boolean capabilitiesDependOnConfiguration() {
        return true;
    }

    @Override
    public int chaosOperations() {
        return 600;
    }
}
