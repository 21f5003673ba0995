package dev.telephony.alianza;

import dev.telephony.api.error.InvalidRequestException;
import java.util.Objects;
import java.util.Optional;

/**
 * How a number appears in the telephone directory: listed under a name (and usually an address), or
 * unlisted.
 *
 * @param listed  whether the number is published
 * @param name    the name it is listed under, when listed
 * @param address the address shown with it, when listed and given
 */
public record DirectoryListing(boolean listed, Optional<String> name, Optional<String> address) {
    public DirectoryListing {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        if (listed && name.map(String::isBlank).orElse(true)) {
            throw InvalidRequestException.of("directoryListing.name", "is required for a listed number");
        }
        name.filter(n -> n.length() > 100).ifPresent(n -> {
            throw InvalidRequestException.of("directoryListing.name", "must be at most 100 characters, was " + n.length());
        });
        address.filter(a -> a.length() > 200).ifPresent(a -> {
            throw InvalidRequestException.of("directoryListing.address", "must be at most 200 characters, was " + a.length());
        });
    }

    /** Listed under {@code name}, with {@code address} (may be null). */
    public static DirectoryListing listed(String name, String address) {
        return new DirectoryListing(true, Optional.ofNullable(name).map(String::strip),
                Optional.ofNullable(address).map(String::strip).filter(a -> !a.isEmpty()));
    }

    /** Not published. */
    public static DirectoryListing unlisted() {
        return new DirectoryListing(false, Optional.empty(), Optional.empty());
    }
}
