package dev.telephony.api;

import java.util.Optional;
import java.util.Set;

/**
 * A place numbers can be searched in: a country, or a division, locality, rate center or area code
 * within one.
 *
 * @param id          the value to pass back in a {@link NumberSearch} (a country code, a state code, …)
 * @param name        a human-readable name
 * @param kind        what the region denotes
 * @param countryCode the ISO 3166 alpha-2 country the region lies in
 * @param parentId    the enclosing region's id, when there is one below the country
 * @param numberTypes the number types offered there; empty when the provider does not say
 */
public record Region(String id, String name, RegionKind kind, String countryCode, Optional<String> parentId,
                     Set<NumberType> numberTypes) {
    public Region {
        Fields.requireNonBlank("region.id", id);
        Fields.requireNonBlank("region.name", name);
        Fields.requireNonNull("region.kind", kind);
        countryCode = Fields.requireCountry("region.countryCode", countryCode);
        Fields.requireNonNull("region.parentId", parentId);
        numberTypes = Fields.setCopy("region.numberTypes", numberTypes);
    }

    /** A country region. */
    public static Region country(String countryCode, String name, Set<NumberType> numberTypes) {
        return new Region(countryCode, name, RegionKind.COUNTRY, countryCode, Optional.empty(), numberTypes);
    }
}
