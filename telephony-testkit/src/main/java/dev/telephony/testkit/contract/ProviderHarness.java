package dev.telephony.testkit.contract;

import dev.telephony.api.TelephonyProvider;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.carrier.FaultInjector;
import dev.telephony.testkit.time.ManualClock;
import java.util.Set;

/**
 * What a provider's test class supplies to the contract, fresh for every test: the provider under
 * test wired to a simulated carrier, that carrier's state to seed and inspect, its fault injector, and
 * the controlled clock. Extend {@link AbstractHarness} rather than implementing this from scratch.
 */
public interface ProviderHarness extends AutoCloseable {
    /** The provider under test, connected with valid credentials, on {@link #clock()} and its sleeper. */
    TelephonyProvider provider();

    /**
     * A new provider instance on the same carrier, as after a restart of the caller's service: it
     * shares no memory with {@link #provider()}.
     */
    TelephonyProvider reconnect();

    /** A provider instance on the same carrier whose credentials the carrier refuses. */
    TelephonyProvider connectWithInvalidCredentials();

    /** The simulated carrier: seed offers, inspect purchases, releases, ports and request counts. */
    CarrierState carrier();

    /** The carrier's fault injector. */
    default FaultInjector faults() {
        return carrier().faults();
    }

    /** The controlled clock every provider instance of this harness waits on. */
    ManualClock clock();

    /**
     * The configuration with which {@code Telephony.connect(name, configuration)} creates this provider
     * through its factory: every required key, with values its {@code create()} accepts (the
     * {@link DiscoveryContract} checks the factory with it and sends no request).
     */
    default java.util.Map<String, String> factoryConfiguration() {
        throw new AssertionError(getClass().getName() + " must say how its provider is configured through its factory: "
                + "override ProviderHarness.factoryConfiguration() with a map of every required configuration key");
    }

    /** Every secret value configured into the providers; none may appear in a log or error message. */
    Set<String> secrets();

    /** Closes every provider instance and stops any simulator. */
    @Override
    void close();
}
