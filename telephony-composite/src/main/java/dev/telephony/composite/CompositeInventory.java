package dev.telephony.composite;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.ListQuery;
import dev.telephony.api.Listing;
import dev.telephony.api.NumberInventory;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberType;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.Region;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.NumberNotFoundException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.ReleaseOutcomeUnknownException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.api.error.UnsupportedCapabilityException;
import dev.telephony.api.spi.Capabilities;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inventory over every member: searches fanned out to the members that can apply every filter,
 * listings that walk the members one after the other, and reads and writes of one number sent to the
 * member that owns it.
 */
final class CompositeInventory implements NumberInventory {
    private static final Logger log = LoggerFactory.getLogger(CompositeInventory.class);

    private final Members members;
    private final FanOut fanOut;
    private final Optional<Comparator<AvailableNumber>> ranking;

    CompositeInventory(Members members, FanOut fanOut, Optional<Comparator<AvailableNumber>> ranking) {
        this.members = members;
        this.fanOut = fanOut;
        this.ranking = ranking;
    }

    Optional<Comparator<AvailableNumber>> ranking() {
        return ranking;
    }

    // ---- regions ------------------------------------------------------------------------------

    @Override
    public List<Region> regions() {
        Capabilities.require(CompositeProvider.NAME, members.capabilities(), Capability.REGIONS);
        return mergeRegions(m -> m.provider().inventory().regions());
    }

    @Override
    public List<Region> regions(String countryCode) {
        Capabilities.require(CompositeProvider.NAME, members.capabilities(), Capability.REGIONS);
        return mergeRegions(m -> m.provider().inventory().regions(countryCode));
    }

    private List<Region> mergeRegions(java.util.function.Function<Member, List<Region>> read) {
        Map<List<Object>, Region> merged = new LinkedHashMap<>();
        for (Member member : members.supporting(Set.of(Capability.REGIONS))) {
            List<Region> regions;
            try {
                regions = read.apply(member);
            } catch (RuntimeException e) {
                throw MemberErrors.translate(member.name(), e);
            }
            for (Region region : regions) {
                List<Object> key = List.of(region.kind(), region.countryCode(), region.id(), region.parentId());
                merged.merge(key, region, (a, b) -> {
                    Set<NumberType> types = EnumSet.noneOf(NumberType.class);
                    types.addAll(a.numberTypes());
                    types.addAll(b.numberTypes());
                    return new Region(a.id(), a.name(), a.kind(), a.countryCode(), a.parentId(), types);
                });
            }
        }
        return List.copyOf(merged.values());
    }

    // ---- search -------------------------------------------------------------------------------

    /**
     * The merged offers. A member that failed or ran out of time is logged, and the search fails with its
     * error only when no member offered anything: an empty answer would claim that nothing matches.
     */
    @Override
    public List<AvailableNumber> search(NumberSearch search) {
        SearchAnswer answer = searchAll(search, ranking);
        if (answer.failures().isEmpty()) {
            return answer.offers();
        }
        for (MemberFailure failure : answer.failures()) {
            log.warn("search at carrier {} {}: {}", failure.member(),
                    failure.kind() == MemberFailure.Kind.TIMED_OUT ? "ran out of time" : "failed", failure.reason());
        }
        if (answer.offers().isEmpty()) {
            TelephonyException first = answer.failures().get(0).error();
            answer.failures().stream().skip(1).forEach(f -> first.addSuppressed(f.error()));
            throw first;
        }
        return answer.offers();
    }

    /** The full answer of a search: offers tagged with their carrier, and every member that failed. */
    SearchAnswer searchAll(NumberSearch search, Optional<Comparator<AvailableNumber>> order) {
        List<Member> asked = eligible(search);
        List<AvailableNumber> offers = new ArrayList<>();
        List<MemberFailure> failures = new ArrayList<>();
        for (FanOut.Outcome<List<AvailableNumber>> outcome : fanOut.run(asked, m -> m.provider().inventory().search(search))) {
            Member member = outcome.member();
            if (outcome instanceof FanOut.Answered<List<AvailableNumber>> answered) {
                answered.value().forEach(offer -> offers.add(Members.tag(member, offer)));
            } else if (outcome instanceof FanOut.Failed<List<AvailableNumber>> failed) {
                failures.add(new MemberFailure(member.name(), MemberFailure.Kind.FAILED,
                        MemberErrors.translate(member.name(), failed.error())));
            } else {
                failures.add(new MemberFailure(member.name(), MemberFailure.Kind.TIMED_OUT, timedOut(member, "the search")));
            }
        }
        // a stable sort: offers the ranking finds equal stay in member order
        order.ifPresent(offers::sort);
        Set<PhoneNumber> seen = new HashSet<>();
        List<AvailableNumber> merged = offers.stream().filter(o -> seen.add(o.number())).limit(search.limit()).toList();
        return new SearchAnswer(merged, asked.stream().map(Member::name).toList(), failures);
    }

