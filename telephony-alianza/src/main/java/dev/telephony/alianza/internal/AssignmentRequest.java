package dev.telephony.alianza.internal;

/**
 * {@code PUT …/account/{accountId}/<target>/telephone-number}: the number, and for an end user whether
 * it is the user's primary number and its E911 address (nulls are left out).
 */
public record AssignmentRequest(String telephoneNumber, Boolean primary, StreetAddress e911Address) {
}
