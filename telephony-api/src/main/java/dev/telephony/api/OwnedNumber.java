package dev.telephony.api;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A number the account owns.
 *
 * @param id             the provider's id for it (a UUID, a SID, or the number itself)
 * @param number         the number
 * @param name           its friendly name, if any
 * @param type           local, toll-free or mobile
 * @param features       what it can carry
 * @param status         where it stands
 * @param voiceRoute     where incoming calls go
 * @param messagingRoute where incoming messages go
 * @param e911Address    its registered emergency address
 * @param callerIdName   its caller-ID name (CNAM)
 * @param createdAt      when it was bought or ported in
 * @param attributes     every other fact the provider reports, by the provider's own field names;
 *                       unmodifiable
 */
public record OwnedNumber(String id, PhoneNumber number, Optional<String> name, NumberType type,
                          Set<NumberFeature> features, NumberStatus status, Optional<Route> voiceRoute,
                          Optional<Route> messagingRoute, Optional<E911Address> e911Address,
                          Optional<String> callerIdName, Optional<Instant> createdAt,
                          Map<String, String> attributes) {
    public OwnedNumber {
        Fields.requireNonNull("owned.id", id);
        Fields.requireNonNull("owned.number", number);
        Fields.requireNonNull("owned.name", name);
        Fields.requireNonNull("owned.type", type);
        features = Fields.enumSetCopy("owned.features", features, NumberFeature.class);
        Fields.requireNonNull("owned.status", status);
        Fields.requireNonNull("owned.voiceRoute", voiceRoute);
        Fields.requireNonNull("owned.messagingRoute", messagingRoute);
        Fields.requireNonNull("owned.e911Address", e911Address);
        Fields.requireNonNull("owned.callerIdName", callerIdName);
        Fields.requireNonNull("owned.createdAt", createdAt);
        attributes = Collections2.unmodifiableCopy("owned.attributes", attributes);
    }

    public static Builder builder(String id, PhoneNumber number) {
        return new Builder(id, number);
    }

    /** A builder holding this number's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(id, number);
        b.name = name.orElse(null);
        b.type = type;
        b.features = features;
        b.status = status;
        b.voiceRoute = voiceRoute.orElse(null);
        b.messagingRoute = messagingRoute.orElse(null);
        b.e911Address = e911Address.orElse(null);
        b.callerIdName = callerIdName.orElse(null);
        b.createdAt = createdAt.orElse(null);
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            b.attribute(attribute.getKey(), attribute.getValue());
        }
        return b;
    }

    /** Builds an {@link OwnedNumber}; providers use it to map their wire objects. */
    public static final class Builder {
        private final String id;
        private final PhoneNumber number;
        private String name;
        private NumberType type = NumberType.LOCAL;
        private Set<NumberFeature> features = Set.of();
        private NumberStatus status = NumberStatus.ACTIVE;
        private Route voiceRoute;
        private Route messagingRoute;
        private E911Address e911Address;
        private String callerIdName;
        private Instant createdAt;
        private Collections2.Attributes attributes = new Collections2.Attributes();

        private Builder(String id, PhoneNumber number) {
            this.id = Fields.requireNonNull("owned.id", id);
            this.number = Fields.requireNonNull("owned.number", number);
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder type(NumberType type) {
            this.type = type;
            return this;
        }

        public Builder features(Set<NumberFeature> features) {
            this.features = features;
            return this;
        }

        public Builder status(NumberStatus status) {
            this.status = status;
            return this;
        }

        public Builder voiceRoute(Route voiceRoute) {
            this.voiceRoute = voiceRoute;
            return this;
        }

        public Builder messagingRoute(Route messagingRoute) {
            this.messagingRoute = messagingRoute;
            return this;
        }

        public Builder e911Address(E911Address e911Address) {
            this.e911Address = e911Address;
            return this;
        }

        public Builder callerIdName(String callerIdName) {
            this.callerIdName = callerIdName;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Adds a provider fact; {@code null} values are left out. */
        public Builder attribute(String key, String value) {
            Fields.requireNonNull("owned.attributes key", key);
            if (value != null) {
                attributes = attributes.writable();
                attributes.put(key, value);
            }
            return this;
        }

        public OwnedNumber build() {
            return new OwnedNumber(id, number, Optional.ofNullable(name), type, features, status,
                    Optional.ofNullable(voiceRoute), Optional.ofNullable(messagingRoute),
                    Optional.ofNullable(e911Address), Optional.ofNullable(callerIdName),
                    Optional.ofNullable(createdAt), attributes.handOver());
        }
    }
}
