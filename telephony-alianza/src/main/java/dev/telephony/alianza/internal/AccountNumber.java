package dev.telephony.alianza.internal;

/** One item of {@code GET …/account/{accountId}/telephone-number}: a number and what it is assigned to. */
public record AccountNumber(String telephoneNumber, String formatted, String assignedTo, String assignmentType,
                            Boolean primary, String status, Boolean e911Registered) {
}
