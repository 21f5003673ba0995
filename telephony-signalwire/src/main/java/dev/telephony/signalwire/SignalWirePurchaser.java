package dev.telephony.signalwire;

import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.api.spi.Capabilities;
import dev.telephony.api.spi.Receipts;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.RestClient;
import dev.telephony.signalwire.internal.PurchaseBody;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * Buying numbers with {@code POST /api/relay/rest/phone_numbers}, one number per request, each under
 * {@link Reconciliation}. SignalWire buys synchronously and keeps no order resource, so the order id is
 * a receipt (see {@link Receipts}).
 */
final class SignalWirePurchaser implements NumberPurchaser {
    /** The logger, made when first used: connecting logs nothing, so it need not start the logging backend. */
    private static final class Log {
        static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SignalWirePurchaser.class);
    }

    private final RestClient client;
    private final SignalWireInventory inventory;
    private final Receipts receipts = new Receipts("sw1-");

    SignalWirePurchaser(RestClient client, SignalWireInventory inventory) {
        this.client = client;
        this.inventory = inventory;
    }

    @Override
    public PurchaseOrder purchase(PurchaseRequest request) {
        Capabilities.require(client.provider(), SignalWireProvider.CAPABILITIES, request.requiredCapabilities());
        request.requireLiveHolds(client.clock().instant(), client.context());
        // what SignalWire's answers said about each number bought: the purchase's own answer, the naming's, or the read that found it
        Map<PhoneNumber, OwnedNumber> described = new ConcurrentHashMap<>();
        PurchaseOrder order = client.reconciliation().purchaseEach(request, receipts, new Reconciliation.SingleNumberPurchase() {
            @Override
            public Optional<String> buy(PurchaseRequest single) {
                return buyOne(single, described);
            }

            @Override
            public boolean owns(PhoneNumber number) {
                Optional<OwnedNumber> found = inventory.find(number);
                found.ifPresent(n -> described.put(number, n));
                return found.isPresent();
            }

            @Override
            public Optional<String> afterFoundBought(PurchaseRequest single) {
                PhoneNumber number = single.numbers().get(0);
                Optional<OwnedNumber> found = Optional.ofNullable(described.get(number)).or(() -> inventory.find(number));
                return found.flatMap(n -> name(n, single, described));
            }
        });
        return withOwned(order, described);
    }

    /** The order with the owned numbers SignalWire's answers described, in the order they were bought. */
    static PurchaseOrder withOwned(PurchaseOrder order, Map<PhoneNumber, OwnedNumber> described) {
        List<OwnedNumber> owned = order.purchased().stream().map(described::get).filter(Objects::nonNull).toList();
        if (owned.isEmpty()) {
            return order;
        }
        PurchaseOrder.Builder builder = PurchaseOrder.builder(order.id(), order.status()).requested(order.requested())
                .purchased(order.purchased()).failures(order.failures()).owned(owned);
        order.details().ifPresent(builder::details);
        order.createdAt().ifPresent(builder::createdAt);
        order.reference().ifPresent(builder::reference);
        order.attributes().forEach(builder::attribute);
        return builder.build();
    }

    private Optional<String> buyOne(PurchaseRequest single, Map<PhoneNumber, OwnedNumber> described) {
        PhoneNumber number = single.numbers().get(0);
        HttpRequest post = client.withJson(HttpRequest.post(SignalWireInventory.NUMBERS), new PurchaseBody(number.e164()));
        OwnedNumber owned;
        HttpResponse response;
        try {
            response = client.send(post);
        } catch (InvalidRequestException | NotFoundException refused) {
            // the number is valid E.164 (checked before sending), so a refusal means it is not for sale
            throw new NumberNotAvailableException(List.of(number), refused.reason(), refused.context(), refused);
        }
        owned = inventory.owned(response);
        if (!owned.number().equals(number)) {
            throw client.unreadable(response, "purchase answer for " + number + " (it names " + owned.number() + ")", null);
        }
        described.put(number, owned);
        return name(owned, single, described);
    }

    /**
     * Names a bought number. SignalWire's purchase takes no name, so this is a second request; if it
     * fails the number is still bought, and the order says so instead of failing the purchase.
     */
    private Optional<String> name(OwnedNumber owned, PurchaseRequest single, Map<PhoneNumber, OwnedNumber> described) {
        if (single.name().isEmpty() || single.name().equals(owned.name())) {
            return Optional.empty();
        }
        try {
            described.put(owned.number(), inventory.update(owned.number(), NumberUpdate.builder().name(single.name().get()).build()));
            return Optional.empty();
        } catch (TelephonyException naming) {
            Log.LOG.warn("bought {} but could not name it: {}", owned.number(), naming.reason());
            return Optional.of("bought " + owned.number() + " but could not name it (" + naming.reason() + "); rename it with an update");
        }
    }

    @Override
    public Optional<PurchaseOrder> order(String orderId) {
        return receipts.order(orderId);
    }

    @Override
    public PurchaseOrder await(String orderId, Duration timeout) {
        return order(orderId).orElseThrow(() -> new NotFoundException("no SignalWire order " + orderId, client.context()));
    }
}
