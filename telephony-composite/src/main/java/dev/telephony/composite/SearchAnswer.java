package dev.telephony.composite;

import dev.telephony.api.AvailableNumber;
import java.util.List;

/**
 * The full answer of a search across members: the merged offers, each tagged with the carrier that
 * offered it ({@link CompositeExtension#carrierOf(AvailableNumber)}), the members that were asked, and
 * every member that failed or ran out of time, with why.
 *
 * @param offers   the offers, merged in member order or by the composite's ranking, at most the search's limit
 * @param asked    the members that could apply every filter and were asked, in member order
 * @param failures the members asked that did not answer, with why; empty when every one answered
 */
public record SearchAnswer(List<AvailableNumber> offers, List<String> asked, List<MemberFailure> failures) {
    public SearchAnswer {
        offers = List.copyOf(offers);
        asked = List.copyOf(asked);
        failures = List.copyOf(failures);
    }

    /** Whether every member asked answered. */
    public boolean complete() {
        return failures.isEmpty();
    }
}
