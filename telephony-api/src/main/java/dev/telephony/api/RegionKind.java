package dev.telephony.api;

/** What a {@link Region} denotes. */
public enum RegionKind {
    /** A country, identified by its ISO 3166 alpha-2 code. */
    COUNTRY,
    /** A state, province or other administrative division of a country. */
    ADMINISTRATIVE_DIVISION,
    /** A city or town. */
    LOCALITY,
    /** A telephone rate center. */
    RATE_CENTER,
    /** An area code (NPA). */
    AREA_CODE
}
