package dev.telephony.api;

/** The kind of number. */
public enum NumberType {
    /** A geographic number tied to an area (DID, "longcode"). */
    LOCAL,
    /** A freephone number (800, 888, 877, 866, 855, 844, 833 in North America). */
    TOLL_FREE,
    /** A mobile number. */
    MOBILE
}
