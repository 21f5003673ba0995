package dev.telephony.api;

/** What a number can carry. */
public enum NumberFeature {
    VOICE,
    SMS,
    MMS,
    FAX
}
