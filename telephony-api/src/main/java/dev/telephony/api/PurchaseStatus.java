package dev.telephony.api;

/** Where a purchase order stands. */
public enum PurchaseStatus {
    /** Accepted, still being processed by the provider. */
    PENDING,
    /** Done: every number bought is in {@link PurchaseOrder#purchased()}, any failure in {@link PurchaseOrder#failures()}. */
    COMPLETED,
    /** Nothing was bought; see {@link PurchaseOrder#details()}. */
    FAILED,
    /** Cancelled before completion. */
    CANCELLED;

    /** Whether the order will not change any more. */
    public boolean isTerminal() {
        return this != PENDING;
    }
}
