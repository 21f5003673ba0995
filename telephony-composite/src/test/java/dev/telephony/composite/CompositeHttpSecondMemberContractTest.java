package dev.telephony.composite;

import dev.telephony.api.Capability;
import dev.telephony.testkit.contract.ProviderHarness;
import dev.telephony.testkit.contract.TelephonyContract;
import java.util.Set;

/**
 * The whole contract over HTTP with the contract's carrier (SignalWire's REST API) second, behind the LaML
 * API: every bare-number purchase is refused by the first member before the second buys it, every listing
 * starts with an empty member.
 */
class CompositeHttpSecondMemberContractTest implements TelephonyContract {
    @Override
    public ProviderHarness createHarness() {
        return new CompositeHttpHarness(false);
    }

    @Override
    public Set<Capability> declaredCapabilities() {
        return CompositeHttpContractTest.union();
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

}
