package dev.telephony.alianza.internal;

/**
 * {@code GET …/telephone-number/{telephoneNumber}}: a number with its account, assignment, E911
 * registration, directory listing and caller-ID name. {@code lineNumber} accompanies a
 * {@code DEVICE_LINE} assignment.
 */
public record NumberDetails(String telephoneNumber, String formatted, String npa, String nxx, String status,
                            String accountId, String assignedTo, String assignmentType, Boolean primary, Integer lineNumber,
                            E911 e911, DirectoryListingBody directoryListing, String callerIdName) {

    /** The E911 registration: whether registered, and the address. */
    public record E911(Boolean registered, StreetAddress address) {
    }
}
