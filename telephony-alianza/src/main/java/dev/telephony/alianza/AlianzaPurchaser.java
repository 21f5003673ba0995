package dev.telephony.alianza;

import dev.telephony.alianza.wire.NumberDetails;
import dev.telephony.alianza.wire.Order;
import dev.telephony.alianza.wire.OrderRequest;
import dev.telephony.alianza.wire.TollFreeOrderRequest;
import dev.telephony.api.Capability;
import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseFailure;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.api.spi.Capabilities;
import dev.telephony.api.spi.Polling;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.RestClient;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Orders: local numbers with {@code POST …/telephone-number/order} in batches of at most
 * {@value #BATCH_SIZE}, toll-free numbers one by one with {@code POST …/telephone-number/order/tollfree}.
 * Each batch goes through the {@link Reconciliation}: after an ambiguous failure the numbers' own
 * records say whether the account has them (or has them on order) before anything is sent again.
 *
 * <p>Alianza may answer an order {@code PENDING}; it is read back with
 * {@code GET …/telephone-number/order/{orderId}} and awaited at the provider's pace. A purchase that
 * took several orders has their ids joined by {@value #SEPARATOR} as its id; an order established
 * from the numbers' records after a lost answer has an id naming the numbers ({@value #RECEIPT}…).
 * Either id is enough to follow the purchase after a restart.
 */
final class AlianzaPurchaser implements NumberPurchaser {
    /** The most numbers one order carries, as the guide advises for bulk orders. */
    static final int BATCH_SIZE = 100;
    /** How long to wait between looks at a pending order when Alianza does not say. */
    static final Duration DEFAULT_PACE = Duration.ofSeconds(5);
    /** Joins the ids of the orders one purchase took. */
    static final String SEPARATOR = "~";
    /** Starts the id of an order established from the numbers' records; the numbers follow, joined by dots. */
    static final String RECEIPT = "tn-";

    private final RestClient client;
    private final AlianzaPaths paths;
    private final String accountId;
    private final Set<Capability> capabilities;
    private final AlianzaInventory inventory;
    private final Polling polling;

    AlianzaPurchaser(RestClient client, AlianzaPaths paths, String accountId, Set<Capability> capabilities,
                     AlianzaInventory inventory) {
        this.client = client;
        this.paths = paths;
        this.accountId = accountId;
        this.capabilities = capabilities;
        this.inventory = inventory;
        this.polling = new Polling(client.clock(), client.sleeper(), client.context());
    }

    @Override
    public PurchaseOrder purchase(PurchaseRequest request) {
        Capabilities.require(client.provider(), capabilities, request.requiredCapabilities());
        request.requireLiveHolds(client.clock().instant(), client.context());
        for (int i = 0; i < request.numbers().size(); i++) {
            if (!request.numbers().get(i).isNanp()) {
                throw InvalidRequestException.of("purchase.numbers[" + i + "]",
                        "Alianza sells North American (+1) numbers only, was " + request.numbers().get(i));
            }
        }
        List<PurchaseOrder> placed = new ArrayList<>();
        List<PurchaseFailure> refused = new ArrayList<>();
        TelephonyException lastRefusal = null;
        for (List<PhoneNumber> batch : batches(request.numbers())) {
            PurchaseRequest part = request.forNumbers(batch);
            try {
                placed.add(client.reconciliation().purchase(part, new Reconciliation.Purchase() {
                    @Override
                    public PurchaseOrder send(PurchaseRequest r) {
                        return place(r);
                    }

                    @Override
                    public Set<PhoneNumber> claimed(List<PhoneNumber> numbers) {
                        return ownedOrOnOrder(numbers);
                    }

                    @Override
                    public PurchaseOrder recovered(PurchaseRequest r, Set<PhoneNumber> claimed) {
                        return fromTruth(r, claimed);
                    }
                }));
            } catch (PurchaseOutcomeUnknownException unknown) {
                if (placed.isEmpty()) {
                    throw unknown;
                }
                List<PhoneNumber> confirmed = placed.stream().flatMap(o -> o.purchased().stream()).toList();
                throw new PurchaseOutcomeUnknownException(request.numbers(), confirmed, null, client.context(), unknown);
            } catch (NumberNotAvailableException | InvalidRequestException refusal) {
                lastRefusal = refusal;
                batch.forEach(n -> refused.add(new PurchaseFailure(n, refusal.reason(), refusal.providerCode())));
            } catch (TelephonyException other) {
                if (placed.isEmpty() && refused.isEmpty()) {
                    throw other;
                }
                // earlier orders went through: report them, and this batch as not bought
                batch.forEach(n -> refused.add(new PurchaseFailure(n, other.reason(), other.providerCode())));
            }
        }
        if (placed.isEmpty()) {
            throw new NumberNotAvailableException(request.numbers(),
                    lastRefusal == null ? client.context() : lastRefusal.context(), lastRefusal);
        }
        if (placed.size() == 1 && refused.isEmpty()) {
            return placed.get(0);
        }
        return combine(placed, refused, request.numbers());
    }

    /** Local numbers in batches of at most {@value #BATCH_SIZE}, then each toll-free number on its own. */
    static List<List<PhoneNumber>> batches(List<PhoneNumber> numbers) {
        List<PhoneNumber> local = numbers.stream().filter(n -> !AlianzaNumbers.isTollFree(n)).toList();
        List<List<PhoneNumber>> batches = new ArrayList<>();
        for (int from = 0; from < local.size(); from += BATCH_SIZE) {
            batches.add(local.subList(from, Math.min(from + BATCH_SIZE, local.size())));
        }
        numbers.stream().filter(AlianzaNumbers::isTollFree).forEach(n -> batches.add(List.of(n)));
        return batches;
    }

    /** Places one order, once. */
    private PurchaseOrder place(PurchaseRequest part) {
        List<PhoneNumber> numbers = part.numbers();
        boolean tollFree = numbers.size() == 1 && AlianzaNumbers.isTollFree(numbers.get(0));
        HttpRequest request = tollFree
                ? client.withJson(HttpRequest.post(paths.tollFreeOrder()), new TollFreeOrderRequest(numbers.get(0).e164(), accountId))
                : client.withJson(HttpRequest.post(paths.order()),
                        new OrderRequest(numbers.stream().map(PhoneNumber::e164).toList(), accountId));
        HttpResponse response;
        try {
            response = client.send(request);
        } catch (NumberNotAvailableException refused) {
            throw new NumberNotAvailableException(numbers, refused.context(), refused);
        }
        return inventory.mapped(client.json(response, Order.class), o -> order(o, numbers), "an order");
    }

    /** Which of {@code numbers} the account has now or has on order, from each number's own record. */
    private Set<PhoneNumber> ownedOrOnOrder(List<PhoneNumber> numbers) {
        Set<PhoneNumber> ours = new LinkedHashSet<>();
        for (PhoneNumber number : numbers) {
            inventory.detailsOnce(number).ifPresent(d -> ours.add(number));
        }
        return ours;
    }

    /** The order to answer when a lost answer turns out to have ordered some of the batch. */
    private PurchaseOrder fromTruth(PurchaseRequest part, Set<PhoneNumber> owned) {
        String id = RECEIPT + part.numbers().stream().map(PhoneNumber::e164).collect(Collectors.joining("."));
        return receipt(id).orElseThrow(() -> new IllegalStateException("a receipt of valid numbers is always readable")).order();
    }

    @Override
    public Optional<PurchaseOrder> order(String orderId) {
        return snapshot(orderId).map(Snapshot::order);
    }

    @Override
    public PurchaseOrder await(String orderId, Duration timeout) {
        Snapshot done = polling.await(orderId, timeout,
                () -> snapshot(orderId).orElseThrow(() -> new NotFoundException("no " + client.provider() + " order " + orderId,
                        client.context())),
                s -> s.order().isTerminal(), Snapshot::pace, s -> s.order().status().name());
        return done.order();
    }

    /** An order as it stands, and how long Alianza asks us to wait before looking again. */
    record Snapshot(PurchaseOrder order, Duration pace) {
    }

    private Optional<Snapshot> snapshot(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            return Optional.empty();
        }
        List<String> ids = Arrays.asList(orderId.split(SEPARATOR, -1));
        List<Snapshot> parts = new ArrayList<>();
        for (String id : ids) {
            Optional<Snapshot> part = id.startsWith(RECEIPT) ? receipt(id) : carrierOrder(id);
            if (part.isEmpty()) {
                return Optional.empty();
            }
            parts.add(part.get());
        }
        if (parts.size() == 1) {
            return Optional.of(parts.get(0));
        }
        Duration pace = parts.stream().map(Snapshot::pace).max(Duration::compareTo).orElse(DEFAULT_PACE);
        PurchaseOrder combined = combine(parts.stream().map(Snapshot::order).toList(), List.of(),
                parts.stream().flatMap(p -> p.order().requested().stream()).toList());
        return Optional.of(new Snapshot(combined, pace));
    }

    private Optional<Snapshot> carrierOrder(String id) {
        if (id.isBlank()) {
            return Optional.empty();
        }
        HttpResponse response;
        try {
            response = client.read(HttpRequest.get(paths.order(id)));
        } catch (NotFoundException unknown) {
            return Optional.empty();
        }
        PurchaseOrder order = inventory.mapped(client.json(response, Order.class), o -> order(o, List.of()), "an order");
        return Optional.of(new Snapshot(order, client.retryAfter(response).orElse(DEFAULT_PACE)));
    }

    /** An order established from the numbers' own records: each is bought, still on order, or not the account's. */
    private Optional<Snapshot> receipt(String id) {
        List<PhoneNumber> numbers = new ArrayList<>();
        try {
            for (String text : id.substring(RECEIPT.length()).split("\\.")) {
                numbers.add(PhoneNumber.of(text));
            }
        } catch (InvalidRequestException notOurs) {
            return Optional.empty();
        }
        List<PhoneNumber> bought = new ArrayList<>();
        List<PurchaseFailure> failures = new ArrayList<>();
        boolean pending = false;
        for (PhoneNumber number : numbers) {
            Optional<NumberDetails> details = inventory.details(number);
            if (details.isEmpty()) {
                failures.add(new PurchaseFailure(number, "not the account's number", Optional.empty()));
            } else if (AlianzaNumbers.status(details.get().status()) == dev.telephony.api.NumberStatus.PENDING) {
                pending = true;
            } else {
                bought.add(number);
            }
        }
        PurchaseStatus status = pending ? PurchaseStatus.PENDING : bought.isEmpty() ? PurchaseStatus.FAILED : PurchaseStatus.COMPLETED;
        return Optional.of(new Snapshot(PurchaseOrder.builder(id, status).requested(numbers).purchased(bought).failures(failures)
                .details("established from the numbers' records after the order's answer was lost").build(), DEFAULT_PACE));
    }

    /** One Alianza order in neutral form; {@code asked} are the numbers sent, when known. */
    static PurchaseOrder order(Order order, List<PhoneNumber> asked) {
        String id = AlianzaNumbers.required(order.orderId(), "orderId");
        PurchaseStatus status = orderStatus(order.status());
        Map<PhoneNumber, Order.Line> lines = new LinkedHashMap<>();
        for (Order.Line line : order.telephoneNumbers()) {
            lines.put(PhoneNumber.of(AlianzaNumbers.required(line.telephoneNumber(), "telephoneNumber")), line);
        }
        List<PhoneNumber> requested = asked.isEmpty() ? List.copyOf(lines.keySet()) : asked;
        List<PhoneNumber> bought = new ArrayList<>();
        List<PurchaseFailure> failures = new ArrayList<>();
        for (PhoneNumber number : requested) {
            Order.Line line = lines.get(number);
            if (line == null) {
                if (status == PurchaseStatus.COMPLETED && lines.isEmpty()) {
                    bought.add(number);
                } else if (status.isTerminal()) {
                    failures.add(new PurchaseFailure(number, "not in the order's answer", Optional.empty()));
                }
                continue;
            }
            switch (lineState(line.status(), status)) {
                case BOUGHT -> bought.add(number);
                case FAILED -> failures.add(new PurchaseFailure(number,
                        Optional.ofNullable(AlianzaNumbers.blankToNull(line.reason())).orElse("not ordered (" + line.status() + ")"),
                        Optional.ofNullable(AlianzaNumbers.blankToNull(line.status()))));
                case PENDING -> { }
            }
        }
        if (status == PurchaseStatus.COMPLETED && bought.isEmpty()) {
            status = PurchaseStatus.FAILED;
        }
        PurchaseOrder.Builder neutral = PurchaseOrder.builder(id, status).requested(requested).purchased(bought).failures(failures)
                .details(AlianzaNumbers.blankToNull(order.message()))
                .createdAt(lines.values().stream().map(l -> instant(l.orderedDate())).filter(Objects::nonNull).min(Instant::compareTo)
                        .orElse(null))
                .attribute("status", order.status());
        if (status == PurchaseStatus.FAILED && order.message() == null) {
            neutral.details("none of the numbers could be ordered");
        }
        return neutral.build();
    }

    private enum LineState { BOUGHT, PENDING, FAILED }

    private static LineState lineState(String status, PurchaseStatus order) {
        String value = status == null ? "" : status.toUpperCase(Locale.ROOT);
        return switch (value) {
            case "ACTIVE", "COMPLETED", "COMPLETE", "ORDERED" -> LineState.BOUGHT;
            case "PENDING", "IN_PROGRESS", "ACTIVATION_PENDING", "SUBMITTED" -> LineState.PENDING;
            case "" -> order == PurchaseStatus.COMPLETED ? LineState.BOUGHT : order == PurchaseStatus.PENDING ? LineState.PENDING
                    : LineState.FAILED;
            default -> LineState.FAILED;
        };
    }

    static PurchaseStatus orderStatus(String status) {
        String value = AlianzaNumbers.required(status, "status").toUpperCase(Locale.ROOT);
        return switch (value) {
            case "PENDING", "SUBMITTED", "IN_PROGRESS", "PROCESSING", "RECEIVED" -> PurchaseStatus.PENDING;
            case "COMPLETED", "COMPLETE", "DONE", "ACTIVE" -> PurchaseStatus.COMPLETED;
            case "FAILED", "ERROR", "REJECTED" -> PurchaseStatus.FAILED;
            case "CANCELLED", "CANCELED" -> PurchaseStatus.CANCELLED;
            default -> throw new IllegalArgumentException("an unknown order status '" + status + "'");
        };
    }

    /** The orders of one purchase as one: pending while any is, completed when anything was bought. */
    private PurchaseOrder combine(List<PurchaseOrder> orders, List<PurchaseFailure> refused, List<PhoneNumber> requested) {
        String id = orders.stream().map(PurchaseOrder::id).collect(Collectors.joining(SEPARATOR));
        List<PhoneNumber> bought = orders.stream().flatMap(o -> o.purchased().stream()).toList();
        List<PurchaseFailure> failures = new ArrayList<>();
        orders.forEach(o -> failures.addAll(o.failures()));
        failures.addAll(refused);
        PurchaseStatus status;
        if (orders.stream().anyMatch(o -> o.status() == PurchaseStatus.PENDING)) {
            status = PurchaseStatus.PENDING;
        } else if (!bought.isEmpty()) {
            status = PurchaseStatus.COMPLETED;
        } else if (orders.stream().allMatch(o -> o.status() == PurchaseStatus.CANCELLED)) {
            status = PurchaseStatus.CANCELLED;
        } else {
            status = PurchaseStatus.FAILED;
        }
        String details = orders.stream().map(PurchaseOrder::details).flatMap(Optional::stream).distinct()
                .collect(Collectors.joining("; "));
        return PurchaseOrder.builder(id, status).requested(requested).purchased(bought).failures(failures)
                .details(details.isEmpty() ? null : details)
                .createdAt(orders.stream().map(PurchaseOrder::createdAt).flatMap(Optional::stream).min(Instant::compareTo).orElse(null))
                .attribute("orders", String.valueOf(orders.size()))
                .build();
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
