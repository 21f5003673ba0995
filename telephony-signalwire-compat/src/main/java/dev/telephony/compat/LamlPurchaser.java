package dev.telephony.compat;

import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.OwnedNumber;
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
import dev.telephony.http.HttpResponse;
import dev.telephony.http.RestClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Receipts receipts;

    LamlPurchaser(RestClient client, LamlFlavor flavor, LamlInventory inventory) {
        this.client = client;
        this.flavor = flavor;
        this.inventory = inventory;
        this.receipts = new Receipts(flavor.receiptPrefix());
    }

    @Override
    public PurchaseOrder purchase(PurchaseRequest request) {
        Capabilities.require(client.provider(), flavor.capabilities(), request.requiredCapabilities());
        request.requireLiveHolds(client.clock().instant(), client.context());
        // what the answers said about each number bought: the purchase's own answer, or the read that found it
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
                return nameIfBought(single, described);
            }
        });
        return withOwned(order, described);
    }

    /** The order with the owned numbers the answers described, in the order they were bought. */
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
        Map<String, String> form = new LinkedHashMap<>();
        form.put("PhoneNumber", number.e164());
        single.name().ifPresent(name -> form.put("FriendlyName", name));
        HttpResponse response;
        try {
            response = client.send(HttpRequest.post(inventory.incomingNumbers()).form(form));
        } catch (NumberNotAvailableException refused) {
            if (refused.numbers().equals(List.of(number))) {
                throw refused;
            }
            throw new NumberNotAvailableException(List.of(number), null, refused.context(), refused);
        } catch (InvalidRequestException refused) {
            // the number is valid E.164 (checked before sending), so a refusal means it is not for sale
            throw new NumberNotAvailableException(List.of(number), String.join("; ",
                    refused.fieldErrors().stream().map(f -> f.rule()).toList()), refused.context(), refused);
        } catch (NotFoundException refused) {
            throw new NumberNotAvailableException(List.of(number), refused.reason(), refused.context(), refused);
        }
        OwnedNumber owned = inventory.owned(response);
        if (!owned.number().equals(number)) {
            throw client.unreadable(response, "purchase answer for " + number + " (it names " + owned.number() + ")", null);
        }
        described.put(number, owned);
        return Optional.empty();
    }

    /** After an ambiguous failure that did buy the number, give it the name the lost answer would have. */
    private Optional<String> nameIfBought(PurchaseRequest single, Map<PhoneNumber, OwnedNumber> described) {
        if (single.name().isEmpty()) {
            return Optional.empty();
        }
        String name = single.name().get();
        PhoneNumber number = single.numbers().get(0);
        try {
            Optional<OwnedNumber> found = Optional.ofNullable(described.get(number)).or(() -> inventory.find(number));
            if (found.isPresent() && !found.get().name().equals(Optional.of(name))) {
                described.put(number, inventory.update(number, dev.telephony.api.NumberUpdate.builder().name(name).build()));
            }
            return Optional.empty();
        } catch (dev.telephony.api.error.TelephonyException naming) {
            return Optional.of("bought " + number + " but could not name it (" + naming.reason() + ")");
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
