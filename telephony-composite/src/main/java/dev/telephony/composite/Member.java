package dev.telephony.composite;

import dev.telephony.api.Capability;
import dev.telephony.api.TelephonyProvider;
import java.util.Set;

/** One carrier of a composite: the name the composite knows it by, and its provider. */
record Member(String name, TelephonyProvider provider) {
    Set<Capability> capabilities() {
        return provider.capabilities();
    }

    boolean supports(Capability capability) {
        return provider.supports(capability);
    }

    boolean supportsAll(Set<Capability> needed) {
        return provider.capabilities().containsAll(needed);
    }

    /** The first capability of {@code needed} (in declaration order) this member lacks, if any. */
    java.util.Optional<Capability> firstMissing(Set<Capability> needed) {
        for (Capability capability : Capability.values()) {
            if (needed.contains(capability) && !supports(capability)) {
                return java.util.Optional.of(capability);
            }
        }
        return java.util.Optional.empty();
    }
}
