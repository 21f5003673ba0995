package dev.telephony.api;

/** Where a port stands. */
public enum PortStatus {
    /** Submitted to the losing carrier. */
    PENDING,
    /** The losing carrier approved it; it can no longer be cancelled through the API. */
    APPROVED,
    /** Being carried out. */
    IN_PROGRESS,
    /** Done: the numbers are the account's. */
    COMPLETED,
    /** The losing carrier refused it; see the rejection reason. */
    REJECTED,
    /** Cancelled before approval. */
    CANCELLED;

    /** Whether the port will not change any more. */
    public boolean isTerminal() {
        return this == COMPLETED || this == REJECTED || this == CANCELLED;
    }
}
