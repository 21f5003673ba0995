package dev.telephony.api;

import java.util.Set;

/**
 * One provider, connected and configured. Get one with {@link Telephony#connect()}; close it when
 * done (it owns connection pools).
 *
 * <p>What the provider cannot do is absent from {@link #capabilities()} and fails with
 * {@link dev.telephony.api.error.UnsupportedCapabilityException} before any request.
 */
public interface TelephonyProvider extends AutoCloseable {
    /** The provider's registered name, such as {@code signalwire}. */
    String name();

    /** What this provider can do. Unmodifiable. */
    Set<Capability> capabilities();

    /** Whether {@code capability} is among {@link #capabilities()}. */
    default boolean supports(Capability capability) {
        return capabilities().contains(capability);
    }

    NumberInventory inventory();

    NumberPurchaser purchaser();

    /** Porting; every call fails with {@code UnsupportedCapabilityException} without {@link Capability#PORTING}. */
    PortingService porting();

    /**
     * Holds: choosing exactly which numbers to buy. Every call fails with
     * {@code UnsupportedCapabilityException} without {@link Capability#HOLDS}; a provider written before
     * holds existed gets such a service from this default.
     */
    default NumberHolds holds() {
        return dev.telephony.api.spi.Unsupported.holds(name());
    }

    /**
     * A typed provider extension (Alianza assignments, Azure SIP routing, …).
     *
     * @throws dev.telephony.api.error.UnsupportedCapabilityException when this provider has no such extension
     * @throws dev.telephony.api.error.InvalidRequestException naming {@code extension} when it is null
     */
    <T> T unwrap(Class<T> extension);

    /** Releases connections and threads. Idempotent. */
    @Override
    void close();
}
