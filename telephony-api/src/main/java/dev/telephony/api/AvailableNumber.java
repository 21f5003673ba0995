package dev.telephony.api;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A number a search offered. Pass it to {@link PurchaseRequest#of(AvailableNumber...)} to buy it.
 *
 * @param number        the number
 * @param type          local, toll-free or mobile
 * @param features      what it can carry
 * @param countryCode   ISO 3166 alpha-2 country
 * @param region        state or division, when known
 * @param locality      city, when known
 * @param rateCenter    rate center, when known
 * @param holdExpiresAt when the provider stops holding it for us, for providers that hold search
 *                      results (Azure: about 15 minutes); empty when nothing is held
 * @param attributes    provider-specific facts needed to buy it or worth showing (an Azure search id,
 *                      a LATA, a price), unmodifiable
 */
public record AvailableNumber(PhoneNumber number, NumberType type, Set<NumberFeature> features, String countryCode,
                              Optional<String> region, Optional<String> locality, Optional<String> rateCenter,
                              Optional<Instant> holdExpiresAt, Map<String, String> attributes) {
    public AvailableNumber {
        Fields.requireNonNull("offer.number", number);
        Fields.requireNonNull("offer.type", type);
        features = Fields.enumSetCopy("offer.features", features, NumberFeature.class);
        countryCode = Fields.requireCountry("offer.countryCode", countryCode);
        Fields.requireNonNull("offer.region", region);
        Fields.requireNonNull("offer.locality", locality);
        Fields.requireNonNull("offer.rateCenter", rateCenter);
        Fields.requireNonNull("offer.holdExpiresAt", holdExpiresAt);
        attributes = Collections2.unmodifiableCopy("offer.attributes", attributes);
    }

    public static Builder builder(PhoneNumber number) {
        return new Builder(number);
    }

    /** Whether the provider's hold on this offer has run out at {@code now}. */
    public boolean holdExpired(Instant now) {
        Fields.requireNonNull("now", now);
        return holdExpiresAt.map(expiry -> !now.isBefore(expiry)).orElse(false);
    }

    /** Builds an {@link AvailableNumber}. */
    public static final class Builder {
        private final PhoneNumber number;
        private NumberType type = NumberType.LOCAL;
        private Set<NumberFeature> features = Set.of();
        private String countryCode = "US";
        private String region;
        private String locality;
        private String rateCenter;
        private Instant holdExpiresAt;
        /** Null until the first attribute: most offers of most providers have few or none. */
        private Collections2.Attributes attributes;

        private Builder(PhoneNumber number) {
            this.number = Fields.requireNonNull("offer.number", number);
        }

        public Builder type(NumberType type) {
            this.type = type;
            return this;
        }

        public Builder features(Set<NumberFeature> features) {
            this.features = features;
            return this;
        }

        public Builder countryCode(String countryCode) {
            this.countryCode = countryCode;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder locality(String locality) {
            this.locality = locality;
            return this;
        }

        public Builder rateCenter(String rateCenter) {
            this.rateCenter = rateCenter;
            return this;
        }

        public Builder holdExpiresAt(Instant holdExpiresAt) {
            this.holdExpiresAt = holdExpiresAt;
            return this;
        }

        /** Adds a provider fact; {@code null} values are left out. */
        public Builder attribute(String key, String value) {
            Fields.requireNonNull("offer.attributes key", key);
            if (value != null) {
                attributes = attributes == null ? new Collections2.Attributes() : attributes.writable();
                attributes.put(key, value);
            }
            return this;
        }

        public AvailableNumber build() {
            return new AvailableNumber(number, type, features, countryCode, Optional.ofNullable(region),
                    Optional.ofNullable(locality), Optional.ofNullable(rateCenter), Optional.ofNullable(holdExpiresAt),
                    attributes == null ? Map.of() : attributes.handOver());
        }
    }
}
