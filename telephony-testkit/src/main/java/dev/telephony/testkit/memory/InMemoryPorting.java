package dev.telephony.testkit.memory;

import dev.telephony.api.Listing;
import dev.telephony.api.Page;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PortOrder;
import dev.telephony.api.PortRequest;
import dev.telephony.api.PortabilityResult;
import dev.telephony.api.PortingService;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.spi.PagedListing;
import dev.telephony.api.spi.Polling;
import dev.telephony.testkit.carrier.RequestKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/** {@link PortingService} over the carrier state. */
final class InMemoryPorting implements PortingService {
    private final CarrierLink link;
    private final Clock clock;
    private final Period minimumNotice;
    private final Polling polling;
    private final Duration pollInterval;

    InMemoryPorting(CarrierLink link, Clock clock, Period minimumNotice, Polling polling, Duration pollInterval) {
        this.link = link;
        this.clock = clock;
        this.minimumNotice = minimumNotice;
        this.polling = polling;
        this.pollInterval = pollInterval;
    }

    @Override
    public PortabilityResult checkPortability(PhoneNumber number) {
        return link.read("check portability", () -> link.carrier().checkPortability(number));
    }

    @Override
    public PortOrder submit(PortRequest request) {
        request.requireNotice(minimumNotice, clock);
        return link.send(RequestKind.PORT, "submit port", () -> link.carrier().submitPort(request));
    }

    @Override
    public Optional<PortOrder> get(String portId) {
        return link.read("get port", () -> link.carrier().port(portId));
    }

    @Override
    public Listing<PortOrder> list() {
        return PagedListing.of(link.provider(), token -> link.read("list ports", () -> {
            List<PortOrder> all = link.carrier().ports();
            return new Page<>(all, Optional.empty());
        }));
    }

    @Override
    public PortOrder cancel(String portId) {
        return link.send(RequestKind.PORT, "cancel port", () -> link.carrier().cancelPort(portId));
    }

    @Override
    public PortOrder await(String portId, Duration timeout) {
        return polling.await(portId, timeout,
                () -> get(portId).orElseThrow(() -> new NotFoundException("no port " + portId, link.context())),
                port -> port.status().isTerminal(), port -> pollInterval, port -> port.status().name());
    }
}
