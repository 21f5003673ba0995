package dev.telephony.composite;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PortOrder;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.UnsupportedCapabilityException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The members of a composite, in order, with what they can do together and how their results are tagged. */
final class Members {
    private final List<Member> all;
    private final Set<Capability> capabilities;

    Members(List<Member> all) {
        this.all = List.copyOf(all);
        Set<Capability> union = EnumSet.noneOf(Capability.class);
        all.forEach(m -> union.addAll(m.capabilities()));
        // one inventory: listing is only complete when every member can list its numbers
        if (!all.stream().allMatch(m -> m.supports(Capability.LIST))) {
            union.remove(Capability.LIST);
        }
        // a hold lives at one member and the composite does not route holds to it: not offered, whatever the members hold
        union.remove(Capability.HOLDS);
        this.capabilities = Set.copyOf(union);
    }

    List<Member> all() {
        return all;
    }

    Set<Capability> capabilities() {
        return capabilities;
    }

    List<String> names() {
        return all.stream().map(Member::name).toList();
    }

    Optional<Member> find(String name) {
        return all.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The member named {@code name}; {@code field} names the input in the refusal. */
    Member named(String field, String name) {
        return find(name).orElseThrow(() -> InvalidRequestException.of(field, "names carrier '" + name
                + "', which is not a member of this composite (its members: " + String.join(", ", names()) + ")"));
    }

    List<Member> supporting(Set<Capability> needed) {
        return all.stream().filter(m -> m.supportsAll(needed)).toList();
    }

    /** Fails, naming the member and the capability, unless {@code member} can do everything {@code needed}. */
    static void require(Member member, Set<Capability> needed) {
        Optional<Capability> missing = member.firstMissing(needed);
        if (missing.isPresent()) {
            throw new UnsupportedCapabilityException(MemberErrors.memberLabel(member.name()), missing.get());
        }
    }

    // ---- the carrier tag ----------------------------------------------------------------------

    static Optional<String> carrierOf(Map<String, String> attributes) {
        return Optional.ofNullable(attributes.get(CompositeProvider.CARRIER_ATTRIBUTE));
    }

    static AvailableNumber tag(Member member, AvailableNumber offer) {
        return new AvailableNumber(offer.number(), offer.type(), offer.features(), offer.countryCode(), offer.region(),
                offer.locality(), offer.rateCenter(), offer.holdExpiresAt(), tagged(offer.attributes(), member));
    }

    /** The offer as its member made it: the composite's tag is the composite's, not the member's. */
    static AvailableNumber untag(AvailableNumber offer) {
        if (!offer.attributes().containsKey(CompositeProvider.CARRIER_ATTRIBUTE)) {
            return offer;
        }
        Map<String, String> attributes = new LinkedHashMap<>(offer.attributes());
        attributes.remove(CompositeProvider.CARRIER_ATTRIBUTE);
        return new AvailableNumber(offer.number(), offer.type(), offer.features(), offer.countryCode(), offer.region(),
                offer.locality(), offer.rateCenter(), offer.holdExpiresAt(), attributes);
    }

    static OwnedNumber tag(Member member, OwnedNumber number) {
        return number.toBuilder().attribute(CompositeProvider.CARRIER_ATTRIBUTE, member.name()).build();
    }

    static PortOrder tagPort(Member member, PortOrder port) {
        return new PortOrder(port.id(), port.status(), port.numbers(), port.rejectionReason(), port.requestedDate(),
                port.confirmedDate(), port.submittedAt(), port.completedAt(), tagged(port.attributes(), member));
    }

    private static Map<String, String> tagged(Map<String, String> attributes, Member member) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.put(CompositeProvider.CARRIER_ATTRIBUTE, member.name());
        return copy;
    }
}
