package dev.telephony.composite;

import dev.telephony.api.PhoneNumber;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a composite order was routed, read from its id alone: the numbers asked for, the part each member
 * placed, and the replacements failover bought.
 *
 * @param requested    the numbers the caller asked for
 * @param parts        each member's order, in the order they were placed
 * @param replacements for each number refused and replaced by failover, the number bought instead; unmodifiable
 */
public record OrderRouting(List<PhoneNumber> requested, List<Part> parts, Map<PhoneNumber, PhoneNumber> replacements) {
    public OrderRouting {
        requested = List.copyOf(requested);
        parts = List.copyOf(parts);
        replacements = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(replacements));
    }

    /**
     * One member's part of a composite order.
     *
     * @param member  the member that placed it
     * @param orderId the member's own order id
     * @param numbers the numbers sent to the member in it
     */
    public record Part(String member, String orderId, List<PhoneNumber> numbers) {
        public Part {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(orderId, "orderId");
            numbers = List.copyOf(numbers);
        }
    }
}
