package dev.telephony.testkit.contract;

import dev.telephony.api.Capability;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The root of the contract. A provider's test class implements the contract interfaces (or
 * {@link TelephonyContract}, which gathers them) and this interface's two methods; the contract's
 * {@code @Test} methods then run against a fresh harness each, injected as a parameter.
 */
@ExtendWith(ContractExtension.class)
public interface ProviderContract {
    /** A fresh harness for one test: its own carrier state, simulator, clock and provider. */
    ProviderHarness createHarness();

    /**
     * The capabilities the provider under test declares. The contract tests each capability from both
     * sides: it works where declared, and fails as unsupported where not.
     */
    Set<Capability> declaredCapabilities();

    /**
     * Whether the provider's purchases can stay PENDING while the carrier holds its orders
     * ({@link dev.telephony.testkit.carrier.CarrierState#holdOrders(boolean)}), as asynchronous
     * providers' do. Enables the contract's tests of waiting and time-outs.
     */
    default boolean purchasesCanStayPending() {
        return false;
    }
}
