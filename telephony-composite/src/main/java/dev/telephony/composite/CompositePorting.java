package dev.telephony.composite;

import dev.telephony.api.Capability;
import dev.telephony.api.Listing;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PortOrder;
import dev.telephony.api.PortRequest;
import dev.telephony.api.PortabilityResult;
import dev.telephony.api.PortingService;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.api.spi.Capabilities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Porting at the member that can port. New ports (and portability checks) go to the only member that
 * can port, or to the member named through {@link CompositeExtension#porting(String)} when several can.
 * Port ids are the member's own, untouched (the losing carrier and the member's support desk know them
 * by that id); a port is found by asking the porting members which one knows it.
 */
final class CompositePorting implements PortingService {
    private final Members members;
    private final FanOut fanOut;

    CompositePorting(Members members, FanOut fanOut) {
        this.members = members;
        this.fanOut = fanOut;
    }

    private List<Member> porting() {
        Capabilities.require(CompositeProvider.NAME, members.capabilities(), Capability.PORTING);
        return members.supporting(Set.of(Capability.PORTING));
    }

    /** The member a new port goes to: the only one that can port. */
    private Member target() {
        List<Member> porting = porting();
        if (porting.size() > 1) {
            throw InvalidRequestException.of("port", "several carriers of this composite can port ("
                    + porting.stream().map(Member::name).collect(Collectors.joining(", "))
                    + "): choose one with unwrap(CompositeExtension.class).porting(name)");
        }
        return porting.get(0);
    }

    @Override
    public PortabilityResult checkPortability(PhoneNumber number) {
        Member member = target();
        return call(member, p -> p.checkPortability(number));
    }

    @Override
    public PortOrder submit(PortRequest request) {
        Member member = target();
        return Members.tagPort(member, call(member, p -> p.submit(request)));
    }

    @Override
    public Optional<PortOrder> get(String portId) {
        return locate(portId).map(found -> Members.tagPort(found.member(), found.port()));
    }

    @Override
    public Listing<PortOrder> list() {
        return MemberListing.of(porting(), m -> m.provider().porting().list(), Members::tagPort);
    }

    @Override
    public PortOrder cancel(String portId) {
        Member member = require(portId);
        return Members.tagPort(member, call(member, p -> p.cancel(portId)));
    }

    @Override
    public PortOrder await(String portId, Duration timeout) {
        Member member = require(portId);
        return Members.tagPort(member, call(member, p -> p.await(portId, timeout)));
    }

    private Member require(String portId) {
        return locate(portId).map(Found::member)
                .orElseThrow(() -> new NotFoundException("no port " + portId, MemberErrors.context()));
    }

    private record Found(Member member, PortOrder port) {
    }

    /** The member that knows {@code portId}: the only porting member, or the one of several that answers for it. */
    private Optional<Found> locate(String portId) {
        List<Member> porting = porting();
        if (porting.size() == 1) {
            Member member = porting.get(0);
            return call(member, p -> p.get(portId)).map(port -> new Found(member, port));
        }
        List<Found> found = new ArrayList<>();
        List<TelephonyException> unknown = new ArrayList<>();
        for (FanOut.Outcome<Optional<PortOrder>> outcome : fanOut.run(porting, m -> m.provider().porting().get(portId))) {
            if (outcome instanceof FanOut.Answered<Optional<PortOrder>> answered) {
                answered.value().ifPresent(port -> found.add(new Found(outcome.member(), port)));
            } else if (outcome instanceof FanOut.Failed<Optional<PortOrder>> failed) {
                unknown.add(MemberErrors.translate(outcome.member().name(), failed.error()));
            } else {
                unknown.add(CompositeInventory.timedOut(outcome.member(), "whether it knows port " + portId));
            }
        }
        if (found.size() > 1) {
            throw new ConflictException("port " + portId + " is known at several carriers ("
                    + found.stream().map(f -> f.member().name()).collect(Collectors.joining(", "))
                    + "); follow it through unwrap(CompositeExtension.class).porting(name)", MemberErrors.context());
        }
        if (found.isEmpty() && !unknown.isEmpty()) {
            TelephonyException first = unknown.get(0);
            unknown.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
        return found.stream().findFirst();
    }

    static <T> T call(Member member, Function<PortingService, T> call) {
        try {
            return call.apply(member.provider().porting());
        } catch (RuntimeException e) {
            throw MemberErrors.translate(member.name(), e);
        }
    }

    /** Porting at one named member, its results tagged, its errors the composite's. */
    static PortingService at(Member member) {
        return new PortingService() {
            @Override
            public PortabilityResult checkPortability(PhoneNumber number) {
                return call(member, p -> p.checkPortability(number));
            }

            @Override
            public PortOrder submit(PortRequest request) {
                return Members.tagPort(member, call(member, p -> p.submit(request)));
            }

            @Override
            public Optional<PortOrder> get(String portId) {
                return call(member, p -> p.get(portId)).map(port -> Members.tagPort(member, port));
            }

            @Override
            public Listing<PortOrder> list() {
                Members.require(member, Set.of(Capability.PORTING));
                return MemberListing.of(List.of(member), m -> m.provider().porting().list(), Members::tagPort);
            }

            @Override
            public PortOrder cancel(String portId) {
                return Members.tagPort(member, call(member, p -> p.cancel(portId)));
            }

            @Override
            public PortOrder await(String portId, Duration timeout) {
                return Members.tagPort(member, call(member, p -> p.await(portId, timeout)));
            }
        };
    }
}
