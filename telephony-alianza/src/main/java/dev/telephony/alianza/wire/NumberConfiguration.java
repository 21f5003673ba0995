package dev.telephony.alianza.wire;

/** {@code PUT …/telephone-number/{telephoneNumber}}: only the parts being changed (nulls are left out). */
public record NumberConfiguration(String callerIdName, StreetAddress e911Address, DirectoryListingBody directoryListing) {
}
