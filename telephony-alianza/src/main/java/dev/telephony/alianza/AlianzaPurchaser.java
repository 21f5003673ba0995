package dev.telephony.alianza;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.telephony.alianza.internal.NumberDetails;
import dev.telephony.alianza.internal.Order;
import dev.telephony.alianza.internal.OrderRequest;
import dev.telephony.alianza.internal.TollFreeOrderRequest;
import dev.telephony.api.Capability;
import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.NumberStatus;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseFailure;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.OperationTimeoutException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.api.spi.Capabilities;
import dev.telephony.api.spi.Polling;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.RestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
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
 * The log-in a purchase needs happens before it is sent, never inside the send (see
 * {@link AlianzaTokenAuthentication#write}).
 *
 * <p>An order's answer is read line by line: a number whose line says {@code ACTIVE} is bought, one
 * whose line says it failed is not. When a finished order's answer does not say what became of a
 * number it was asked for (no lines at all, no line for it, or a status the library does not know),
 * the number's own record decides: bought when it is the account's, not bought when it is not. A
 * finished order is never reported as failed for want of lines.
 *
 * <p>Alianza may answer an order {@code PENDING}; it is read back with
 * {@code GET …/telephone-number/order/{orderId}} and awaited at the provider's pace. An order's id
 * carries Alianza's order id and the numbers it asked for ({@value #ORDER}…), so that it can be
 * followed after a restart even when Alianza's answer leaves the numbers out. A purchase that took
 * several orders has their ids joined by {@value #SEPARATOR}; an order established from the numbers'
 * records after a lost answer has an id naming the numbers ({@value #RECEIPT}…).
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
    /** Starts the id of one of Alianza's orders: its order id and the numbers asked for follow, encoded. */
    static final String ORDER = "alz1-";

    private final RestClient client;
    private final AlianzaAnswers answers;
    private final AlianzaTokenAuthentication authentication;
    private final AlianzaPaths paths;
    private final String accountId;
    private final Set<Capability> capabilities;
    private final AlianzaInventory inventory;
    private final Polling polling;

    AlianzaPurchaser(RestClient client, AlianzaAnswers answers, AlianzaTokenAuthentication authentication, AlianzaPaths paths,
                     String accountId, Set<Capability> capabilities, AlianzaInventory inventory) {
        this.client = client;
        this.answers = answers;
        this.authentication = authentication;
        this.paths = paths;
        this.accountId = accountId;
        this.capabilities = capabilities;
        this.inventory = inventory;
        this.polling = new Polling(client.clock(), client.sleeper(), client.context());
    }

    @Override
    public PurchaseOrder purchase(PurchaseRequest request) {
        if (request == null) {
            throw InvalidRequestException.of("purchase", "is required");
        }
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
                placed.add(authentication.write(() -> client.reconciliation().purchase(part, new Batch())));
            } catch (PurchaseOutcomeUnknownException unknown) {
                if (placed.isEmpty()) {
                    throw unknown;
                }
                // the orders placed before stay followable: their ids travel with the error
                List<PhoneNumber> confirmed = placed.stream().flatMap(o -> o.purchased().stream()).toList();
                String ids = placed.stream().map(PurchaseOrder::id).collect(Collectors.joining(SEPARATOR));
                throw new PurchaseOutcomeUnknownException(request.numbers(), confirmed, ids, client.context(), unknown);
            } catch (NumberNotAvailableException | InvalidRequestException refusal) {
                lastRefusal = refusal;
                batch.forEach(n -> refused.add(new PurchaseFailure(n, refusal.reason(), refusal.providerCode())));
            } catch (TelephonyException other) {
                if (placed.isEmpty() && refused.isEmpty()) {
                    throw other;
                }
                // earlier orders went through: report them, and this batch as not bought (the carrier refused it,
                // or the reconciliation proved it bought nothing)
                batch.forEach(n -> refused.add(new PurchaseFailure(n, other.reason(), other.providerCode())));
            }
        }
        if (placed.isEmpty()) {
            if (lastRefusal instanceof NumberNotAvailableException only && only.numbers().equals(request.numbers())) {
                throw only;
            }
            throw new NumberNotAvailableException(request.numbers(), lastRefusal == null ? null : lastRefusal.reason(),
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

    /** One batch as the reconciliation sees it; remembers the records its reconciliation read. */
    private final class Batch implements Reconciliation.Purchase {
        private final Map<PhoneNumber, NumberDetails> records = new LinkedHashMap<>();

        @Override
        public PurchaseOrder send(PurchaseRequest r) {
            return place(r);
        }

        @Override
        public Set<PhoneNumber> claimed(List<PhoneNumber> numbers) {
            records.clear();
            Set<PhoneNumber> ours = new LinkedHashSet<>();
            for (PhoneNumber number : numbers) {
                inventory.details(number).ifPresent(d -> {
                    records.put(number, d);
                    ours.add(number);
                });
            }
            return ours;
        }

        @Override
        public PurchaseOrder recovered(PurchaseRequest r, Set<PhoneNumber> claimed) {
            // the records the reconciliation just read say what each number is: nothing is read twice
            return fromRecords(receiptId(r.numbers()), r.numbers(), records).order();
        }
    }

    /**
     * Places one order, once. Whatever goes wrong after the order was sent is reported as an
     * unusable answer, so that the reconciliation looks at the account before anything else happens.
     */
    private PurchaseOrder place(PurchaseRequest part) {
        List<PhoneNumber> numbers = part.numbers();
        boolean tollFree = numbers.size() == 1 && AlianzaNumbers.isTollFree(numbers.get(0));
        HttpRequest request = tollFree
                ? client.withJson(HttpRequest.post(paths.tollFreeOrder()), new TollFreeOrderRequest(numbers.get(0).e164(), accountId))
                : client.withJson(HttpRequest.post(paths.order()),
                        new OrderRequest(numbers.stream().map(PhoneNumber::e164).toList(), accountId));
        HttpResponse response;
        try {
            response = authentication.sendWrite(client, request);
        } catch (NumberNotAvailableException refused) {
            if (refused.numbers().isEmpty()) {
                throw new NumberNotAvailableException(numbers, refused.reason(), refused.context(), refused);
            }
            throw refused;
        }
        try {
            return carrierOrder(response, numbers, null).order();
        } catch (ProtocolException | ProviderUnavailableException | OperationTimeoutException lost) {
            throw lost;
        } catch (TelephonyException followUp) {
            // the order went out and was answered; only reading what it did failed (a number's record, a log-in)
            throw new ProtocolException("the order was answered but what it bought could not be read: " + followUp.reason(),
                    followUp.context(), followUp);
        }
    }

    @Override
    public Optional<PurchaseOrder> order(String orderId) {
        return snapshot(orderId).map(Snapshot::order);
    }

    @Override
    public PurchaseOrder await(String orderId, Duration timeout) {
        if (orderId == null || orderId.isBlank()) {
            throw InvalidRequestException.of("orderId", "is required");
        }
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

    /** One of Alianza's orders read back: by one of our ids (which carries the numbers asked for), or by Alianza's own. */
    private Optional<Snapshot> carrierOrder(String id) {
        Optional<OrderId> parsed = OrderId.parse(id);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        HttpResponse response;
        try {
            response = client.read(HttpRequest.get(paths.order(parsed.get().orderId())));
        } catch (NotFoundException unknown) {
            return Optional.empty();
        }
        return Optional.of(carrierOrder(response, parsed.get().asked(), parsed.get()));
    }

    /**
     * An order's answer in neutral form, the numbers it is silent about settled by their records.
     *
     * @param readBack the id the order was read back by, or null for the answer to placing it
     */
    private Snapshot carrierOrder(HttpResponse response, List<PhoneNumber> asked, OrderId readBack) {
        Order answer = answers.object(response, Order.class, "an order",
                AlianzaAnswers.required("orderId", JsonNodeType.STRING, "status", JsonNodeType.STRING));
        if (readBack != null && !readBack.orderId().equals(answer.orderId())) {
            throw answers.unusable(response, "an order", "it is order " + answer.orderId() + ", not " + readBack.orderId());
        }
        Reading reading = answers.mapped(response, answer, o -> read(o, asked), "an order");
        if (reading.asked().isEmpty() && reading.silent()) {
            throw answers.unusable(response, "an order", "a finished order that names none of its numbers");
        }
        Map<PhoneNumber, NumberDetails> records = new LinkedHashMap<>();
        for (PhoneNumber number : reading.unsettled()) {
            inventory.details(number).ifPresent(d -> records.put(number, d));
        }
        // the id the caller follows the order by stays the one it was given
        String id = readBack != null ? id(readBack.orderId(), readBack.asked()) : id(answer.orderId(), asked);
        return new Snapshot(reading.settle(records, id), client.retryAfter(response).orElse(DEFAULT_PACE));
    }

    /** Our id of one of Alianza's orders: its own id and the numbers it asked for, which its answer may leave out. */
    record OrderId(String orderId, List<PhoneNumber> asked) {
        static Optional<OrderId> parse(String id) {
            if (id.isBlank() || id.startsWith(RECEIPT)) {
                return Optional.empty();
            }
            if (!id.startsWith(ORDER)) {
                // Alianza's own order id, as an earlier version of the library issued it: its answer must name the numbers
                return Optional.of(new OrderId(id, List.of()));
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(id.substring(ORDER.length())), StandardCharsets.UTF_8)
                        .split("\n", -1);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    return Optional.empty();
                }
                List<PhoneNumber> numbers = new ArrayList<>();
                for (String text : parts[1].split(",")) {
                    numbers.add(PhoneNumber.of(text));
                }
                return Optional.of(new OrderId(parts[0], List.copyOf(numbers)));
            } catch (IllegalArgumentException | InvalidRequestException notOurs) {
                return Optional.empty();
            }
        }
    }

    /** The id of Alianza's order {@code orderId} for {@code asked}; Alianza's id alone when the numbers are not known. */
    static String id(String orderId, List<PhoneNumber> asked) {
        if (asked.isEmpty()) {
            return orderId;
        }
        String text = orderId + "\n" + asked.stream().map(PhoneNumber::e164).collect(Collectors.joining(","));
        return ORDER + Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String receiptId(List<PhoneNumber> numbers) {
        return RECEIPT + numbers.stream().map(PhoneNumber::e164).collect(Collectors.joining("."));
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
        Map<PhoneNumber, NumberDetails> records = new LinkedHashMap<>();
        for (PhoneNumber number : numbers) {
            inventory.details(number).ifPresent(d -> records.put(number, d));
        }
        return Optional.of(fromRecords(id, numbers, records));
    }

    /** The order {@code records} (the account's numbers among {@code numbers}, by number) describe. */
    private static Snapshot fromRecords(String id, List<PhoneNumber> numbers, Map<PhoneNumber, NumberDetails> records) {
        List<PhoneNumber> bought = new ArrayList<>();
        List<PurchaseFailure> failures = new ArrayList<>();
        boolean pending = false;
        for (PhoneNumber number : numbers) {
            NumberDetails details = records.get(number);
            if (details == null) {
                failures.add(new PurchaseFailure(number, "not the account's number", Optional.empty()));
            } else if (AlianzaNumbers.status(details.status()) == NumberStatus.PENDING) {
                pending = true;
            } else {
                bought.add(number);
            }
        }
        PurchaseStatus status = pending ? PurchaseStatus.PENDING : bought.isEmpty() ? PurchaseStatus.FAILED : PurchaseStatus.COMPLETED;
        return new Snapshot(PurchaseOrder.builder(id, status).requested(numbers).purchased(bought).failures(failures)
                .details("established from the numbers' records after the order's answer was lost").build(), DEFAULT_PACE);
    }

    /** One Alianza order in neutral form, as far as the answer alone tells; {@code asked} are the numbers sent, when known. */
    static PurchaseOrder order(Order order, List<PhoneNumber> asked) {
        Reading reading = read(order, asked);
        if (!reading.unsettled().isEmpty()) {
            throw new IllegalArgumentException("the answer does not say what became of " + reading.unsettled());
        }
        return reading.settle(Map.of(), id(order.orderId(), asked));
    }

    /**
     * What an order's answer says, number by number.
     *
     * @param asked    the numbers of the order
     * @param bought   those whose line says they are the account's
     * @param pending  those whose line says they are still on order
     * @param failures those whose line says they were not ordered
     * @param unsettled those of a finished order the answer says nothing usable about: their records decide
     * @param silent   whether the answer has no lines at all
     */
    record Reading(Order answer, PurchaseStatus status, List<PhoneNumber> asked, List<PhoneNumber> bought, List<PhoneNumber> pending,
                   List<PurchaseFailure> failures, List<PhoneNumber> unsettled, boolean silent) {

        /** The order, once {@code records} (the account's numbers among the unsettled, by number) have settled the rest. */
        PurchaseOrder settle(Map<PhoneNumber, NumberDetails> records, String id) {
            List<PhoneNumber> purchased = new ArrayList<>(bought);
            List<PurchaseFailure> failed = new ArrayList<>(failures);
            boolean stillPending = status == PurchaseStatus.PENDING || !pending.isEmpty();
            for (PhoneNumber number : unsettled) {
                NumberDetails details = records.get(number);
                if (details == null) {
                    failed.add(new PurchaseFailure(number, "the order's answer does not name it and the account does not have it",
                            Optional.empty()));
                } else if (AlianzaNumbers.status(details.status()) == NumberStatus.PENDING) {
                    stillPending = true;
                } else {
                    purchased.add(number);
                }
            }
            PurchaseStatus settled;
            if (stillPending) {
                settled = PurchaseStatus.PENDING;
            } else if (!purchased.isEmpty()) {
                settled = PurchaseStatus.COMPLETED;
            } else {
                settled = status == PurchaseStatus.CANCELLED ? PurchaseStatus.CANCELLED : PurchaseStatus.FAILED;
            }
            PurchaseOrder.Builder neutral = PurchaseOrder.builder(id, settled).requested(asked).purchased(purchased)
                    .failures(failed)
                    .details(AlianzaNumbers.blankToNull(answer.message()))
                    .createdAt(answer.lines().stream().map(l -> instant(l.orderedDate())).filter(Objects::nonNull)
                            .min(Instant::compareTo).orElse(null))
                    .attribute("orderId", answer.orderId())
                    .attribute("status", answer.status());
            if (settled == PurchaseStatus.FAILED && answer.message() == null) {
                neutral.details("none of the numbers could be ordered");
            }
            return neutral.build();
        }
    }

    static Reading read(Order order, List<PhoneNumber> asked) {
        PurchaseStatus status = orderStatus(order.status());
        Map<PhoneNumber, Order.Line> lines = new LinkedHashMap<>();
        for (Order.Line line : order.lines()) {
            // a line the answer gives must be whole: a missing line is settled from the records, a broken one is not
            if (line == null) {
                throw new IllegalArgumentException("a null line");
            }
            AlianzaNumbers.required(line.status(), "status");
            PhoneNumber number = PhoneNumber.of(AlianzaNumbers.required(line.telephoneNumber(), "telephoneNumber"));
            if (!asked.isEmpty() && !asked.contains(number)) {
                throw new IllegalArgumentException("a line for " + number + ", which the order did not ask for");
            }
            lines.put(number, line);
        }
        List<PhoneNumber> requested = asked.isEmpty() ? List.copyOf(lines.keySet()) : asked;
        List<PhoneNumber> bought = new ArrayList<>();
        List<PhoneNumber> pending = new ArrayList<>();
        List<PurchaseFailure> failures = new ArrayList<>();
        List<PhoneNumber> unsettled = new ArrayList<>();
        for (PhoneNumber number : requested) {
            Order.Line line = lines.get(number);
            LineState state = line == null ? LineState.UNKNOWN : lineState(line.status());
            switch (state) {
                case BOUGHT -> bought.add(number);
                case PENDING -> pending.add(number);
                case FAILED -> failures.add(new PurchaseFailure(number,
                        Optional.ofNullable(AlianzaNumbers.blankToNull(line.reason())).orElse("not ordered (" + line.status() + ")"),
                        Optional.ofNullable(AlianzaNumbers.blankToNull(line.status()))));
                case UNKNOWN -> {
                    if (status.isTerminal()) {
                        unsettled.add(number);
                    } else {
                        pending.add(number);
                    }
                }
            }
        }
        order.lines().forEach(l -> instant(l.orderedDate()));
        return new Reading(order, status, requested, bought, pending, failures, unsettled, order.telephoneNumbers() == null
                || order.telephoneNumbers().isEmpty());
    }

    private enum LineState { BOUGHT, PENDING, FAILED, UNKNOWN }

    /** A line's status: the guide's {@code ACTIVE}, and the public OpenAPI's carrier statuses. */
    private static LineState lineState(String status) {
        String value = status == null ? "" : status.toUpperCase(Locale.ROOT);
        return switch (value) {
            case "ACTIVE", "COMPLETED", "COMPLETE", "ORDERED" -> LineState.BOUGHT;
            case "PENDING", "IN_PROGRESS", "SUBMITTED", "ACTIVATION_PENDING", "ACTIVATION_ON_HOLD" -> LineState.PENDING;
            case "FAILED", "ERROR", "REJECTED", "CANCELLED", "CANCELED", "NOT_AVAILABLE", "UNAVAILABLE" -> LineState.FAILED;
            default -> LineState.UNKNOWN;
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

    /** An ISO-8601 instant ({@code 2025-12-18T10:30:00Z}, as in the guide); anything else is not the documented shape. */
    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("an unreadable orderedDate '" + text + "'", e);
        }
    }
}
