package dev.telephony.alianza;

import dev.telephony.api.Capability;
import dev.telephony.testkit.contract.ProviderHarness;
import dev.telephony.testkit.contract.TelephonyContract;
import java.util.Set;

/** The whole contract, porting included, against Alianza's v2 API simulated on loopback. */
class AlianzaContractTest implements TelephonyContract {
    @Override
    public ProviderHarness createHarness() {
        return new AlianzaHarness();
    }

    @Override
    public Set<Capability> declaredCapabilities() {
        return AlianzaProvider.CAPABILITIES;
    }

    /** Alianza answers orders PENDING and completes them later; the simulator does so on the carrier's orders. */
    @Override
    public boolean purchasesCanStayPending() {
        return true;
    }
}
