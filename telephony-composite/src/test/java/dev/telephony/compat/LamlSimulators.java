package dev.telephony.compat;

import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.wire.WireSimulator;
import java.net.URI;

/**
 * The LaML simulator of {@code telephony-signalwire-compat}'s tests (package-private there), made
 * reachable for the composite's tests from the same package.
 */
public final class LamlSimulators {
    private LamlSimulators() {
    }

    /** A simulator of SignalWire's compatibility API on {@code carrier}. */
    public static WireSimulator signalWireCompat(CarrierState carrier, String projectId, String authToken) {
        return new LamlSimulator(carrier, "/api/laml/2010-04-01", projectId, authToken, false);
    }

    /** The API root of a simulator {@link #signalWireCompat} made: the provider's base URL. */
    public static URI apiRoot(WireSimulator simulator) {
        return ((LamlSimulator) simulator).apiRoot();
    }
}