    /** The members that can apply every filter; refuses a filter no member supports, naming it, before any request. */
    private List<Member> eligible(NumberSearch search) {
        Set<Capability> needed = search.requiredCapabilities();
        Capabilities.require(CompositeProvider.NAME, members.capabilities(), needed);
        List<Member> eligible = members.supporting(needed);
        if (eligible.isEmpty()) {
            String lacking = members.all().stream()
                    .map(m -> m.name() + " lacks " + m.firstMissing(needed).map(Enum::name).orElse("nothing"))
                    .collect(Collectors.joining(", "));
            throw new UnsupportedCapabilityException(CompositeProvider.NAME,
                    "these filters in one search: each is supported by some member, but no member supports all of them ("
                            + lacking + ")");
        }
        return eligible;
    }

    static ProviderUnavailableException timedOut(Member member, String what) {
        return new ProviderUnavailableException("carrier '" + member.name() + "' did not answer " + what
                + " in time; its answer was not waited for", MemberErrors.context());
    }

    // ---- list ---------------------------------------------------------------------------------

    @Override
    public Listing<OwnedNumber> list(ListQuery query) {
        Set<Capability> needed = query.requiredCapabilities();
        Capabilities.require(CompositeProvider.NAME, members.capabilities(), needed);
        members.all().forEach(m -> Members.require(m, needed));
        return MemberListing.of(members.all(), m -> m.provider().inventory().list(query), Members::tag);
    }

    // ---- one number ---------------------------------------------------------------------------

    @Override
    public Optional<OwnedNumber> get(PhoneNumber number) {
        return find(number).map(found -> Members.tag(found.member(), found.number()));
    }

    @Override
    public OwnedNumber update(PhoneNumber number, NumberUpdate update) {
        Set<Capability> needed = update.requiredCapabilities();
        Capabilities.require(CompositeProvider.NAME, members.capabilities(), needed);
        Member owner = owner(number);
        Members.require(owner, needed);
        try {
            return Members.tag(owner, owner.provider().inventory().update(number, update));
        } catch (RuntimeException e) {
            throw MemberErrors.translate(owner.name(), e);
        }
    }

    @Override
    public void release(PhoneNumber number) {
        Capabilities.require(CompositeProvider.NAME, members.capabilities(), Capability.RELEASE);
        Member owner = owner(number);
        Members.require(owner, Set.of(Capability.RELEASE));
        try {
            owner.provider().inventory().release(number);
        } catch (TelephonyException e) {
            throw MemberErrors.translate(owner.name(), e);
        } catch (RuntimeException unexpected) {
            // the release may have left before whatever went wrong: its outcome is open
            throw new ReleaseOutcomeUnknownException(number, MemberErrors.context(), unexpected);
        }
    }

    /** A number and the member that owns it. */
    record Found(Member member, OwnedNumber number) {
    }

    /**
     * Asks every member at once whether it owns {@code number}. The first owner in member order answers;
     * when none does, a member that could not say fails the read (its silence proves nothing).
     */
    Optional<Found> find(PhoneNumber number) {
        return owners(number).stream().findFirst();
    }

    private List<Found> owners(PhoneNumber number) {
        List<Found> owners = new ArrayList<>();
        List<TelephonyException> unknown = new ArrayList<>();
        for (FanOut.Outcome<Optional<OwnedNumber>> outcome : fanOut.run(members.all(), m -> m.provider().inventory().get(number))) {
            Member member = outcome.member();
            if (outcome instanceof FanOut.Answered<Optional<OwnedNumber>> answered) {
                answered.value().ifPresent(owned -> owners.add(new Found(member, owned)));
            } else if (outcome instanceof FanOut.Failed<Optional<OwnedNumber>> failed) {
                unknown.add(MemberErrors.translate(member.name(), failed.error()));
            } else {
                unknown.add(timedOut(member, "whether it owns " + number));
            }
        }
        if (owners.isEmpty() && !unknown.isEmpty()) {
            TelephonyException first = unknown.get(0);
            unknown.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
        return owners;
    }

    /** The one member that owns {@code number}, for a write to it. */
    Member owner(PhoneNumber number) {
        List<Found> owners = owners(number);
        if (owners.isEmpty()) {
            throw new NumberNotFoundException(number, MemberErrors.context());
        }
        if (owners.size() > 1) {
            // two accounts claiming one number is a misconfiguration; writing to either could be the wrong one
            throw new ConflictException(number + " is owned at several carriers ("
                    + owners.stream().map(f -> f.member().name()).collect(Collectors.joining(", "))
                    + "); change it through unwrap(CompositeExtension.class).member(name)", MemberErrors.context());
        }
        return owners.get(0).member();
    }
}
