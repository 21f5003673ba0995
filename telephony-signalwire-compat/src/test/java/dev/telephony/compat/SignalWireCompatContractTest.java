package dev.telephony.compat;

import dev.telephony.api.Capability;
import dev.telephony.testkit.contract.ProviderHarness;
import dev.telephony.testkit.contract.TelephonyContract;
import java.util.Set;

/** The whole contract against SignalWire's compatibility (LaML) API, simulated on loopback. */
class SignalWireCompatContractTest implements TelephonyContract {
    @Override
    public ProviderHarness createHarness() {
        return new LamlHarness(LamlFlavor.SIGNALWIRE_COMPAT);
    }

    @Override
    public Set<Capability> declaredCapabilities() {
        return LamlFlavor.SIGNALWIRE_COMPAT.capabilities();
    }
}
