package dev.telephony.testkit.carrier;

/** What a request that reached the carrier did, for counting requests and aiming faults. */
public enum RequestKind {
    /** Any idempotent read: search, list, get, order and port look-ups, regions. */
    READ,
    /** A purchase. */
    PURCHASE,
    /** A change to an owned number. */
    UPDATE,
    /** A release. */
    RELEASE,
    /** A change to a hold: creating, adding to, removing from or releasing it (buying one is a {@link #PURCHASE}). */
    HOLD,
    /** A port submission or cancellation. */
    PORT,
    /** A log-in or token exchange. */
    AUTH
}
