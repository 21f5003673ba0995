package dev.telephony.testkit.memory;

import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.Capability;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.spi.Capabilities;
import dev.telephony.api.spi.Polling;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.testkit.carrier.RequestKind;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link NumberPurchaser} over the carrier state: synchronous or asynchronous orders. */
final class InMemoryPurchaser implements NumberPurchaser {
    private final CarrierLink link;
    private final Set<Capability> capabilities;
    private final boolean asynchronous;
    private final Clock clock;
    private final Polling polling;
    private final Duration pollInterval;

    InMemoryPurchaser(CarrierLink link, Set<Capability> capabilities, boolean asynchronous, Clock clock,
                      Polling polling, Duration pollInterval) {
        this.link = link;
        this.capabilities = capabilities;
        this.asynchronous = asynchronous;
        this.clock = clock;
        this.polling = polling;
        this.pollInterval = pollInterval;
    }

    @Override
    public PurchaseOrder purchase(PurchaseRequest request) {
        Capabilities.require(link.provider(), capabilities, request.requiredCapabilities());
        request.requireLiveHolds(clock.instant(), link.context());
        return link.reconciliation().purchase(request, new Reconciliation.Purchase() {
            @Override
            public PurchaseOrder send(PurchaseRequest r) {
                return InMemoryPurchaser.this.send(r);
            }

            @Override
            public Set<PhoneNumber> claimed(List<PhoneNumber> numbers) {
                return InMemoryPurchaser.this.claimed(numbers);
            }

            @Override
            public PurchaseOrder recovered(PurchaseRequest r, Set<PhoneNumber> claimed) {
                return fromTruth(r, claimed);
            }
        });
    }

    private PurchaseOrder send(PurchaseRequest request) {
        try {
            return link.send(RequestKind.PURCHASE, "purchase", () -> link.carrier().placeOrder(request.numbers(),
                    request.name().orElse(null), request.reference().orElse(null), asynchronous, heldSearch(request)));
        } catch (NumberNotAvailableException e) {
            throw new NumberNotAvailableException(request.numbers(), e.context());
        }
    }

    /** The hold of a held search the offers came from, through which the carrier sells them. */
    private static String heldSearch(PurchaseRequest request) {
        return request.offers().stream().map(o -> o.attributes().get("holdId")).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    private Set<PhoneNumber> claimed(List<PhoneNumber> numbers) {
        return link.read("check purchase", () -> numbers.stream().filter(link.carrier()::ownedOrOnOrder)
                .collect(Collectors.toSet()));
    }

    private PurchaseOrder fromTruth(PurchaseRequest request, Set<PhoneNumber> claimed) {
        PhoneNumber any = request.numbers().stream().filter(claimed::contains).findFirst().orElseThrow();
        return link.read("order of " + any, () -> link.carrier().latestOrderFor(any)).orElseThrow(
                () -> new NotFoundException("no order for " + any, link.context()));
    }

    @Override
    public Optional<PurchaseOrder> order(String orderId) {
        return link.read("order", () -> link.carrier().order(orderId));
    }

    @Override
    public PurchaseOrder await(String orderId, Duration timeout) {
        return polling.await(orderId, timeout,
                () -> order(orderId).orElseThrow(() -> new NotFoundException("no order " + orderId, link.context())),
                PurchaseOrder::isTerminal, order -> pollInterval, order -> order.status().name());
    }
}
