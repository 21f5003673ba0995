package dev.telephony.composite;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PortingService;
import dev.telephony.api.TelephonyProvider;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a composite offers beyond the neutral API, reached with
 * {@code telephony.unwrap(CompositeExtension.class)}: the full answer of a search (which member failed
 * and why), the carrier behind an offer or a number, how an order was routed, and each member itself.
 */
public interface CompositeExtension {
    /** The members' names, in member order. */
    List<String> members();

    /**
     * The member provider named {@code name}, to reach what only it offers.
     *
     * @throws dev.telephony.api.error.InvalidRequestException when no member has that name
     */
    TelephonyProvider member(String name);

    /**
     * The search with its full answer: the offers (merged as {@code search} would merge them), the members
     * asked, and every member that failed or ran out of time, with why. Fails only when no member can
     * apply the filters; a member's failure is in the answer, not thrown.
     */
    SearchAnswer search(NumberSearch search);

    /** {@link #search(NumberSearch)}, the offers merged by {@code ranking} (ties in member order) instead. */
    SearchAnswer search(NumberSearch search, Comparator<AvailableNumber> ranking);

    /** The member that offered {@code offer}, when a search of this composite returned it. */
    Optional<String> carrierOf(AvailableNumber offer);

    /** The member that owns {@code number}, when this composite returned it. */
    Optional<String> carrierOf(OwnedNumber number);

    /**
     * How the order with this id was routed, read from the id alone (no request); empty for an id not ours.
     * For an order placed whole with one member the numbers are that member's order's to tell: the routing
     * names the member and its order id, with no numbers.
     */
    Optional<OrderRouting> routing(String orderId);

    /**
     * Porting at the member named {@code name}: how to choose where a port goes when several members can
     * port. Its ports are tagged with their carrier like the composite's.
     */
    PortingService porting(String name);
}
