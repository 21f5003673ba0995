package dev.telephony.alianza.internal;

import java.util.List;

/** {@code POST …/telephone-number/port}: everything the losing carrier checks. */
public record PortSubmission(List<String> telephoneNumbers, String accountId, Subscriber subscriber,
                             StreetAddress serviceAddress, String billingTelephoneNumber, String accountNumber, String pin,
                             String requestedDate, String currentProvider) {
    @Override
    public String toString() {
        return "PortSubmission[telephoneNumbers=" + telephoneNumbers + ", requestedDate=" + requestedDate
                + ", pin=" + (pin == null ? "none" : "****") + "]";
    }

    /** The subscriber exactly as the losing carrier has it. */
    public record Subscriber(String firstName, String lastName, String companyName, String authorizedName) {
    }
}
