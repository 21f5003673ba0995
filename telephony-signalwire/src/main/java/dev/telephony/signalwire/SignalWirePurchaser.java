package dev.telephony.signalwire;

import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseFailure;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.api.spi.Capabilities;
import dev.telephony.api.spi.PurchaseGuard;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.RestClient;
import dev.telephony.signalwire.wire.PurchaseBody;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Buying numbers with {@code POST /api/relay/rest/phone_numbers}, one number per request, each under
 * the purchase guard. SignalWire buys synchronously and keeps no order resource, so the order id is
 * a receipt: it encodes the numbers asked for and those bought, and {@link #order(String)} reads it
 * back after a restart without a request.
 */
final class SignalWirePurchaser implements NumberPurchaser {
    private static final String ORDER_PREFIX = "sw1-";

    private final RestClient client;
    private final SignalWireInventory inventory;
    private final PurchaseGuard guard;
    private final Clock clock;

    SignalWirePurchaser(RestClient client, SignalWireInventory inventory) {
        this.client = client;
        this.inventory = inventory;
        this.guard = new PurchaseGuard(client.provider(), client.retrier());
        this.clock = client.clock();
    }

    @Override
    public PurchaseOrder purchase(PurchaseRequest request) {
        Capabilities.require(client.provider(), SignalWireProvider.CAPABILITIES, request.requiredCapabilities());
        request.requireLiveHolds(clock.instant(), client.context());
        List<PhoneNumber> bought = new ArrayList<>();
        List<PurchaseFailure> failures = new ArrayList<>();
        for (PhoneNumber number : request.numbers()) {
            try {
                guard.purchase(request.forNumbers(List.of(number)), this::buyOne, this::owned, this::fromTruth);
                bought.add(number);
            } catch (NumberNotAvailableException | InvalidRequestException refused) {
                failures.add(new PurchaseFailure(number, refused.reason(), refused.providerCode()));
            } catch (TelephonyException other) {
                if (bought.isEmpty() && failures.isEmpty()) {
                    throw other;
                }
                failures.add(new PurchaseFailure(number, other.reason(), other.providerCode()));
            }
        }
        if (bought.isEmpty()) {
            throw new NumberNotAvailableException(request.numbers(), client.context());
        }
        return receipt(request.numbers(), bought, failures);
    }

    private PurchaseOrder buyOne(PurchaseRequest single) {
        PhoneNumber number = single.numbers().get(0);
        HttpRequest post = client.withJson(HttpRequest.post(SignalWireInventory.NUMBERS), new PurchaseBody(number.e164()));
        OwnedNumber owned;
        try {
            owned = inventory.owned(client.send(post));
        } catch (InvalidRequestException | NotFoundException refused) {
            // the number is valid E.164 (checked before sending), so a refusal means it is not for sale
            throw new NumberNotAvailableException(List.of(number), refused.context(), refused);
        }
        name(owned, single);
        return receipt(single.numbers(), List.of(number), List.of());
    }

    private void name(OwnedNumber owned, PurchaseRequest single) {
        if (single.name().isPresent() && !single.name().equals(owned.name())) {
            inventory.update(owned.number(), NumberUpdate.builder().name(single.name().get()).build());
        }
    }

    private Set<PhoneNumber> owned(List<PhoneNumber> numbers) {
        return Set.copyOf(numbers.stream().filter(n -> inventory.find(n).isPresent()).toList());
    }

    private PurchaseOrder fromTruth(PurchaseRequest single, Set<PhoneNumber> owned) {
        inventory.find(single.numbers().get(0)).ifPresent(n -> name(n, single));
        return receipt(single.numbers(), List.copyOf(owned), List.of());
    }

    @Override
    public Optional<PurchaseOrder> order(String orderId) {
        if (orderId == null || !orderId.startsWith(ORDER_PREFIX)) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(orderId.substring(ORDER_PREFIX.length())),
                    StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            List<PhoneNumber> requested = numbers(parts[0]);
            List<PhoneNumber> bought = numbers(parts[1]);
            List<PurchaseFailure> failures = requested.stream().filter(n -> !bought.contains(n))
                    .map(n -> new PurchaseFailure(n, "not bought", Optional.empty())).toList();
            return Optional.of(build(orderId, requested, bought, failures));
        } catch (IllegalArgumentException | InvalidRequestException notOurs) {
            return Optional.empty();
        }
    }

    @Override
    public PurchaseOrder await(String orderId, Duration timeout) {
        return order(orderId).orElseThrow(() -> new NotFoundException("no SignalWire order " + orderId, client.context()));
    }

    private PurchaseOrder receipt(List<PhoneNumber> requested, List<PhoneNumber> bought, List<PurchaseFailure> failures) {
        String encoded = join(requested) + "|" + join(bought);
        String id = ORDER_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(encoded.getBytes(StandardCharsets.UTF_8));
        return build(id, requested, bought, failures);
    }

    private PurchaseOrder build(String id, List<PhoneNumber> requested, List<PhoneNumber> bought, List<PurchaseFailure> failures) {
        return PurchaseOrder.builder(id, bought.isEmpty() ? PurchaseStatus.FAILED : PurchaseStatus.COMPLETED)
                .requested(requested).purchased(bought).failures(failures).build();
    }

    private static String join(List<PhoneNumber> numbers) {
        return String.join(",", numbers.stream().map(PhoneNumber::e164).toList());
    }

    private static List<PhoneNumber> numbers(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.stream(csv.split(",")).map(PhoneNumber::of).toList();
    }
}
