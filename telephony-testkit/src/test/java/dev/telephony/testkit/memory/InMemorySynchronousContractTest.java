package dev.telephony.testkit.memory;

import dev.telephony.api.Capability;
import dev.telephony.testkit.contract.ProviderHarness;
import dev.telephony.testkit.contract.TelephonyContract;
import java.util.Set;

/**
 * The whole contract against the in-memory provider with synchronous purchases, as SignalWire's are.
 * The two tests of waiting for PENDING orders are skipped here by design (nothing is ever pending);
 * {@link InMemoryContractTest} runs them.
 */
class InMemorySynchronousContractTest implements TelephonyContract {
    @Override
    public ProviderHarness createHarness() {
        return new InMemoryHarness(declaredCapabilities(), false);
    }

    @Override
    public Set<Capability> declaredCapabilities() {
        return InMemoryProvider.ALL_CAPABILITIES;
    }

    /** The in-memory carrier answers at once, faults cost no time: a larger schedule than HTTP providers run. */
    @Override
    public int chaosOperations() {
        return 1500;
    }
}
