package dev.telephony.composite;

import dev.telephony.api.Capability;
import dev.telephony.testkit.contract.ProviderHarness;
import dev.telephony.testkit.contract.TelephonyContract;
import dev.telephony.testkit.memory.InMemoryProvider;
import java.util.EnumSet;
import java.util.Set;

/**
 * The whole contract against a composite of two in-memory carriers: the contract's carrier first, with
 * every capability and purchases that complete later (as Azure's and Alianza's do), and a bystander
 * carrier second that can do everything but port (so that porting has one member to go to).
 */
class CompositeInMemoryContractTest implements TelephonyContract {
    static final Set<Capability> BYSTANDER = Set.copyOf(EnumSet.complementOf(EnumSet.of(Capability.PORTING)));

    @Override
    public ProviderHarness createHarness() {
        return new CompositeInMemoryHarness(InMemoryProvider.ALL_CAPABILITIES, BYSTANDER, true, true);
    }

    @Override
    public Set<Capability> declaredCapabilities() {
        // the composite does not route holds, though its members have them
        return Set.copyOf(java.util.EnumSet.complementOf(java.util.EnumSet.of(Capability.HOLDS)));
    }

    @Override
    public boolean purchasesCanStayPending() {
        return true;
    }

    /** The composite connects its members through Telephony, and lists every provider to check their names. */
    @Override
    public boolean connectsOtherProviders() {
        return true;
    }

    /** The factory declares every capability; the members configured decide the composite's. */
    @Override
    public boolean capabilitiesDependOnConfiguration() {
        return true;
    }

    /** In-memory carriers answer at once: a larger schedule than HTTP providers run. */
    @Override
    public int chaosOperations() {
        return 600;
    }
}
