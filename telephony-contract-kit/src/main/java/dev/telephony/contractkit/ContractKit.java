package dev.telephony.contractkit;

/**
 * Names the kit's parts; see the package documentation for what to depend on. The contract itself is
 * {@code dev.telephony.testkit.contract.TelephonyContract}.
 */
public final class ContractKit {
    /** The interface a provider's contract test implements. */
    public static final String CONTRACT = "dev.telephony.testkit.contract.TelephonyContract";
    /** The base class of a provider's stateful simulator. */
    public static final String SIMULATOR_BASE = "dev.telephony.testkit.wire.WireSimulator";
    /** The base class of a provider's harness. */
    public static final String HARNESS_BASE = "dev.telephony.testkit.contract.AbstractHarness";

    private ContractKit() {
    }
}
