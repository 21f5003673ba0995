package dev.telephony.composite;

import dev.telephony.api.Capability;
import dev.telephony.compat.SignalWireCompatProviderFactory;
import dev.telephony.signalwire.SignalWireProvider;
import dev.telephony.testkit.contract.ProviderHarness;
import dev.telephony.testkit.contract.TelephonyContract;
import java.util.EnumSet;
import java.util.Set;

/**
 * The whole contract against a composite of two HTTP providers on their simulators: SignalWire's REST API
 * (the contract's carrier) first, SignalWire's LaML API second. Region listings, which only the LaML API
 * offers, go only to it.
 */
class CompositeHttpContractTest implements TelephonyContract {
    static Set<Capability> union() {
        Set<Capability> union = EnumSet.copyOf(SignalWireProvider.CAPABILITIES);
        union.addAll(new SignalWireCompatProviderFactory().capabilities());
        return Set.copyOf(union);
    }

    @Override
    public ProviderHarness createHarness() {
        return new CompositeHttpHarness(true);
    }

    @Override
    public Set<Capability> declaredCapabilities() {
        return union();
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
