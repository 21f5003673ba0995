package dev.telephony.api;

/** Where an owned number stands at the provider. */
public enum NumberStatus {
    /** In service. */
    ACTIVE,
    /** Bought or ported, not yet in service. */
    PENDING,
    /** Owned but out of service (suspended, in cool-down, being released). */
    INACTIVE
}
