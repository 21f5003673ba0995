package dev.telephony.alianza.internal;

/** A number's directory listing: {@code {listed}} alone when unlisted, with the name and address when listed. */
public record DirectoryListingBody(Boolean listed, String name, String address) {
}
