package dev.telephony.composite;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberSearch;
import java.util.Optional;

/**
 * What counts as an equivalent of an offer a member refused as not available, for the composite's
 * optional failover: the search another member runs to find one. Failover happens only on a clear
 * refusal, never after an ambiguous outcome, and is reported in the order.
 */
@FunctionalInterface
public interface FailoverRule {
    /** The search that finds equivalents of {@code refused} at another member; empty for "none is equivalent". */
    Optional<NumberSearch> equivalentSearch(AvailableNumber refused);

    /**
     * An offer of the same country and type in the same area code (North American numbers), with at
     * least the refused offer's features. Numbers outside North America have no area code this rule
     * knows, so they fail over to nothing.
     */
    static FailoverRule sameAreaCode() {
        return refused -> {
            if (!refused.number().isNanp()) {
                return Optional.empty();
            }
            NumberSearch.Builder search = NumberSearch.builder().country(refused.countryCode()).type(refused.type())
                    .limit(5);
            if (refused.type() == dev.telephony.api.NumberType.LOCAL) {
                search.areaCode(refused.number().nationalNumber().substring(0, 3));
            }
            return Optional.of(search.build());
        };
    }
}
