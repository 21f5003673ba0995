package dev.telephony.api.error;

import dev.telephony.api.Capability;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider cannot do this: it is absent from the provider's capabilities. Raised before any
 * request, never by silently ignoring part of a request.
 */
public class UnsupportedCapabilityException extends NonRetryableException {
    private static final long serialVersionUID = 1L;

    private final Capability capability;
    private final String feature;

    /** The provider lacks a declared capability. */
    public UnsupportedCapabilityException(String provider, Capability capability) {
        super("provider '" + provider + "' does not support " + capability + " (" + capability.description() + ")",
                ErrorContext.of(provider), null);
        this.capability = capability;
        this.feature = capability.name();
    }

    /** The provider lacks something that is not a {@link Capability}, such as a typed extension. */
    public UnsupportedCapabilityException(String provider, String feature) {
        super("provider '" + provider + "' does not support " + Objects.requireNonNull(feature, "feature"),
                ErrorContext.of(provider), null);
        this.capability = null;
        this.feature = feature;
    }

    /** The capability that is missing, when the missing thing is one. */
    public Optional<Capability> capability() {
        return Optional.ofNullable(capability);
    }

    /** What is missing, in words (the capability's name, or the extension's type). */
    public String feature() {
        return feature;
    }
}
