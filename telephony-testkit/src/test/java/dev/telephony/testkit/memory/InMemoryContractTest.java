package dev.telephony.testkit.memory;

import dev.telephony.api.Capability;
import dev.telephony.testkit.contract.ProviderHarness;
import dev.telephony.testkit.contract.TelephonyContract;
import java.util.Set;

/**
 * The whole contract against the in-memory provider with every capability, its purchases completing
 * later as Azure's and Alianza's do: every contract test runs, none is skipped.
 */
class InMemoryContractTest implements TelephonyContract {
    @Override
    public ProviderHarness createHarness() {
        return new InMemoryHarness(declaredCapabilities(), true);
    }

    @Override
    public Set<Capability> declaredCapabilities() {
        return InMemoryProvider.ALL_CAPABILITIES;
    }

    @Override
    public boolean purchasesCanStayPending() {
        return true;
    }

    /** The in-memory carrier answers at once, faults cost no time: a larger schedule than HTTP providers run. */
    @Override
    public int chaosOperations() {
        return 1500;
    }
}
