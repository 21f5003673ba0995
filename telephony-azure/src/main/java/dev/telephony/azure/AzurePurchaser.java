package dev.telephony.azure;

import com.azure.communication.phonenumbers.PhoneNumbersClient;
import com.azure.communication.phonenumbers.models.PhoneNumberOperation;
import com.azure.core.util.Context;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
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
import dev.telephony.api.spi.Polling;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.api.spi.Retrier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Buying the numbers a search holds, through that search's id: Azure's purchase is a long-running
 * operation, so the order comes back PENDING and {@link #await} follows it. The order id carries the
 * operation id, the search id, the numbers and the hold's end, so the order can be read after a
 * restart: from the operation while Azure keeps it, else from the account's numbers.
 */
final class AzurePurchaser implements NumberPurchaser {
    static final String SEARCH_ID = "searchId";
    static final String SEARCH_SIZE = "searchSize";
    private static final String PREFIX = "az1-";
    /** How long after a search's hold a purchase that has not shown up is taken as failed. */
    private static final Duration PURCHASE_GRACE = Duration.ofMinutes(30);

    private final PhoneNumbersClient client;
    private final AzureResources resources;
    private final AzureInventory inventory;
    private final AzureErrors errors;
    private final Retrier retrier;
    private final Reconciliation reconciliation;
    private final Polling polling;
    private final Clock clock;
    private final Duration pollInterval;

    AzurePurchaser(PhoneNumbersClient client, AzureResources resources, AzureInventory inventory, AzureErrors errors,
                   Retrier retrier, Polling polling, Clock clock, Duration pollInterval) {
        this.client = client;
        this.resources = resources;
        this.inventory = inventory;
        this.errors = errors;
        this.retrier = retrier;
        this.reconciliation = new Reconciliation(errors.context(), retrier);
        this.polling = polling;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    @Override
    public PurchaseOrder purchase(PurchaseRequest request) {
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, request.requiredCapabilities());
        request.requireLiveHolds(clock.instant(), errors.context());
        String searchId = searchOf(request);
        Instant holdEnds = request.offers().get(0).holdExpiresAt().orElse(clock.instant());
        return reconciliation.purchase(request, new Reconciliation.Purchase() {
            @Override
            public PurchaseOrder send(PurchaseRequest r) {
                return AzurePurchaser.this.send(r, searchId, holdEnds);
            }

            @Override
            public Set<PhoneNumber> claimed(List<PhoneNumber> numbers) {
                return AzurePurchaser.this.claimed(numbers, searchId);
            }

            @Override
            public PurchaseOrder recovered(PurchaseRequest r, Set<PhoneNumber> claimed) {
                return order(new Receipt("", searchId, r.numbers(), holdEnds));
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
                    InvalidRequestException.of("purchase.offers", "Azure sells only numbers held by one of its live searches: "
                            + "search with this provider and purchase the offers it returns"));
        }
        Set<String> searches = new HashSet<>();
        request.offers().forEach(o -> searches.add(o.attributes().get(SEARCH_ID)));
        if (searches.size() > 1) {
            throw InvalidRequestException.of("purchase.offers", "Azure buys the numbers of one search at a time; these come from "
                    + searches.size() + " searches");
        }
        AvailableNumber first = request.offers().get(0);
        int held = Integer.parseInt(first.attributes().getOrDefault(SEARCH_SIZE, String.valueOf(request.offers().size())));
        if (held != request.offers().size()) {
            throw InvalidRequestException.of("purchase.offers", "Azure buys every number a search holds: this search holds "
                    + held + ", the request names " + request.offers().size() + "; search again with limit " + request.offers().size());
        }
        return searches.iterator().next();
    }

    private PurchaseOrder send(PurchaseRequest request, String searchId, Instant holdEnds) {
        return errors.call(() -> {
            SyncPoller<PhoneNumberOperation, ?> poller = client.beginPurchasePhoneNumbers(searchId, Context.NONE);
            PollResponse<PhoneNumberOperation> first = poller.poll();
            String operationId = first.getValue() == null ? "" : first.getValue().getId();
            return order(new Receipt(operationId == null ? "" : operationId, searchId, request.numbers(), holdEnds));
        });
    }

    /** Which numbers are bought or being bought: owned ones, and all of a search Azure no longer holds for sale. */
    private Set<PhoneNumber> claimed(List<PhoneNumber> numbers, String searchId) {
        Set<PhoneNumber> claimed = new HashSet<>();
        numbers.forEach(n -> inventory.get(n).ifPresent(owned -> claimed.add(n)));
        if (claimed.size() < numbers.size()
                && retrier.call("check search", () -> resources.searchResult(searchId)).isEmpty()) {
            claimed.addAll(numbers);
        }
        return claimed;
    }

    @Override
    public Optional<PurchaseOrder> order(String orderId) {
        return Receipt.decode(orderId).map(this::order);
    }

    private PurchaseOrder order(Receipt receipt) {
        if (!receipt.operationId().isEmpty()) {
            Optional<JsonNode> operation = retrier.call("purchase operation", () -> resources.operation(receipt.operationId()));
            if (operation.isPresent()) {
                String status = operation.get().path("status").asText("");
                return switch (status) {
                    case "succeeded" -> build(receipt, PurchaseStatus.COMPLETED, receipt.numbers(), null);
                    case "failed" -> build(receipt, PurchaseStatus.FAILED, List.of(),
                            operation.get().path("error").path("message").asText("Azure's purchase failed"));
                    default -> build(receipt, PurchaseStatus.PENDING, List.of(), "Azure's purchase is " + status);
                };
            }
        }
        // no operation to ask (lost answer, or Azure has forgotten it): the account's numbers say
        List<PhoneNumber> owned = receipt.numbers().stream().filter(n -> inventory.get(n).isPresent()).toList();
        if (owned.size() == receipt.numbers().size()) {
            return build(receipt, PurchaseStatus.COMPLETED, owned, null);
        }
        if (clock.instant().isAfter(receipt.holdEnds().plus(PURCHASE_GRACE))) {
            return build(receipt, owned.isEmpty() ? PurchaseStatus.FAILED : PurchaseStatus.COMPLETED, owned,
                    "the purchase did not show on the account in time");
        }
        return build(receipt, PurchaseStatus.PENDING, owned, "waiting for the numbers to show on the account");
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
        Receipt receipt = Receipt.decode(orderId)
                .orElseThrow(() -> new NotFoundException("no Azure order " + orderId, errors.context()));
        return polling.await(orderId, timeout, () -> order(receipt), PurchaseOrder::isTerminal, o -> pollInterval,
                o -> o.status().name());
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
