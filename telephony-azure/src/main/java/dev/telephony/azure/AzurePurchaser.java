package dev.telephony.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.spi.Capabilities;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.api.spi.Retrier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Buying the numbers a search holds, through that search's id. Azure's purchase is a long-running
 * operation: the write is the {@code POST :purchase} alone, sent once through {@link Reconciliation},
 * and once Azure accepted it (202 with the operation's id) the order is PENDING; {@link #await} follows
 * the operation, so nothing that happens to a poll can make the purchase be sent again. The order id
 * carries the operation id, the search id, the numbers and the hold's end, so the order can be read
 * after a restart: from the operation while Azure keeps it, else from the account's numbers.
 */
final class AzurePurchaser implements NumberPurchaser {
    static final String SEARCH_ID = "searchId";
    static final String SEARCH_SIZE = "searchSize";
    private static final String PREFIX = "az1-";
    /** How long after a hold ends (a search's, a reservation's) a purchase that has not shown up is taken as failed. */
    static final Duration PURCHASE_GRACE = Duration.ofMinutes(30);

    private final AzureResources resources;
    private final AzureInventory inventory;
    private final AzureOperations operations;
    private final AzureErrors errors;
    private final Retrier retrier;
    private final Reconciliation reconciliation;
    private final Clock clock;
    private final Duration orderPollInterval;
    private final AzureHolds holds;

    AzurePurchaser(AzureResources resources, AzureInventory inventory, AzureOperations operations, AzureErrors errors,
                   Retrier retrier, Clock clock, Duration orderPollInterval, AzureHolds holds) {
        this.holds = holds;
        this.resources = resources;
        this.inventory = inventory;
        this.operations = operations;
        this.errors = errors;
        this.retrier = retrier;
        this.reconciliation = inventory.reconciliation();
        this.clock = clock;
        this.orderPollInterval = orderPollInterval;
    }

    @Override
    public PurchaseOrder purchase(PurchaseRequest request) {
        AzureInventory.require(request, "request");
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, request.requiredCapabilities());
        request.requireLiveHolds(clock.instant(), errors.context());
        if (!request.offers().isEmpty() && request.offers().stream().allMatch(o -> AzureHolds.BROWSED.equals(o.attributes().get(AzureHolds.SOURCE)))) {
            // offers of a browse: a reservation of exactly these numbers, then its purchase
            return holds.buy(request);
        }
        String searchId = searchOf(request);
        Instant holdEnds = request.offers().get(0).holdExpiresAt().orElse(clock.instant());
        return reconciliation.purchase(request, new Reconciliation.Purchase() {
            @Override
            public PurchaseOrder send(PurchaseRequest r) {
                String operationId = resources.startPurchase(searchId).operationId();
                return build(new Receipt(operationId, searchId, r.numbers(), holdEnds), PurchaseStatus.PENDING, List.of(),
                        "Azure accepted the purchase; follow it with await");
            }

            @Override
            public Set<PhoneNumber> claimed(List<PhoneNumber> numbers) {
                return AzurePurchaser.this.claimed(numbers, searchId);
            }

            @Override
            public PurchaseOrder recovered(PurchaseRequest r, Set<PhoneNumber> claimed) {
                // the operation's id was in the lost answer: the order is followed by the account's numbers
                return build(new Receipt("", searchId, r.numbers(), holdEnds), PurchaseStatus.PENDING, List.of(),
                        "Azure's answer was lost, but the purchase is under way; follow it with await");
            }
        });
    }

    /**
     * The search every offer of the request came from. Azure buys every number a search holds, so the
     * request must name them all; anything else is refused before a request is sent.
     */
    private String searchOf(PurchaseRequest request) {
        if (request.offers().isEmpty() || request.offers().stream().anyMatch(o -> !o.attributes().containsKey(SEARCH_ID))) {
            throw new NumberNotAvailableException(request.numbers(), errors.context().withProviderCode("NotFromALiveSearch"),
                    InvalidRequestException.of("purchase.offers", "Azure sells only numbers a browse offered, one of its live searches "
                            + "holds, or a hold holds: search with this provider and purchase the offers it returns, or hold the numbers"));
        }
        Set<String> searches = new HashSet<>();
        request.offers().forEach(o -> searches.add(o.attributes().get(SEARCH_ID)));
        if (searches.size() > 1) {
            throw InvalidRequestException.of("purchase.offers", "Azure buys the numbers of one search at a time; these come from "
                    + searches.size() + " searches");
        }
        AvailableNumber first = request.offers().get(0);
        int held;
        try {
            held = Integer.parseInt(first.attributes().getOrDefault(SEARCH_SIZE, String.valueOf(request.offers().size())));
        } catch (NumberFormatException notOurs) {
            throw InvalidRequestException.of("purchase.offers", "carry a searchSize this provider did not give: purchase the offers "
                    + "its search returned");
        }
        if (held != request.offers().size()) {
            throw InvalidRequestException.of("purchase.offers", "Azure buys every number a search holds: this search holds "
                    + held + ", the request names " + request.offers().size() + "; search again with limit " + request.offers().size());
        }
        return searches.iterator().next();
    }

    /** Which numbers are bought or being bought: owned ones, and all of a search Azure no longer holds for sale. */
    private Set<PhoneNumber> claimed(List<PhoneNumber> numbers, String searchId) {
        Set<PhoneNumber> claimed = new HashSet<>();
        for (PhoneNumber n : numbers) {
            if (inventory.get(n).isPresent()) {
                claimed.add(n);
            }
        }
        if (claimed.size() < numbers.size()
                && retrier.call("check search", () -> resources.searchResult(searchId)).isEmpty()) {
            claimed.addAll(numbers);
        }
        return claimed;
    }

    @Override
    public Optional<PurchaseOrder> order(String orderId) {
        AzureInventory.require(orderId, "orderId");
        if (AzureHolds.isOrder(orderId)) {
            return holds.order(orderId);
        }
        return Receipt.decode(orderId).map(receipt -> retrier.call("purchase order", () -> order(receipt)));
    }

    /**
     * The order as Azure's operation tells it, while Azure keeps the operation; else as the account's
     * numbers tell it. Each read is made once: the caller retries.
     */
    private PurchaseOrder order(Receipt receipt) {
        if (!receipt.operationId().isEmpty()) {
            Optional<JsonNode> operation = resources.operation(receipt.operationId());
            if (operation.isPresent()) {
                return switch (AzureOperations.Status.of(operation.get(), errors)) {
                    case SUCCEEDED -> build(receipt, PurchaseStatus.COMPLETED, receipt.numbers(), null);
                    case FAILED -> failed(receipt, AzureErrors.AzureError.of(operation.get().get("error")));
                    case NOT_STARTED, RUNNING -> build(receipt, PurchaseStatus.PENDING, List.of(),
                            "Azure's purchase is " + operation.get().path("status").asText());
                };
            }
        }
        // no operation to ask (lost answer, or Azure has forgotten it): the account's numbers say
        List<PhoneNumber> owned = new ArrayList<>();
        for (PhoneNumber n : receipt.numbers()) {
            if (inventory.getOnce(n).isPresent()) {
                owned.add(n);
            }
        }
        if (owned.size() == receipt.numbers().size()) {
            return build(receipt, PurchaseStatus.COMPLETED, owned, null);
        }
        if (clock.instant().isAfter(receipt.holdEnds().plus(PURCHASE_GRACE))) {
            return build(receipt, owned.isEmpty() ? PurchaseStatus.FAILED : PurchaseStatus.COMPLETED, owned,
                    "the purchase did not show on the account in time");
        }
        return build(receipt, PurchaseStatus.PENDING, owned, "waiting for the numbers to show on the account");
    }

    /** A FAILED order carrying Azure's code and message, on every number. */
    private PurchaseOrder failed(Receipt receipt, AzureErrors.AzureError error) {
        String message = error.message() == null ? "Azure's purchase failed and gave no reason" : "Azure's purchase failed: " + error.message();
        PurchaseOrder.Builder order = PurchaseOrder.builder(receipt.encode(), PurchaseStatus.FAILED).requested(receipt.numbers())
                .details(message).attribute(SEARCH_ID, receipt.searchId()).attribute("operationId", receipt.operationId());
        if (error.code() != null) {
            order.attribute("errorCode", error.code());
        }
        receipt.numbers().forEach(n -> order.failure(n, message, error.code()));
        return order.build();
    }

    private PurchaseOrder build(Receipt receipt, PurchaseStatus status, List<PhoneNumber> bought, String details) {
        PurchaseOrder.Builder order = PurchaseOrder.builder(receipt.encode(), status).requested(receipt.numbers())
                .purchased(bought).details(details).attribute(SEARCH_ID, receipt.searchId());
        if (!receipt.operationId().isEmpty()) {
            order.attribute("operationId", receipt.operationId());
        }
        if (status == PurchaseStatus.FAILED) {
            receipt.numbers().stream().filter(n -> !bought.contains(n))
                    .forEach(n -> order.failure(n, details == null ? "not bought" : details, null));
        }
        return order.build();
    }

    @Override
    public PurchaseOrder await(String orderId, Duration timeout) {
        AzureInventory.require(orderId, "orderId");
        AzureInventory.require(timeout, "timeout");
        if (AzureHolds.isOrder(orderId)) {
            return holds.await(orderId, timeout);
        }
        Receipt receipt = Receipt.decode(orderId)
                .orElseThrow(() -> new NotFoundException("no Azure order " + AzureErrors.shorten(orderId), errors.context()));
        return operations.await(orderId, timeout, orderPollInterval, () -> order(receipt), PurchaseOrder::isTerminal, o -> o.status().name());
    }

    /** What an order id carries. */
    record Receipt(String operationId, String searchId, List<PhoneNumber> numbers, Instant holdEnds) {
        String encode() {
            String text = operationId + "|" + searchId + "|" + String.join(",", numbers.stream().map(PhoneNumber::e164).toList())
                    + "|" + holdEnds.getEpochSecond();
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Optional<Receipt> decode(String id) {
            if (id == null || !id.startsWith(PREFIX)) {
                return Optional.empty();
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(id.substring(PREFIX.length())), StandardCharsets.UTF_8)
                        .split("\\|", -1);
                if (parts.length != 4) {
                    return Optional.empty();
                }
                return Optional.of(new Receipt(parts[0], parts[1], Arrays.stream(parts[2].split(",")).map(PhoneNumber::of).toList(),
                        Instant.ofEpochSecond(Long.parseLong(parts[3]))));
            } catch (RuntimeException notOurs) {
                return Optional.empty();
            }
        }
    }
}
