package dev.telephony.testkit.memory;

import dev.telephony.api.Capability;
import dev.telephony.api.Hold;
import dev.telephony.api.HoldPurchase;
import dev.telephony.api.HoldRequest;
import dev.telephony.api.HoldStatus;
import dev.telephony.api.Listing;
import dev.telephony.api.NumberHolds;
import dev.telephony.api.Page;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.error.HoldExpiredException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.spi.Capabilities;
import dev.telephony.api.spi.PagedListing;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.testkit.carrier.RequestKind;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link NumberHolds} over the carrier's holds. Changes to a hold are sent once (a lost answer is the
 * caller's to look into with {@link #get}: holding is not spending); buying one goes through
 * {@link Reconciliation}, like every purchase.
 */
final class InMemoryHolds implements NumberHolds {
    private static final int PAGE_SIZE = 20;
    private static final String TOKEN_PREFIX = "hold-after:";

    private final CarrierLink link;
    private final Set<Capability> capabilities;
    private final boolean asynchronous;
    private final Clock clock;

    InMemoryHolds(CarrierLink link, Set<Capability> capabilities, boolean asynchronous, Clock clock) {
        this.link = link;
        this.capabilities = capabilities;
        this.asynchronous = asynchronous;
        this.clock = clock;
    }

    @Override
    public Hold create(HoldRequest request) {
        Capabilities.require(link.provider(), capabilities, Capability.HOLDS);
        request.requireLiveOffers(clock.instant(), link.context());
        try {
            return link.send(RequestKind.HOLD, "hold-create", () -> link.carrier().createHold(request.numbers()));
        } catch (NumberNotAvailableException e) {
            throw new NumberNotAvailableException(request.numbers(), "none of them can be held", e.context(), e);
        }
    }

    @Override
    public Hold add(String holdId, HoldRequest request) {
        Capabilities.require(link.provider(), capabilities, Capability.HOLDS);
        request.requireLiveOffers(clock.instant(), link.context());
        return link.send(RequestKind.HOLD, "hold-add", () -> link.carrier().addToHold(holdId, request.numbers()));
    }

    @Override
    public Hold remove(String holdId, List<PhoneNumber> numbers) {
        Capabilities.require(link.provider(), capabilities, Capability.HOLDS);
        return link.send(RequestKind.HOLD, "hold-remove", () -> link.carrier().removeFromHold(holdId, numbers));
    }

    @Override
    public Optional<Hold> get(String holdId) {
        Capabilities.require(link.provider(), capabilities, Capability.HOLDS);
        return link.read("hold-get", () -> link.carrier().hold(holdId));
    }

    @Override
    public Listing<Hold> list() {
        Capabilities.require(link.provider(), capabilities, Capability.HOLDS);
        return PagedListing.of(link.provider(), token -> {
            // a token that is not ours is refused before anything reaches the carrier
            Optional<String> after = token.map(InMemoryHolds::decodeToken);
            return link.read("hold-list", () -> {
                List<Hold> page = link.carrier().holdPage(after, PAGE_SIZE + 1);
                boolean more = page.size() > PAGE_SIZE;
                List<Hold> items = more ? page.subList(0, PAGE_SIZE) : page;
                return new Page<>(items, more ? Optional.of(TOKEN_PREFIX + items.get(items.size() - 1).id()) : Optional.empty());
            });
        });
    }

    @Override
    public void release(String holdId) {
        Capabilities.require(link.provider(), capabilities, Capability.HOLDS);
        link.send(RequestKind.HOLD, "hold-release", () -> {
            link.carrier().releaseHold(holdId);
            return null;
        });
    }

    @Override
    public PurchaseOrder purchase(HoldPurchase purchase) {
        Capabilities.require(link.provider(), capabilities, Set.of(Capability.HOLDS, Capability.PURCHASE));
        purchase.requireLiveHold(clock.instant(), link.context());
        // what the hold holds now (another instance may have changed it) is what reconciliation must account for
        Hold current = get(purchase.holdId()).orElseThrow(() -> new NotFoundException("no hold " + purchase.holdId(), link.context()));
        if (current.status() == HoldStatus.EXPIRED && !current.numbers().isEmpty()) {
            throw new HoldExpiredException("purchase.holdId", current.numbers().get(0).number(), current.expiresAt(), link.context());
        }
        if (current.held().isEmpty()) {
            throw InvalidRequestException.of("purchase.holdId", "hold " + current.id() + " holds no number (" + current.status() + ")");
        }
        PurchaseRequest request = PurchaseRequest.ofNumbers(current.held());
        return link.reconciliation().purchase(request, new Reconciliation.Purchase() {
            @Override
            public PurchaseOrder send(PurchaseRequest r) {
                return link.send(RequestKind.PURCHASE, "hold-purchase",
                        () -> link.carrier().purchaseHold(current.id(), null, asynchronous));
            }

            @Override
            public Set<PhoneNumber> claimed(List<PhoneNumber> numbers) {
                return link.read("check hold purchase", () -> numbers.stream().filter(link.carrier()::ownedOrOnOrder)
                        .collect(Collectors.toSet()));
            }

            @Override
            public PurchaseOrder recovered(PurchaseRequest r, Set<PhoneNumber> claimed) {
                PhoneNumber any = r.numbers().stream().filter(claimed::contains).findFirst().orElseThrow();
                return link.read("order of " + any, () -> link.carrier().latestOrderFor(any)).orElseThrow(
                        () -> new NotFoundException("no order for " + any, link.context()));
            }
        });
    }

    private static String decodeToken(String token) {
        String id = token.startsWith(TOKEN_PREFIX) ? token.substring(TOKEN_PREFIX.length()) : "";
        if (id.isBlank() || id.length() > 64) {
            throw InvalidRequestException.of("continuationToken", "is not a token this provider issued");
        }
        return id;
    }
}
