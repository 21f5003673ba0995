package dev.telephony.cli;

import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberType;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Every filter of the neutral search, shared by {@code search} and {@code buy --from-search}. */
final class SearchFilters {
    static final List<String> OPTIONS = List.of("--country", "--type", "--area-code", "--exchange", "--region",
            "--locality", "--rate-center", "--contains", "--starts-with", "--ends-with", "--feature");

    @Option(names = "--country", paramLabel = "CC", defaultValue = "US",
            description = "ISO country code (default: ${DEFAULT-VALUE}).")
    String country;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "local", converter = Converters.Type.class,
            description = "local, toll-free or mobile (default: ${DEFAULT-VALUE}).")
    NumberType type;

    @Option(names = "--area-code", paramLabel = "NPA", description = "Area code, such as 212.")
    String areaCode;

    @Option(names = "--exchange", paramLabel = "NXX", description = "Exchange within the area code, such as 555.")
    String exchange;

    @Option(names = "--region", paramLabel = "STATE", description = "State, province or division, such as NY.")
    String region;

    @Option(names = "--locality", paramLabel = "CITY", description = "City or locality, such as 'New York'.")
    String locality;

    @Option(names = "--rate-center", paramLabel = "NAME", description = "Rate center, such as NWYRCYZN01.")
    String rateCenter;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Pattern pattern;

    @Option(names = "--feature", paramLabel = "FEATURE", split = ",", converter = Converters.Feature.class,
            description = "Required features: voice, sms, mms, fax (repeat or separate with commas).")
    List<NumberFeature> features = new ArrayList<>();

    static final class Pattern {
        @Option(names = "--contains", paramLabel = "DIGITS", description = "Numbers whose digits contain DIGITS.")
        String contains;

        @Option(names = "--starts-with", paramLabel = "DIGITS", description = "Numbers whose national number starts with DIGITS.")
        String startsWith;

        @Option(names = "--ends-with", paramLabel = "DIGITS", description = "Numbers whose digits end with DIGITS.")
        String endsWith;
    }

    /** The search these filters describe, at most {@code limit} results; the library checks every value. */
    NumberSearch search(int limit) {
        NumberSearch.Builder b = NumberSearch.builder().country(country.strip().toUpperCase(java.util.Locale.ROOT)).type(type).limit(limit);
        if (areaCode != null) {
            b.areaCode(areaCode);
        }
        if (exchange != null) {
            b.exchange(exchange);
        }
        if (region != null) {
            b.region(region);
        }
        if (locality != null) {
            b.locality(locality);
        }
        if (rateCenter != null) {
            b.rateCenter(rateCenter);
        }
        if (pattern != null) {
            if (pattern.contains != null) {
                b.contains(pattern.contains);
            } else if (pattern.startsWith != null) {
                b.startsWith(pattern.startsWith);
            } else if (pattern.endsWith != null) {
                b.endsWith(pattern.endsWith);
            }
        }
        b.features(features.toArray(NumberFeature[]::new));
        return b.build();
    }
}
