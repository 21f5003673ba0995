package dev.telephony.alianza.internal;

import java.util.List;

/**
 * A port request as submitted and read back. {@code focDate} (the date the losing carrier confirmed)
 * and {@code completedDate} are the public OpenAPI's names; {@code rejectionReason} accompanies
 * {@code REJECTED}.
 */
public record Port(String portRequestId, String status, List<String> telephoneNumbers, String submittedDate,
                   String requestedDate, String estimatedCompletionDate, String focDate, String completedDate,
                   String rejectionReason, String currentProvider) {
    public Port {
        telephoneNumbers = telephoneNumbers == null ? List.of() : telephoneNumbers;
    }
}
