package dev.telephony.api.spi;

import dev.telephony.api.Capability;
import dev.telephony.api.error.UnsupportedCapabilityException;
import java.util.Set;

/** The one check providers make before acting: is every capability the request needs declared? */
public final class Capabilities {
    private Capabilities() {
    }

    /**
     * Fails with {@link UnsupportedCapabilityException}, naming the provider and the first missing
     * capability (in declaration order), unless {@code declared} holds everything {@code needed}.
     */
    public static void require(String provider, Set<Capability> declared, Set<Capability> needed) {
        for (Capability capability : Capability.values()) {
            if (needed.contains(capability) && !declared.contains(capability)) {
                throw new UnsupportedCapabilityException(provider, capability);
            }
        }
    }

    /** {@link #require(String, Set, Set)} for one capability. */
    public static void require(String provider, Set<Capability> declared, Capability needed) {
        if (!declared.contains(needed)) {
            throw new UnsupportedCapabilityException(provider, needed);
        }
    }
}
