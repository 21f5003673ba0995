package dev.telephony.api;

import java.util.Optional;

/**
 * A postal address, used for E911 registration and for the service address of a port.
 *
 * @param street     street line, such as {@code 135 Front St}
 * @param unit       suite, floor or other secondary location, if any
 * @param city       city
 * @param state      state or province code, such as {@code NY}
 * @param postalCode ZIP or postal code
 * @param country    ISO 3166 alpha-2 country
 */
public record Address(String street, Optional<String> unit, String city, String state, String postalCode,
                      String country) {
    public Address {
        street = Fields.requireMaxLength("address.street", street, 200);
        unit = Fields.requireNonNull("address.unit", unit).map(u -> Fields.requireMaxLength("address.unit", u, 100));
        city = Fields.requireMaxLength("address.city", city, 100);
        state = Fields.requireMaxLength("address.state", state, 50);
        postalCode = Fields.requireMaxLength("address.postalCode", postalCode, 20);
        country = Fields.requireCountry("address.country", country);
    }

    /** A US address without a unit. */
    public static Address us(String street, String city, String state, String postalCode) {
        return new Address(street, Optional.empty(), city, state, postalCode, "US");
    }

    /** This address with a unit (suite, floor). */
    public Address withUnit(String unit) {
        return new Address(street, Optional.of(Fields.requireMaxLength("address.unit", unit, 100)), city, state, postalCode, country);
    }
}
