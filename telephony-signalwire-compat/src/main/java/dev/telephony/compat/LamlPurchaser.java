package dev.telephony.compat;

import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.spi.Capabilities;
import dev.telephony.api.spi.Receipts;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.RestClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Buying with {@code POST …/IncomingPhoneNumbers.json} (201), one number per request with its friendly
 * name in the same form, each through the {@link Reconciliation}; the order id is a receipt (see
 * {@link Receipts}).
 */
final class LamlPurchaser implements NumberPurchaser {
    private final RestClient client;
    private final LamlFlavor flavor;
    private final LamlInventory inventory;
    private final Reconciliation reconciliation;
    private final Receipts receipts;

    LamlPurchaser(RestClient client, LamlFlavor flavor, LamlInventory inventory) {
        this.client = client;
        this.flavor = flavor;
        this.inventory = inventory;
        this.reconciliation = client.reconciliation();
        this.receipts = new Receipts(flavor.receiptPrefix());
    }

    @Override
    public PurchaseOrder purchase(PurchaseRequest request) {
        Capabilities.require(client.provider(), flavor.capabilities(), request.requiredCapabilities());
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
                return nameIfBought(single);
            }
        });
    }

    private Optional<String> buyOne(PurchaseRequest single) {
        PhoneNumber number = single.numbers().get(0);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("PhoneNumber", number.e164());
        single.name().ifPresent(name -> form.put("FriendlyName", name));
        try {
            inventory.owned(client.send(HttpRequest.post(inventory.incomingNumbers()).form(form)));
        } catch (NumberNotAvailableException | InvalidRequestException | NotFoundException refused) {
            throw new NumberNotAvailableException(List.of(number), refused.context(), refused);
        }
        return Optional.empty();
    }

    /** After an ambiguous failure that did buy the number, give it the name the lost answer would have. */
    private Optional<String> nameIfBought(PurchaseRequest single) {
        if (single.name().isEmpty()) {
            return Optional.empty();
        }
        String name = single.name().get();
        try {
            inventory.find(single.numbers().get(0)).filter(n -> !n.name().equals(Optional.of(name)))
                    .ifPresent(n -> inventory.update(n.number(), dev.telephony.api.NumberUpdate.builder().name(name).build()));
            return Optional.empty();
        } catch (dev.telephony.api.error.TelephonyException naming) {
            return Optional.of("bought " + single.numbers().get(0) + " but could not name it (" + naming.reason() + ")");
        }
    }

    @Override
    public Optional<PurchaseOrder> order(String orderId) {
        return receipts.order(orderId);
    }

    @Override
    public PurchaseOrder await(String orderId, Duration timeout) {
        return order(orderId).orElseThrow(() -> new NotFoundException("no " + flavor.providerName() + " order " + orderId,
                client.context()));
    }
}
