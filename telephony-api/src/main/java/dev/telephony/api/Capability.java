package dev.telephony.api;

/**
 * Something a provider may or may not be able to do. A provider lists what it can do in
 * {@link TelephonyProvider#capabilities()}; anything else fails with
 * {@link dev.telephony.api.error.UnsupportedCapabilityException} before any request is sent.
 */
public enum Capability {
    REGIONS("listing the regions numbers can be searched in"),
    SEARCH_LOCAL("searching local (geographic) numbers"),
    SEARCH_TOLL_FREE("searching toll-free numbers"),
    SEARCH_MOBILE("searching mobile numbers"),
    SEARCH_BY_AREA_CODE("searching by area code (NPA)"),
    SEARCH_BY_EXCHANGE("searching by exchange (NPA-NXX)"),
    SEARCH_BY_REGION("searching by state, province or other division"),
    SEARCH_BY_LOCALITY("searching by city or locality"),
    SEARCH_BY_RATE_CENTER("searching by rate center"),
    SEARCH_STARTS_WITH("searching numbers that start with given digits"),
    SEARCH_CONTAINS("searching numbers that contain given digits"),
    SEARCH_ENDS_WITH("searching numbers that end with given digits"),
    SEARCH_BY_FEATURES("searching only numbers with given features (voice, SMS, …)"),
    PURCHASE("buying numbers"),
    /**
     * A purchase call may name several numbers and answers one order that reports each of them. How
     * many requests the provider sends for it (one order, or one per number) is the provider's business.
     */
    BULK_PURCHASE("buying several numbers with one purchase call, reported as one order"),
    LIST("listing the account's numbers"),
    NAMES("naming numbers (friendly names)"),
    VOICE_ROUTING("routing incoming calls to a webhook"),
    MESSAGING_ROUTING("routing incoming messages to a webhook"),
    CALLER_ID_NAME("setting the caller-ID name (CNAM)"),
    E911("registering an E911 address"),
    FEATURE_UPDATE("switching a number's features (voice, SMS, …) on and off"),
    RELEASE("releasing numbers"),
    /**
     * Holding chosen numbers before buying them ({@link TelephonyProvider#holds()}): create a hold, add
     * to it, remove from it, read and list holds, release one and buy what it holds. Buying a hold
     * needs {@link #PURCHASE} too.
     */
    HOLDS("holding chosen numbers before buying them (a hold that can be changed, read, listed, released and bought)"),
    PORTING("porting numbers in from another carrier");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    /** What the capability allows, in words. */
    public String description() {
        return description;
    }
}
