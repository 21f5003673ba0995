package dev.telephony.api;

import dev.telephony.api.error.InvalidRequestException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What to search for. Built with {@link #builder()}; every filter is optional except the country.
 * A filter the provider cannot apply fails the search with
 * {@link dev.telephony.api.error.UnsupportedCapabilityException}: nothing is silently ignored.
 *
 * <pre>{@code
 * NumberSearch.builder().country("US").areaCode("212").type(NumberType.LOCAL).limit(5).build()
 * }</pre>
 */
public final class NumberSearch {
    /** The largest {@link #limit()} any provider is asked for. */
    public static final int MAX_LIMIT = 100;
    /** The limit when none is given. */
    public static final int DEFAULT_LIMIT = 10;

    private final String country;
    private final NumberType type;
    private final String areaCode;
    private final String exchange;
    private final String region;
    private final String locality;
    private final String rateCenter;
    private final DigitPattern pattern;
    private final Set<NumberFeature> features;
    private final int limit;
    private final boolean holdResults;

    private NumberSearch(Builder b) {
        this.country = Fields.requireCountry("search.country", b.country);
        this.type = Fields.requireNonNull("search.type", b.type);
        this.areaCode = b.areaCode;
        this.exchange = b.exchange;
        this.region = b.region;
        this.locality = b.locality;
        this.rateCenter = b.rateCenter;
        this.pattern = b.pattern;
        this.features = Set.copyOf(b.features);
        this.limit = Fields.requireRange("search.limit", b.limit, 1, MAX_LIMIT);
        this.holdResults = b.holdResults;
        if (exchange != null && areaCode == null) {
            throw InvalidRequestException.of("search.exchange", "needs search.areaCode: an exchange (NXX) lies within an area code");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this search's values, to vary it. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.country = country;
        b.type = type;
        b.areaCode = areaCode;
        b.exchange = exchange;
        b.region = region;
        b.locality = locality;
        b.rateCenter = rateCenter;
        b.pattern = pattern;
        b.features.addAll(features);
        b.limit = limit;
        b.holdResults = holdResults;
        return b;
    }

    public String country() {
        return country;
    }

    public NumberType type() {
        return type;
    }

    public Optional<String> areaCode() {
        return Optional.ofNullable(areaCode);
    }

    public Optional<String> exchange() {
        return Optional.ofNullable(exchange);
    }

    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    public Optional<String> locality() {
        return Optional.ofNullable(locality);
    }

    public Optional<String> rateCenter() {
        return Optional.ofNullable(rateCenter);
    }

    public Optional<DigitPattern> pattern() {
        return Optional.ofNullable(pattern);
    }

    /** Features every result must have; empty for no constraint. */
    public Set<NumberFeature> features() {
        return features;
    }

    public int limit() {
        return limit;
    }

    /**
     * Whether the caller asks the provider to hold what it finds for a while (each offer then carries
     * its {@link AvailableNumber#holdExpiresAt()}), rather than to show a sample of what is on offer.
     * Needs {@link Capability#HOLDS}.
     */
    public boolean holdResults() {
        return holdResults;
    }

    /** The capabilities a provider needs to run this search exactly as asked. */
    public Set<Capability> requiredCapabilities() {
        Set<Capability> needed = EnumSet.of(switch (type) {
            case LOCAL -> Capability.SEARCH_LOCAL;
            case TOLL_FREE -> Capability.SEARCH_TOLL_FREE;
            case MOBILE -> Capability.SEARCH_MOBILE;
        });
        if (areaCode != null) {
            needed.add(Capability.SEARCH_BY_AREA_CODE);
        }
        if (exchange != null) {
            needed.add(Capability.SEARCH_BY_EXCHANGE);
        }
        // a rate center's name is unique only within its state, so a state given with one is part of it
        if (region != null && rateCenter == null) {
            needed.add(Capability.SEARCH_BY_REGION);
        }
        if (locality != null) {
            needed.add(Capability.SEARCH_BY_LOCALITY);
        }
        if (rateCenter != null) {
            needed.add(Capability.SEARCH_BY_RATE_CENTER);
        }
        if (pattern != null) {
            needed.add(pattern.capability());
        }
        if (!features.isEmpty()) {
            needed.add(Capability.SEARCH_BY_FEATURES);
        }
        if (holdResults) {
            needed.add(Capability.HOLDS);
        }
        return Set.copyOf(needed);
    }

    /**
     * Whether an offered number satisfies every filter of this search. Providers whose API ignores a
     * filter use this to apply it to the results themselves.
     */
    public boolean matches(AvailableNumber offer) {
        Fields.requireNonNull("offer", offer);
        return offer.type() == type
                && (areaCode == null || offer.number().nationalNumber().startsWith(areaCode))
                && (exchange == null || offer.number().nationalNumber().startsWith(areaCode + exchange))
                && (region == null || region.equalsIgnoreCase(offer.region().orElse("")))
                && (locality == null || locality.equalsIgnoreCase(offer.locality().orElse("")))
                && (rateCenter == null || rateCenter.equalsIgnoreCase(offer.rateCenter().orElse("")))
                && (pattern == null || pattern.matches(offer.number()))
                && offer.features().containsAll(features);
    }

    /**
     * Whether an offer a provider answered is not at odds with this search, by what the offer says about
     * itself: its type, area code, exchange and digit pattern always, its region and locality where the
     * offer names them (ignoring case). Providers whose answers may stray from what was asked drop what this
     * refuses, never relabel it; country and features are theirs to check, as their answers allow.
     */
    public boolean admits(AvailableNumber offer) {
        Fields.requireNonNull("offer", offer);
        // plain tests rather than Optional chains: every result of every search passes here
        if (offer.type() != type) {
            return false;
        }
        String national = offer.number().nationalNumber();
        if (areaCode != null && !national.startsWith(exchange == null ? areaCode : areaCode + exchange)) {
            return false;
        }
        if (pattern != null && !pattern.matches(offer.number())) {
            return false;
        }
        return sameOrUnnamed(region, offer.region()) && sameOrUnnamed(locality, offer.locality());
    }

    private static boolean sameOrUnnamed(String asked, Optional<String> answered) {
        return asked == null || answered.isEmpty() || asked.equalsIgnoreCase(answered.get());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("NumberSearch[country=").append(country).append(", type=").append(type);
        areaCode().ifPresent(v -> text.append(", areaCode=").append(v));
        exchange().ifPresent(v -> text.append(", exchange=").append(v));
        region().ifPresent(v -> text.append(", region=").append(v));
        locality().ifPresent(v -> text.append(", locality=").append(v));
        rateCenter().ifPresent(v -> text.append(", rateCenter=").append(v));
        pattern().ifPresent(v -> text.append(", pattern=").append(v.kind()).append(' ').append(v.digits()));
        if (!features.isEmpty()) {
            text.append(", features=").append(features);
        }
        text.append(", limit=").append(limit);
        if (holdResults) {
            text.append(", holdResults");
        }
        return text.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumberSearch s && toString().equals(s.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** Builds a {@link NumberSearch}; {@link #build()} validates and names any broken rule. */
    public static final class Builder {
        private String country;
        private NumberType type = NumberType.LOCAL;
        private String areaCode;
        private String exchange;
        private String region;
        private String locality;
        private String rateCenter;
        private DigitPattern pattern;
        private final Set<NumberFeature> features = EnumSet.noneOf(NumberFeature.class);
        private int limit = DEFAULT_LIMIT;
        private boolean holdResults;

        private Builder() {
        }

        /** ISO 3166 alpha-2 country code, such as {@code US}. Required. */
        public Builder country(String country) {
            this.country = Fields.requireCountry("search.country", country);
            return this;
        }

        /** The kind of number; {@link NumberType#LOCAL} when not given. */
        public Builder type(NumberType type) {
            this.type = Fields.requireNonNull("search.type", type);
            return this;
        }

        /** Area code (NPA in North America): 3 digits there, 1 to 5 elsewhere. */
        public Builder areaCode(String areaCode) {
            this.areaCode = Fields.requireDigits("search.areaCode", areaCode, 1, 5);
            return this;
        }

        /** Exchange (NXX), 3 digits; needs an area code. */
        public Builder exchange(String exchange) {
            this.exchange = Fields.requireDigits("search.exchange", exchange, 3, 3);
            return this;
        }

        /** State, province or division code, such as {@code NY}. */
        public Builder region(String region) {
            this.region = Fields.requireMaxLength("search.region", region, 64).toUpperCase(Locale.ROOT);
            return this;
        }

        /** City or locality name. */
        public Builder locality(String locality) {
            this.locality = Fields.requireMaxLength("search.locality", locality, 128);
            return this;
        }

        /** Rate center name, such as {@code BINGHAMTON}. */
        public Builder rateCenter(String rateCenter) {
            this.rateCenter = Fields.requireMaxLength("search.rateCenter", rateCenter, 64).toUpperCase(Locale.ROOT);
            return this;
        }

        /** Numbers whose national number starts with {@code digits}. Replaces any other pattern. */
        public Builder startsWith(String digits) {
            this.pattern = new DigitPattern(DigitPattern.Kind.STARTS_WITH, digits);
            return this;
        }

        /** Numbers whose national number contains {@code digits}. Replaces any other pattern. */
        public Builder contains(String digits) {
            this.pattern = new DigitPattern(DigitPattern.Kind.CONTAINS, digits);
            return this;
        }

        /** Numbers whose national number ends with {@code digits}. Replaces any other pattern. */
        public Builder endsWith(String digits) {
            this.pattern = new DigitPattern(DigitPattern.Kind.ENDS_WITH, digits);
            return this;
        }

        /** Only numbers having all these features; adds to those already given. */
        public Builder features(NumberFeature... features) {
            // checked in full before any is added, so that a refused call leaves the builder as it was
            this.features.addAll(Fields.requireEntries("search.features", Arrays.asList(Fields.requireNonNull("search.features", features))));
            return this;
        }

        /** How many results at most, 1 to {@value NumberSearch#MAX_LIMIT}; {@value NumberSearch#DEFAULT_LIMIT} when not given. */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Whether the provider should hold what it finds (see {@link NumberSearch#holdResults()});
         * {@code false} when not given. Needs {@link Capability#HOLDS}.
         */
        public Builder holdResults(boolean holdResults) {
            this.holdResults = holdResults;
            return this;
        }

        public NumberSearch build() {
            if (areaCode != null && ("US".equalsIgnoreCase(country) || "CA".equalsIgnoreCase(country))
                    && (areaCode.length() != 3 || areaCode.charAt(0) < '2')) {
                throw InvalidRequestException.of("search.areaCode",
                        "must be 3 digits not starting with 0 or 1 in North America, was '" + areaCode + "'");
            }
            return new NumberSearch(this);
        }
    }
}
