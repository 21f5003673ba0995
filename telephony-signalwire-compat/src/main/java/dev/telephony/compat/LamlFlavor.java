package dev.telephony.compat;

import dev.telephony.api.Capability;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The two registrations of the one LaML implementation: SignalWire's compatibility API and Twilio's
 * API, which share the wire format but differ in what they offer and how accounts are named.
 */
public enum LamlFlavor {
    /** SignalWire's compatibility API: the AccountSid is the project id (a UUID); no mobile search. */
    SIGNALWIRE_COMPAT(SignalWireCompatProviderFactory.NAME, "sw2-", Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
            "a project id (UUID)", false),
    /** Twilio's API at {@code https://api.twilio.com/2010-04-01}: AccountSid {@code AC…}; mobile search too. */
    TWILIO(TwilioProviderFactory.NAME, "tw1-", Pattern.compile("AC[0-9a-fA-F]{32}"), "AC followed by 32 hex digits", true);

    private static final Set<Capability> COMMON = EnumSet.of(
            Capability.REGIONS, Capability.SEARCH_LOCAL, Capability.SEARCH_TOLL_FREE, Capability.SEARCH_BY_AREA_CODE,
            Capability.SEARCH_BY_REGION, Capability.SEARCH_BY_LOCALITY, Capability.SEARCH_CONTAINS,
            Capability.SEARCH_BY_FEATURES, Capability.PURCHASE, Capability.BULK_PURCHASE, Capability.LIST,
            Capability.NAMES, Capability.VOICE_ROUTING, Capability.MESSAGING_ROUTING, Capability.RELEASE);

    private final String providerName;
    private final String receiptPrefix;
    private final Pattern accountSid;
    private final String accountSidRule;
    private final boolean mobile;

    LamlFlavor(String providerName, String receiptPrefix, Pattern accountSid, String accountSidRule, boolean mobile) {
        this.providerName = providerName;
        this.receiptPrefix = receiptPrefix;
        this.accountSid = accountSid;
        this.accountSidRule = accountSidRule;
        this.mobile = mobile;
    }

    /** The name the provider is registered and chosen by. */
    public String providerName() {
        return providerName;
    }

    /** What this flavor can do. */
    public Set<Capability> capabilities() {
        Set<Capability> all = EnumSet.copyOf(COMMON);
        if (mobile) {
            all.add(Capability.SEARCH_MOBILE);
        }
        return Set.copyOf(all);
    }

    String receiptPrefix() {
        return receiptPrefix;
    }

    boolean validAccountSid(String sid) {
        return sid != null && accountSid.matcher(sid).matches();
    }

    String accountSidRule() {
        return accountSidRule;
    }
}
