package dev.telephony.cli;

import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.UnsupportedCapabilityException;
import dev.telephony.composite.CompositeExtension;
import dev.telephony.composite.CompositeProvider;
import dev.telephony.composite.MemberFailure;
import java.util.Map;
import java.util.Optional;

/** What the commands show of a composite provider: the carrier of each offer and number, and the members that failed. */
final class Composites {
    private Composites() {
    }

    /** The composite's extension, when {@code provider} is a composite. */
    static Optional<CompositeExtension> of(TelephonyProvider provider) {
        try {
            return Optional.of(provider.unwrap(CompositeExtension.class));
        } catch (UnsupportedCapabilityException notComposite) {
            return Optional.empty();
        }
    }

    /** The carrier an offer, number or order names, or empty text. */
    static String carrier(Map<String, String> attributes) {
        return attributes.getOrDefault(CompositeProvider.CARRIER_ATTRIBUTE, "");
    }

    /** A note on a member that did not answer a search. */
    static String note(MemberFailure failure) {
        return "carrier " + failure.member() + (failure.kind() == MemberFailure.Kind.TIMED_OUT ? " did not answer in time: "
                : " failed: ") + failure.reason();
    }
}
