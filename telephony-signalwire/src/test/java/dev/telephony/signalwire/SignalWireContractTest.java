package dev.telephony.signalwire;

import dev.telephony.api.Capability;
import dev.telephony.testkit.contract.ProviderHarness;
import dev.telephony.testkit.contract.TelephonyContract;
import java.util.Set;

/**
 * The whole contract against SignalWire's REST API, simulated on loopback. Undeclared capabilities
 * (regions, porting, exchange, rate center, mobile, caller ID, E911, feature updates) are tested
 * from their refusing side; the two waiting tests are skipped because SignalWire buys synchronously.
 */
class SignalWireContractTest implements TelephonyContract {
    @Override
    public ProviderHarness createHarness() {
        return new SignalWireHarness();
    }

    @Override
    public Set<Capability> declaredCapabilities() {
        return SignalWireProvider.CAPABILITIES;
    }
}
