package dev.telephony.compat.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** {@code GET …/AvailablePhoneNumbers.json}: the countries numbers can be searched in. */
public record Countries(List<Country> countries) {
    public Countries {
        countries = countries == null ? List.of() : countries;
    }

    /** One country, with a sub-resource per number type it offers ({@code local}, {@code toll_free}, {@code mobile}). */
    public record Country(@JsonProperty("country_code") String countryCode, String country,
                          @JsonProperty("subresource_uris") Map<String, String> subresourceUris) {
    }
}
