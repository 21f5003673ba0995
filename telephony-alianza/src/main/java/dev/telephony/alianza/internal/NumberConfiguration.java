package dev.telephony.alianza.internal;

/** {@code PUT …/telephone-number/{telephoneNumber}}: only the parts being changed (nulls are left out). */
public record NumberConfiguration(String callerIdName, StreetAddress e911Address, DirectoryListingBody directoryListing) {
}
