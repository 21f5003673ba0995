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
import dev.telephony.http.RestClient;
import dev.telephony.signalwire.wire.PurchaseBody;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Buying numbers with {@code POST /api/relay/rest/phone_numbers}, one number per request, each under
 * {@link Reconciliation}. SignalWire buys synchronously and keeps no order resource, so the order id is
 * a receipt (see {@link Receipts}).
 */
final class SignalWirePurchaser implements NumberPurchaser {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SignalWirePurchaser.class);

    private final RestClient client;
    private final SignalWireInventory inventory;
    private final Reconciliation reconciliation;
    private final Receipts receipts = new Receipts("sw1-");

    SignalWirePurchaser(RestClient client, SignalWireInventory inventory) {
        this.client = client;
        this.inventory = inventory;
        this.reconciliation = client.reconciliation();
    }

    @Override
    public PurchaseOrder purchase(PurchaseRequest request) {
        Capabilities.require(client.provider(), SignalWireProvider.CAPABILITIES, request.requiredCapabilities());
        request.requireLiveHolds(client.clock().instant(), client.context());
        return reconciliation.purchaseEach(request, receipts, new Reconciliation.SingleNumberPurchase() {
            @Override
            public Optional<String> buy(PurchaseRequest single) {
                return buyOne(single);
            }

            @Override
            public boolean owns(PhoneNumber number) {
                return inventory.find(number).isPresent();
            }

            @Override
            public Optional<String> afterFoundBought(PurchaseRequest single) {
                return inventory.find(single.numbers().get(0)).flatMap(n -> name(n, single));
            }
        });
    }

    private Optional<String> buyOne(PurchaseRequest single) {
        PhoneNumber number = single.numbers().get(0);
        HttpRequest post = client.withJson(HttpRequest.post(SignalWireInventory.NUMBERS), new PurchaseBody(number.e164()));
        OwnedNumber owned;
        try {
            owned = inventory.owned(client.send(post));
        } catch (InvalidRequestException | NotFoundException refused) {
            // the number is valid E.164 (checked before sending), so a refusal means it is not for sale
            throw new NumberNotAvailableException(List.of(number), refused.context(), refused);
        }
        return name(owned, single);
    }

    /**
     * Names a bought number. SignalWire's purchase takes no name, so this is a second request; if it
     * fails the number is still bought, and the order says so instead of failing the purchase.
     */
    private Optional<String> name(OwnedNumber owned, PurchaseRequest single) {
        if (single.name().isEmpty() || single.name().equals(owned.name())) {
            return Optional.empty();
        }
        try {
            inventory.update(owned.number(), NumberUpdate.builder().name(single.name().get()).build());
            return Optional.empty();
        } catch (TelephonyException naming) {
            log.warn("bought {} but could not name it: {}", owned.number(), naming.reason());
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
