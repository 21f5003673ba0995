package dev.telephony.example.acme;

import dev.telephony.api.Capability;
import dev.telephony.testkit.contract.ProviderHarness;
import dev.telephony.testkit.contract.TelephonyContract;
import java.util.Set;

/** The whole contract, chaos and answer mutations included, against Acme's simulator. */
class AcmeContractTest implements TelephonyContract {
    @Override
    public ProviderHarness createHarness() {
        return new AcmeHarness();
    }

    @Override
    public Set<Capability> declaredCapabilities() {
        return AcmeProvider.CAPABILITIES;
    }
}
