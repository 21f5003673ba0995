package dev.telephony.alianza;

import dev.telephony.alianza.internal.AccountNumber;
import dev.telephony.alianza.internal.DirectoryListingBody;
import dev.telephony.alianza.internal.NumberDetails;
import dev.telephony.alianza.internal.SearchResult;
import dev.telephony.alianza.internal.StreetAddress;
import dev.telephony.api.Address;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.E911Address;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberStatus;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.error.InvalidRequestException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Alianza's number objects mapped to neutral values, and back. Alianza reports no per-number
 * features: its numbers are voice lines, so they carry {@link NumberFeature#VOICE}. A number's id is
 * the number itself, as in Alianza's paths.
 */
final class AlianzaNumbers {
    /** The toll-free prefixes the guide lists. */
    static final Set<String> TOLL_FREE_PREFIXES = Set.of("800", "888", "877", "866", "855", "844", "833");

    private AlianzaNumbers() {
    }

    static boolean isTollFree(PhoneNumber number) {
        return number.isNanp() && TOLL_FREE_PREFIXES.contains(number.nationalNumber().substring(0, 3));
    }

    static NumberType typeOf(PhoneNumber number) {
        return isTollFree(number) ? NumberType.TOLL_FREE : NumberType.LOCAL;
    }

    /** A search result item; its type is the number's own (toll-free by its prefix), whatever was searched for. */
    static AvailableNumber offer(SearchResult.Item item) {
        PhoneNumber number = PhoneNumber.of(required(item.telephoneNumber(), "telephoneNumber"));
        return AvailableNumber.builder(number)
                .type(typeOf(number))
                .features(EnumSet.of(NumberFeature.VOICE))
                .countryCode("US")
                .region(blankToNull(item.state()))
                .rateCenter(blankToNull(item.rateCenter()))
                .attribute("formatted", blankToNull(item.formatted()))
                .attribute("npa", blankToNull(item.npa()))
                .attribute("nxx", blankToNull(item.nxx()))
                .attribute("line", blankToNull(item.line()))
                .attribute("lata", blankToNull(item.lata()))
                .build();
    }

    /** An item of the account's number list: assignment facts become attributes. */
    static OwnedNumber owned(AccountNumber item) {
        PhoneNumber number = PhoneNumber.of(required(item.telephoneNumber(), "telephoneNumber"));
        return OwnedNumber.builder(number.e164(), number)
                .type(typeOf(number))
                .features(EnumSet.of(NumberFeature.VOICE))
                .status(status(item.status()))
                .attribute("formatted", blankToNull(item.formatted()))
                .attribute("status", blankToNull(item.status()))
                .attribute("assignedTo", blankToNull(item.assignedTo()))
                .attribute("assignmentType", blankToNull(item.assignmentType()))
                .attribute("primary", text(item.primary()))
                .attribute("e911Registered", text(item.e911Registered()))
                .build();
    }

    /** A number's details: caller-ID name and E911 address typed, the rest as attributes. */
    static OwnedNumber owned(NumberDetails details) {
        PhoneNumber number = PhoneNumber.of(required(details.telephoneNumber(), "telephoneNumber"));
        OwnedNumber.Builder owned = OwnedNumber.builder(number.e164(), number)
                .type(typeOf(number))
                .features(EnumSet.of(NumberFeature.VOICE))
                .status(status(details.status()))
                .callerIdName(blankToNull(details.callerIdName()))
                .attribute("formatted", blankToNull(details.formatted()))
                .attribute("npa", blankToNull(details.npa()))
                .attribute("nxx", blankToNull(details.nxx()))
                .attribute("status", blankToNull(details.status()))
                .attribute("accountId", blankToNull(details.accountId()))
                .attribute("assignedTo", blankToNull(details.assignedTo()))
                .attribute("assignmentType", blankToNull(details.assignmentType()))
                .attribute("primary", text(details.primary()))
                .attribute("lineNumber", text(details.lineNumber()));
        if (details.e911() != null) {
            owned.attribute("e911Registered", text(details.e911().registered()));
            Optional<String> listedName = Optional.ofNullable(details.directoryListing()).map(DirectoryListingBody::name);
            e911(details.e911().address(), listedName).ifPresent(owned::e911Address);
        }
        DirectoryListingBody listing = details.directoryListing();
        if (listing != null) {
            owned.attribute("directoryListing.listed", text(listing.listed()));
            owned.attribute("directoryListing.name", blankToNull(listing.name()));
            owned.attribute("directoryListing.address", blankToNull(listing.address()));
        }
        return owned.build();
    }

    /** Where a number stands: Alianza's {@code ACTIVE}, the pending states, or anything else (cool-down, deletion). */
    static NumberStatus status(String status) {
        if (status == null || status.isBlank()) {
            return NumberStatus.ACTIVE;
        }
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "ACTIVE" -> NumberStatus.ACTIVE;
            case "PENDING", "ACTIVATION_PENDING", "ACTIVATION_ON_HOLD", "PORT_PENDING" -> NumberStatus.PENDING;
            default -> NumberStatus.INACTIVE;
        };
    }

    /** What the details say the number is assigned to, if anything. */
    static Optional<Assignment> assignment(NumberDetails details) {
        String target = blankToNull(details.assignedTo());
        String type = blankToNull(details.assignmentType());
        if (target == null || type == null) {
            return Optional.empty();
        }
        return Optional.of(switch (type.toUpperCase(Locale.ROOT)) {
            case "END_USER", "USER" -> new Assignment.EndUser(target, Boolean.TRUE.equals(details.primary()));
            case "DEVICE_LINE", "DEVICE" -> new Assignment.DeviceLine(target, details.lineNumber() == null ? 1 : details.lineNumber());
            case "IVR" -> new Assignment.Ivr(target);
            case "CALL_QUEUE" -> new Assignment.CallQueue(target);
            default -> throw new IllegalArgumentException("an unknown assignmentType '" + type + "'");
        });
    }

    /** The wire form of an E911 address; Alianza registers US addresses only. */
    static StreetAddress e911Body(String field, E911Address e911) {
        Address address = e911.address();
        if (!address.country().equals("US")) {
            throw InvalidRequestException.of(field + ".address.country", "Alianza registers US addresses only, was " + address.country());
        }
        return new StreetAddress(e911.customerName(), address.street(), address.city(), address.state(), address.postalCode(),
                address.unit().orElse(null));
    }

    /** The wire form of a postal address (a port's service address), US only. */
    static StreetAddress postalBody(String field, Address address) {
        if (!address.country().equals("US")) {
            throw InvalidRequestException.of(field + ".country", "Alianza ports US numbers at US addresses only, was " + address.country());
        }
        return new StreetAddress(null, address.street(), address.city(), address.state(), address.postalCode(),
                address.unit().orElse(null));
    }

    /**
     * The neutral E911 address. Its customer name is the registered {@code businessName}, else the
     * directory listing's name; without either the address is left out (its parts stay attributes).
     */
    static Optional<E911Address> e911(StreetAddress address, Optional<String> listedName) {
        if (address == null || blankToNull(address.street()) == null) {
            return Optional.empty();
        }
        Optional<String> name = Optional.ofNullable(blankToNull(address.businessName())).or(() -> listedName.filter(n -> !n.isBlank()));
        return name.map(n -> new E911Address(n, new Address(address.street(), Optional.ofNullable(blankToNull(address.location())),
                address.city(), address.state(), address.zipCode(), "US")));
    }

    static DirectoryListingBody listingBody(DirectoryListing listing) {
        return new DirectoryListingBody(listing.listed(), listing.name().orElse(null), listing.address().orElse(null));
    }

    static Optional<DirectoryListing> listing(DirectoryListingBody body) {
        if (body == null || body.listed() == null) {
            return Optional.empty();
        }
        return Optional.of(body.listed() ? DirectoryListing.listed(body.name(), body.address()) : DirectoryListing.unlisted());
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
