package dev.telephony.testkit.contract;

/**
 * The whole contract. A provider's contract test implements this and supplies
 * {@link #createHarness()} and {@link #declaredCapabilities()}:
 *
 * <pre>{@code
 * class AcmeContractTest implements TelephonyContract {
 *     public ProviderHarness createHarness() { return new AcmeHarness(); }
 *     public Set<Capability> declaredCapabilities() { return AcmeProviderFactory.CAPABILITIES; }
 * }
 * }</pre>
 */
public interface TelephonyContract extends NumberInventoryContract, NumberPurchaserContract, NumberHoldsContract, PortingServiceContract,
        ReliabilityContract, ChaosContract, AnswerMutationContract, InputValidationContract, CapabilityContract, SecretsContract,
        DiscoveryContract, InputFuzzContract {
}
