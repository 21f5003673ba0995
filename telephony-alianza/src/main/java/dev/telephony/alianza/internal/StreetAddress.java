package dev.telephony.alianza.internal;

/**
 * An address as the guide writes it ({@code street, city, state, zipCode} and, for E911, the
 * {@code location} within the building). {@code businessName} is the name registered with an E911
 * address, as in the public OpenAPI's {@code E911AddressX}.
 */
public record StreetAddress(String businessName, String street, String city, String state, String zipCode,
                            String location) {
}
