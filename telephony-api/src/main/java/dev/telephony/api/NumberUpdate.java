package dev.telephony.api;

import dev.telephony.api.error.InvalidRequestException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A change to an owned number: only the fields set are changed, the rest are left as they are.
 *
 * <pre>{@code
 * NumberUpdate.builder().name("Support line").voiceRoute(Route.to("https://example.com/voice")).build()
 * }</pre>
 */
public final class NumberUpdate {
    private final String name;
    private final Route voiceRoute;
    private final Route messagingRoute;
    private final String callerIdName;
    private final E911Address e911Address;
    private final Set<NumberFeature> features;

    private NumberUpdate(Builder b) {
        this.name = b.name;
        this.voiceRoute = b.voiceRoute;
        this.messagingRoute = b.messagingRoute;
        this.callerIdName = b.callerIdName;
        this.e911Address = b.e911Address;
        this.features = b.features;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<Route> voiceRoute() {
        return Optional.ofNullable(voiceRoute);
    }

    public Optional<Route> messagingRoute() {
        return Optional.ofNullable(messagingRoute);
    }

    public Optional<String> callerIdName() {
        return Optional.ofNullable(callerIdName);
    }

    public Optional<E911Address> e911Address() {
        return Optional.ofNullable(e911Address);
    }

    /** The complete set of features the number should have afterwards, when being changed. */
    public Optional<Set<NumberFeature>> features() {
        return Optional.ofNullable(features);
    }

    /** The capabilities a provider needs to apply this update in full. */
    public Set<Capability> requiredCapabilities() {
        Set<Capability> needed = EnumSet.noneOf(Capability.class);
        if (name != null) {
            needed.add(Capability.NAMES);
        }
        if (voiceRoute != null) {
            needed.add(Capability.VOICE_ROUTING);
        }
        if (messagingRoute != null) {
            needed.add(Capability.MESSAGING_ROUTING);
        }
        if (callerIdName != null) {
            needed.add(Capability.CALLER_ID_NAME);
        }
        if (e911Address != null) {
            needed.add(Capability.E911);
        }
        if (features != null) {
            needed.add(Capability.FEATURE_UPDATE);
        }
        return Set.copyOf(needed);
    }

    /** {@code number} with this update applied, as a provider that stores numbers itself would keep it. */
    public OwnedNumber applyTo(OwnedNumber number) {
        OwnedNumber.Builder b = Fields.requireNonNull("number", number).toBuilder();
        name().ifPresent(b::name);
        voiceRoute().ifPresent(b::voiceRoute);
        messagingRoute().ifPresent(b::messagingRoute);
        callerIdName().ifPresent(b::callerIdName);
        e911Address().ifPresent(b::e911Address);
        features().ifPresent(b::features);
        return b.build();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("NumberUpdate[");
        name().ifPresent(v -> text.append("name=").append(v).append(", "));
        voiceRoute().ifPresent(v -> text.append("voiceRoute=").append(v.url()).append(", "));
        messagingRoute().ifPresent(v -> text.append("messagingRoute=").append(v.url()).append(", "));
        callerIdName().ifPresent(v -> text.append("callerIdName=").append(v).append(", "));
        e911Address().ifPresent(v -> text.append("e911Address=").append(v).append(", "));
        features().ifPresent(v -> text.append("features=").append(v).append(", "));
        return text.substring(0, text.length() - 2) + "]";
    }

    /** Builds a {@link NumberUpdate}; each setter validates its value and names the rule it breaks. */
    public static final class Builder {
        private String name;
        private Route voiceRoute;
        private Route messagingRoute;
        private String callerIdName;
        private E911Address e911Address;
        private Set<NumberFeature> features;

        private Builder() {
        }

        /** The friendly name, 1 to 64 characters. */
        public Builder name(String name) {
            this.name = Fields.requireMaxLength("update.name", name, 64);
            return this;
        }

        public Builder voiceRoute(Route route) {
            this.voiceRoute = Fields.requireNonNull("update.voiceRoute", route);
            return this;
        }

        public Builder messagingRoute(Route route) {
            this.messagingRoute = Fields.requireNonNull("update.messagingRoute", route);
            return this;
        }

        /** The caller-ID name: at most 15 characters, capital letters, digits and spaces. */
        public Builder callerIdName(String callerIdName) {
            this.callerIdName = Fields.requireCallerIdName("update.callerIdName", callerIdName);
            return this;
        }

        public Builder e911Address(E911Address address) {
            this.e911Address = Fields.requireNonNull("update.e911Address", address);
            return this;
        }

        /** The complete set of features the number should have. */
        public Builder features(Set<NumberFeature> features) {
            Fields.requireNotEmpty("update.features", features);
            this.features = Fields.enumSetCopy("update.features", features, NumberFeature.class);
            return this;
        }

        public NumberUpdate build() {
            if (name == null && voiceRoute == null && messagingRoute == null && callerIdName == null
                    && e911Address == null && features == null) {
                throw InvalidRequestException.of("update", "must change at least one field");
            }
            return new NumberUpdate(this);
        }
    }
}
