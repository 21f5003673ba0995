package dev.telephony.testkit.memory;

import dev.telephony.api.Capability;
import dev.telephony.testkit.contract.ProviderHarness;
import dev.telephony.testkit.contract.TelephonyContract;
import java.util.Set;

/** The whole contract against the in-memory provider with every capability and synchronous purchases. */
class InMemoryContractTest implements TelephonyContract {
    @Override
    public ProviderHarness createHarness() {
        return new InMemoryHarness(declaredCapabilities(), false);
    }

    @Override
    public Set<Capability> declaredCapabilities() {
        return InMemoryProvider.ALL_CAPABILITIES;
    }
}
