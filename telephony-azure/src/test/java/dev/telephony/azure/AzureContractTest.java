package dev.telephony.azure;

import dev.telephony.api.Capability;
import dev.telephony.testkit.contract.ProviderHarness;
import dev.telephony.testkit.contract.TelephonyContract;
import java.util.Set;

/**
 * The whole contract against Azure through the real SDK 1.1.6, the simulator verifying every
 * request's HMAC signature. Purchases are long-running operations, so the waiting tests run too.
 */
class AzureContractTest implements TelephonyContract {
    @Override
    public ProviderHarness createHarness() {
        return new AzureHarness();
    }

    @Override
    public Set<Capability> declaredCapabilities() {
        return AzureProvider.CAPABILITIES;
    }

    @Override
    public boolean purchasesCanStayPending() {
        return true;
    }
}
