package dev.telephony.azure;

import com.azure.communication.phonenumbers.models.PhoneNumberCapabilities;
import com.azure.communication.phonenumbers.models.PhoneNumberCapabilityType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.HeldNumber;
import dev.telephony.api.Hold;
import dev.telephony.api.HoldPurchase;
import dev.telephony.api.HoldRequest;
import dev.telephony.api.HoldStatus;
import dev.telephony.api.Listing;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberHolds;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberType;
import dev.telephony.api.Page;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.Sleeper;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.FieldError;
import dev.telephony.api.error.HoldExpiredException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.error.RetryableException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.api.spi.Capabilities;
import dev.telephony.api.spi.DateTimes;
import dev.telephony.api.spi.PagedListing;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.api.spi.Retrier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Azure's browse and reservations (api-version 2025-04-01, which SDK 1.1.6 lacks), sent through the
 * SDK's own pipeline by {@link AzureResources}: browse as the search that holds nothing, reservations
 * as the neutral {@link NumberHolds}, and the reservation's purchase (a long-running operation) sent
 * once through {@link Reconciliation}. Buying plain offers that came from a browse makes a reservation
 * of exactly those numbers and buys it, so one number can be bought without buying anything else.
 *
 * <p>Every answer is read strictly: a reservation must carry its id (the one asked for), a documented
 * status, its expiry and, where Azure documents it, its numbers, each an {@code AvailablePhoneNumber}
 * with its country, number, type, assignment and capabilities; anything else is a protocol error.
 */
final class AzureHolds implements NumberHolds {
    private static final Logger log = LoggerFactory.getLogger(AzureHolds.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Offer attribute: where the offer came from ({@value #BROWSED} for a browse). */
    static final String SOURCE = "azureSource";
    static final String BROWSED = "browse";
    static final String ASSIGNMENT = "assignmentType";
    static final String CALLING = "calling";
    static final String SMS = "sms";
    static final String AGREEMENT = "isAgreementToNotResellRequired";
    /** Order attribute: the reservation a purchase bought. */
    static final String RESERVATION_ID = "reservationId";
    private static final String PREFIX = "az2-";
    private static final int LIST_PAGE = 100;
    private static final Set<String> NUMBER_STATUSES = Set.of("available", "reserved", "expired", "error", "purchased");

    private final AzureResources resources;
    private final AzureInventory inventory;
    private final AzureOperations operations;
    private final AzureErrors errors;
    private final Retrier retrier;
    private final Reconciliation reconciliation;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String assignmentType;
    private final Duration orderPollInterval;

    AzureHolds(AzureResources resources, AzureInventory inventory, AzureOperations operations, AzureErrors errors, Retrier retrier,
               Clock clock, Sleeper sleeper, String assignmentType, Duration orderPollInterval) {
        this.resources = resources;
        this.inventory = inventory;
        this.operations = operations;
        this.errors = errors;
        this.retrier = retrier;
        this.reconciliation = inventory.reconciliation();
        this.clock = clock;
        this.sleeper = sleeper;
        this.assignmentType = assignmentType;
        this.orderPollInterval = orderPollInterval;
    }

    // ---- browse ---------------------------------------------------------------------------------

    /**
     * {@code :browse}: a random sample of the numbers on offer, held for no one, at most the search's
     * limit. A number in the answer that does not match the search (another type, another area code, too
     * few capabilities) is left out and logged, never relabelled.
     */
    List<AvailableNumber> browse(NumberSearch search) {
        ObjectNode body = browseBody(search.country(), search.type(), search.features());
        search.areaCode().ifPresent(a -> body.putArray("phoneNumberPrefixes").add(callingCode(search.country(), "search.country") + a));
        List<AvailableNumber> offers = retrier.call("browse", () -> offers(resources.browse(search.country(), body.toString()), "to the browse"));
        List<AvailableNumber> matching = new ArrayList<>();
        int dropped = 0;
        for (AvailableNumber offer : offers) {
            if (!search.matches(offer) || !offer.countryCode().equals(search.country())) {
                dropped++;
            } else if (matching.size() < search.limit()) {
                matching.add(offer);
            }
        }
        if (dropped > 0) {
            log.warn("Azure's browse answered {} of {} numbers that do not match the search ({}); they are left out", dropped,
                    offers.size(), search);
        }
        return List.copyOf(matching);
    }

    private ObjectNode browseBody(String country, NumberType type, Set<NumberFeature> features) {
        if (type == NumberType.MOBILE) {
            throw InvalidRequestException.of("search.type", "Azure's browse at api-version 2025-04-01 offers geographic and toll-free numbers");
        }
        ObjectNode body = JSON.createObjectNode()
                .put("phoneNumberType", type == NumberType.TOLL_FREE ? "tollFree" : "geographic")
                .put("assignmentType", assignmentType);
        if (!features.isEmpty()) {
            // the browse's capabilities are a minimum: "none" asks nothing of that capability
            body.putObject("capabilities")
                    .put("calling", features.contains(NumberFeature.VOICE) ? "inbound+outbound" : "none")
                    .put("sms", features.contains(NumberFeature.SMS) ? "inbound+outbound" : "none");
        }
        return body;
    }

    private static String callingCode(String country, String field) {
        int code = PhoneNumberUtil.getInstance().getCountryCodeForRegion(country);
        if (code == 0) {
            throw InvalidRequestException.of(field, "'" + country + "' has no country calling code to browse its numbers by");
        }
        return String.valueOf(code);
    }

    /** The offers of a browse answer ({@code PhoneNumbersBrowseResult}): each an {@code AvailablePhoneNumber}. */
    private List<AvailableNumber> offers(AzureResources.Json answer, String where) {
        ErrorContext context = errors.context(answer.status(), answer.headers(), answer.request());
        JsonNode numbers = answer.body().get("phoneNumbers");
        if (numbers == null || !numbers.isArray()) {
            throw malformed(where, numbers == null || numbers.isNull() ? "lacks phoneNumbers" : "has phoneNumbers that are not a list", context);
        }
        List<AvailableNumber> offers = new ArrayList<>();
        Set<PhoneNumber> seen = new HashSet<>();
        int i = 0;
        for (JsonNode n : numbers) {
            String at = where + ": phoneNumbers[" + i++ + "]";
            Entry entry = entry(n, null, at, context);
            if (!seen.add(entry.offer().number())) {
                throw malformed(where, "names " + entry.offer().number() + " twice", context);
            }
            // a browse offers what is available; anything else in its answer is not on offer
            if (entry.status().map("available"::equals).orElse(true)) {
                offers.add(entry.offer());
            }
        }
        return offers;
    }

    // ---- the neutral holds ----------------------------------------------------------------------

    @Override
    public Hold create(HoldRequest request) {
        AzureInventory.require(request, "request");
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, Capability.HOLDS);
        request.requireLiveOffers(clock.instant(), errors.context());
        ObjectNode patch = additions(request, "hold");
        String id = UUID.randomUUID().toString();
        Hold hold = upsert(id, patch);
        if (request.numbers().stream().noneMatch(hold.held()::contains)) {
            discard(id);
            throw noneHeld(request.numbers(), hold);
        }
        return hold;
    }

    @Override
    public Hold add(String holdId, HoldRequest request) {
        AzureInventory.require(request, "request");
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, Capability.HOLDS);
        request.requireLiveOffers(clock.instant(), errors.context());
        // Azure's PATCH creates a reservation it does not have: the hold is read first, so an unknown id is not found
        changeable(get(holdId).orElseThrow(() -> noSuchHold(holdId)));
        return upsert(holdId, additions(request, "hold"));
    }

    /** Only an active reservation can change (Azure's rule); anything else is refused before the PATCH. */
    private void changeable(Hold hold) {
        if (hold.status() != HoldStatus.ACTIVE || hold.expired(clock.instant())) {
            throw new ConflictException("hold " + hold.id() + " is " + (hold.status() == HoldStatus.ACTIVE ? HoldStatus.EXPIRED : hold.status())
                    + ": only an active hold can change", errors.context());
        }
    }

    @Override
    public Hold remove(String holdId, List<PhoneNumber> numbers) {
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, Capability.HOLDS);
        Hold current = get(holdId).orElseThrow(() -> noSuchHold(holdId));
        changeable(current);
        for (int i = 0; i < numbers.size(); i++) {
            if (current.number(numbers.get(i)).isEmpty()) {
                throw InvalidRequestException.of("numbers[" + i + "]", "hold " + holdId + " does not have " + numbers.get(i));
            }
        }
        ObjectNode patch = JSON.createObjectNode();
        ObjectNode entries = patch.putObject("phoneNumbers");
        // merge-patch: a number set to null leaves the reservation
        numbers.forEach(n -> entries.putNull(n.digits()));
        return upsert(holdId, patch);
    }

    @Override
    public Optional<Hold> get(String holdId) {
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, Capability.HOLDS);
        return retrier.call("reservation", () -> resources.reservation(holdId)
                .map(r -> reservation(r, holdId, true, "to get the reservation " + AzureErrors.shorten(holdId), errors.context())));
    }

    /**
     * Every reservation, page by page ({@code nextLink}). Azure lists reservations without their numbers,
     * so each is read by its id; one gone between the list and the read is left out.
     */
    @Override
    public Listing<Hold> list() {
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, Capability.HOLDS);
        return PagedListing.of(AzureProvider.NAME, token -> {
            Optional<String> link = token.map(AzureHolds::decodeToken);
            AzureResources.Json page = retrier.call("reservations", () -> resources.reservations(link, LIST_PAGE));
            ErrorContext context = errors.context(page.status(), page.headers(), page.request());
            String where = "to the list of reservations";
            JsonNode items = page.body().get("reservations");
            if (items == null || !items.isArray()) {
                throw malformed(where, items == null || items.isNull() ? "lacks reservations" : "has reservations that are not a list", context);
            }
            JsonNode next = page.body().get("nextLink");
            if (next != null && !next.isNull() && (!next.isTextual() || next.asText().isBlank())) {
                throw malformed(where, "has a nextLink that is not a link", context);
            }
            List<String> ids = new ArrayList<>();
            int i = 0;
            for (JsonNode item : items) {
                String at = where + ": reservations[" + i++ + "]";
                ids.add(reservation(item, null, false, at, context).id());
            }
            if (new HashSet<>(ids).size() < ids.size()) {
                throw malformed(where, "names a reservation twice on one page", context);
            }
            List<Hold> holds = new ArrayList<>();
            for (String id : ids) {
                get(id).ifPresent(holds::add);
            }
            Optional<String> nextToken = next == null || next.isNull() ? Optional.empty() : Optional.of(encodeToken(next.asText()));
            return new Page<>(List.copyOf(holds), nextToken);
        });
    }

    /**
     * {@code DELETE}: the reservation's numbers are free again. Nothing is bought, so the DELETE is sent
     * again after a lost answer; a 404 to a DELETE sent again after a lost one means the first did it.
     */
    @Override
    public void release(String holdId) {
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, Capability.HOLDS);
        boolean lost = false;
        for (int attempt = 1; ; attempt++) {
            try {
                resources.deleteReservation(holdId);
                return;
            } catch (NotFoundException gone) {
                if (lost) {
                    return;
                }
                throw noSuchHold(holdId, gone);
            } catch (RateLimitedException | ProviderUnavailableException | ProtocolException failure) {
                lost |= !(failure instanceof RateLimitedException);
                waitBeforeAgain(attempt, failure, "release of hold");
            }
        }
    }

    /**
     * Buys a reservation. The hold given is checked for expiry before anything is sent; the reservation
     * is then read, so that the purchase names exactly the numbers Azure holds in it now, and a number
     * whose country requires the agreement not to resell is refused before the purchase is sent unless
     * the caller agreed.
     */
    @Override
    public PurchaseOrder purchase(HoldPurchase purchase) {
        AzureInventory.require(purchase, "purchase");
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, Set.of(Capability.HOLDS, Capability.PURCHASE));
        purchase.requireLiveHold(clock.instant(), errors.context());
        Hold hold = get(purchase.holdId()).orElseThrow(() -> noSuchHold(purchase.holdId()));
        if ((hold.status() == HoldStatus.EXPIRED || hold.expired(clock.instant())) && !hold.numbers().isEmpty()) {
            throw new HoldExpiredException("purchase.holdId", hold.numbers().get(0).number(), hold.expiresAt(), errors.context());
        }
        if (hold.status() != HoldStatus.ACTIVE) {
            throw new ConflictException("hold " + hold.id() + " is " + hold.status() + ": it can be bought only while active",
                    errors.context());
        }
        if (hold.held().isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldError("purchase.holdId", "hold " + hold.id() + " holds no number")),
                    errors.context());
        }
        List<HeldNumber> needAgreement = hold.numbers().stream().filter(n -> n.status() == HeldNumber.Status.HELD)
                .filter(n -> "true".equals(n.offer().attributes().get(AGREEMENT))).toList();
        if (!needAgreement.isEmpty() && !purchase.agreeToNotResell()) {
            throw agreementNeeded("purchase.agreeToNotResell", needAgreement.get(0).number());
        }
        return buyReservation(hold.id(), hold.held(), hold.expiresAt(), purchase.agreeToNotResell());
    }

    // ---- buying offers a browse returned --------------------------------------------------------

    /**
     * Buys exactly the numbers of {@code request}, offers a browse returned: a new reservation of those
     * numbers (a PATCH, sent again freely: same id, same body), then its purchase, sent once. A number
     * Azure could not reserve is reported as a failure of the order with Azure's code and words; when
     * it could reserve none, nothing is bought and the purchase is refused.
     */
    PurchaseOrder buy(PurchaseRequest request) {
        for (int i = 0; i < request.offers().size(); i++) {
            if ("true".equals(request.offers().get(i).attributes().get(AGREEMENT))) {
                throw agreementNeeded("purchase.offers[" + i + "]", request.offers().get(i).number());
            }
        }
        String id = UUID.randomUUID().toString();
        Hold hold = upsert(id, additions(HoldRequest.ofOffers(request.offers()), "purchase"));
        List<PhoneNumber> held = request.numbers().stream().filter(hold.held()::contains).toList();
        if (held.isEmpty()) {
            discard(id);
            throw noneHeld(request.numbers(), hold);
        }
        return buyReservation(id, request.numbers(), hold.expiresAt(), false);
    }

    /**
     * {@code POST …/reservations/{id}/:purchase}, sent once through {@link Reconciliation}. After a lost
     * answer the account's numbers and the reservation's status say what happened: a reservation
     * {@code submitted} or {@code completed} is being (or was) bought; one still {@code active} or
     * {@code expired} was not, and the purchase may be sent again.
     */
    private PurchaseOrder buyReservation(String reservationId, List<PhoneNumber> numbers, Instant expiresAt, boolean agree) {
        PurchaseRequest request = PurchaseRequest.ofNumbers(numbers);
        ObjectNode body = JSON.createObjectNode();
        if (agree) {
            body.put("agreeToNotResell", true);
        }
        return reconciliation.purchase(request, new Reconciliation.Purchase() {
            @Override
            public PurchaseOrder send(PurchaseRequest r) {
                String operationId = resources.startReservationPurchase(reservationId, body.toString()).operationId();
                return build(new Receipt(operationId, reservationId, r.numbers(), expiresAt), PurchaseStatus.PENDING, List.of(), List.of(),
                        "Azure accepted the reservation's purchase; follow it with await");
            }

            @Override
            public Set<PhoneNumber> claimed(List<PhoneNumber> asked) {
                Set<PhoneNumber> claimed = new HashSet<>();
                for (PhoneNumber n : asked) {
                    if (inventory.get(n).isPresent()) {
                        claimed.add(n);
                    }
                }
                if (claimed.size() < asked.size()) {
                    JsonNode found = retrier.call("check reservation", () -> resources.reservation(reservationId)).orElseThrow(() ->
                            new ProtocolException("Azure no longer knows the reservation " + AzureErrors.shorten(reservationId)
                                    + " it was just asked to buy", errors.context().withHttpStatus(404)));
                    Hold now = reservation(found, reservationId, true, "to the reservation " + AzureErrors.shorten(reservationId),
                            errors.context());
                    if (now.status() == HoldStatus.PURCHASING || now.status() == HoldStatus.PURCHASED) {
                        claimed.addAll(asked);
                    }
                }
                return claimed;
            }

            @Override
            public PurchaseOrder recovered(PurchaseRequest r, Set<PhoneNumber> claimed) {
                // the operation's id was in the lost answer: the order is followed by the reservation and the account
                return build(new Receipt("", reservationId, r.numbers(), expiresAt), PurchaseStatus.PENDING, List.of(), List.of(),
                        "Azure's answer was lost, but the reservation's purchase is under way; follow it with await");
            }
        });
    }

    // ---- orders ---------------------------------------------------------------------------------

    /** Whether {@code orderId} is one of a reservation's purchase. */
    static boolean isOrder(String orderId) {
        return orderId != null && orderId.startsWith(PREFIX);
    }

    Optional<PurchaseOrder> order(String orderId) {
        return Receipt.decode(orderId).map(receipt -> retrier.call("purchase order", () -> order(receipt)));
    }

    PurchaseOrder await(String orderId, Duration timeout) {
        Receipt receipt = Receipt.decode(orderId)
                .orElseThrow(() -> new NotFoundException("no Azure order " + AzureErrors.shorten(orderId), errors.context()));
        return operations.await(orderId, timeout, orderPollInterval, () -> order(receipt), PurchaseOrder::isTerminal, o -> o.status().name());
    }

    /**
     * The order as Azure's operation tells it while Azure keeps it, then as the reservation's numbers
     * tell it; with neither, as the account's numbers tell it. Each read is made once: the caller retries.
     */
    private PurchaseOrder order(Receipt receipt) {
        if (!receipt.operationId().isEmpty()) {
            Optional<JsonNode> operation = resources.operation(receipt.operationId(), AzureResources.HOLDS_API_VERSION);
            if (operation.isPresent()) {
                switch (AzureOperations.Status.of(operation.get(), errors)) {
                    case NOT_STARTED, RUNNING:
                        return build(receipt, PurchaseStatus.PENDING, List.of(), List.of(),
                                "Azure's purchase is " + operation.get().path("status").asText());
                    case FAILED:
                        return failed(receipt, AzureErrors.AzureError.of(operation.get().get("error")));
                    default:
                        break;
                }
            }
        }
        Optional<Hold> reservation = resources.reservation(receipt.reservationId()).map(r -> reservation(r, receipt.reservationId(), true,
                "to the reservation " + AzureErrors.shorten(receipt.reservationId()), errors.context()));
        if (reservation.isPresent() && reservation.get().status() == HoldStatus.PURCHASING) {
            return build(receipt, PurchaseStatus.PENDING, List.of(), List.of(), "Azure is buying the reservation");
        }
        List<PhoneNumber> bought = new ArrayList<>();
        List<dev.telephony.api.PurchaseFailure> failures = new ArrayList<>();
        boolean completed = reservation.isPresent() && reservation.get().status() == HoldStatus.PURCHASED;
        for (PhoneNumber n : receipt.numbers()) {
            Optional<HeldNumber> entry = reservation.flatMap(h -> h.number(n));
            if (entry.isPresent() && entry.get().status() == HeldNumber.Status.PURCHASED) {
                bought.add(n);
            } else if (inventory.getOnce(n).isPresent()) {
                bought.add(n);
            } else if (entry.isPresent() && entry.get().status() == HeldNumber.Status.ERROR) {
                failures.add(new dev.telephony.api.PurchaseFailure(n, entry.get().errorMessage().orElse("Azure could not buy it"),
                        entry.get().errorCode()));
            } else if (completed) {
                failures.add(new dev.telephony.api.PurchaseFailure(n, "the reservation was bought without it", Optional.empty()));
            }
        }
        if (completed || bought.size() + failures.size() == receipt.numbers().size()) {
            return build(receipt, bought.isEmpty() ? PurchaseStatus.FAILED : PurchaseStatus.COMPLETED, bought, failures, null);
        }
        if (clock.instant().isAfter(receipt.expiresAt().plus(AzurePurchaser.PURCHASE_GRACE))) {
            receipt.numbers().stream().filter(n -> !bought.contains(n) && failures.stream().noneMatch(f -> f.number().equals(n)))
                    .forEach(n -> failures.add(new dev.telephony.api.PurchaseFailure(n, "the purchase did not show on the account in time",
                            Optional.empty())));
            return build(receipt, bought.isEmpty() ? PurchaseStatus.FAILED : PurchaseStatus.COMPLETED, bought, failures,
                    "the purchase did not show on the account in time");
        }
        return build(receipt, PurchaseStatus.PENDING, bought, List.of(), "waiting for the numbers to show on the account");
    }

    private PurchaseOrder failed(Receipt receipt, AzureErrors.AzureError error) {
        String message = error.message() == null ? "Azure's purchase failed and gave no reason" : "Azure's purchase failed: " + error.message();
        List<dev.telephony.api.PurchaseFailure> failures = receipt.numbers().stream()
                .map(n -> new dev.telephony.api.PurchaseFailure(n, message, Optional.ofNullable(error.code()))).toList();
        PurchaseOrder order = build(receipt, PurchaseStatus.FAILED, List.of(), failures, message);
        if (error.code() == null) {
            return order;
        }
        return PurchaseOrder.builder(order.id(), order.status()).requested(order.requested()).failures(order.failures())
                .details(message).attribute(RESERVATION_ID, receipt.reservationId()).attribute("operationId", receipt.operationId())
                .attribute("errorCode", error.code()).build();
    }

    private static PurchaseOrder build(Receipt receipt, PurchaseStatus status, List<PhoneNumber> bought,
                                       List<dev.telephony.api.PurchaseFailure> failures, String details) {
        PurchaseOrder.Builder order = PurchaseOrder.builder(receipt.encode(), status).requested(receipt.numbers())
                .purchased(bought).failures(failures).details(details).attribute(RESERVATION_ID, receipt.reservationId());
        if (!receipt.operationId().isEmpty()) {
            order.attribute("operationId", receipt.operationId());
        }
        return order.build();
    }

    /** What a reservation purchase's order id carries: enough to read the order after a restart. */
    record Receipt(String operationId, String reservationId, List<PhoneNumber> numbers, Instant expiresAt) {
        String encode() {
            String text = operationId + "|" + reservationId + "|" + String.join(",", numbers.stream().map(PhoneNumber::e164).toList())
                    + "|" + expiresAt.getEpochSecond();
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Optional<Receipt> decode(String id) {
            if (!isOrder(id)) {
                return Optional.empty();
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(id.substring(PREFIX.length())), StandardCharsets.UTF_8)
                        .split("\\|", -1);
                if (parts.length != 4 || parts[1].isBlank()) {
                    return Optional.empty();
                }
                return Optional.of(new Receipt(parts[0], parts[1], Arrays.stream(parts[2].split(",")).map(PhoneNumber::of).toList(),
                        Instant.ofEpochSecond(Long.parseLong(parts[3]))));
            } catch (RuntimeException notOurs) {
                return Optional.empty();
            }
        }
    }

    // ---- reservation writes ---------------------------------------------------------------------

    /**
     * The merge-patch that adds the request's numbers, each as the {@code AvailablePhoneNumber} Azure
     * needs (country, type, assignment, capabilities): from the offers a browse returned, or, for bare
     * numbers, from a browse by the numbers themselves.
     */
    private ObjectNode additions(HoldRequest request, String field) {
        List<AvailableNumber> offers = request.hasOffers() ? request.offers() : lookUp(request.numbers(), field);
        ObjectNode patch = JSON.createObjectNode();
        ObjectNode entries = patch.putObject("phoneNumbers");
        for (int i = 0; i < offers.size(); i++) {
            AvailableNumber offer = offers.get(i);
            ObjectNode entry = entries.putObject(offer.number().digits());
            entry.put("countryCode", offer.countryCode());
            String calling = offer.attributes().get(CALLING);
            String sms = offer.attributes().get(SMS);
            String assignment = offer.attributes().getOrDefault(ASSIGNMENT, assignmentType);
            if (calling == null || sms == null) {
                // an offer of a held search: its facts are the neutral ones the search answered
                PhoneNumberCapabilities caps = AzureNumbers.capabilities(offer.features());
                calling = caps.getCalling().toString();
                sms = caps.getSms().toString();
            }
            entry.putObject("capabilities").put("calling", calling).put("sms", sms);
            entry.put("phoneNumberType", switch (offer.type()) {
                case LOCAL -> "geographic";
                case TOLL_FREE -> "tollFree";
                case MOBILE -> throw InvalidRequestException.of(field + ".offers[" + i + "]",
                        "Azure's reservations at api-version 2025-04-01 hold geographic and toll-free numbers");
            });
            entry.put("assignmentType", assignment);
        }
        return patch;
    }

    /**
     * The offers for bare numbers, from a browse with the numbers themselves as prefixes (geographic,
     * then toll-free for those not found). A number on offer as neither is refused before any change.
     */
    private List<AvailableNumber> lookUp(List<PhoneNumber> numbers, String field) {
        Map<PhoneNumber, AvailableNumber> found = new LinkedHashMap<>();
        Map<String, List<PhoneNumber>> byCountry = new LinkedHashMap<>();
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (int i = 0; i < numbers.size(); i++) {
            PhoneNumber n = numbers.get(i);
            String region = util.getRegionCodeForCountryCode(n.countryCallingCode());
            if (region == null || region.equals("ZZ") || region.equals("001")) {
                throw InvalidRequestException.of(field + ".numbers[" + i + "]", n + " belongs to no country Azure sells numbers in");
            }
            // NANP numbers share +1: Azure's reservation needs the country, and a browse of US numbers finds US ones
            byCountry.computeIfAbsent(n.isNanp() ? "US" : region, c -> new ArrayList<>()).add(n);
        }
        for (Map.Entry<String, List<PhoneNumber>> country : byCountry.entrySet()) {
            for (NumberType type : List.of(NumberType.LOCAL, NumberType.TOLL_FREE)) {
                List<PhoneNumber> missing = country.getValue().stream().filter(n -> !found.containsKey(n)).toList();
                if (missing.isEmpty()) {
                    break;
                }
                ObjectNode body = browseBody(country.getKey(), type, Set.of());
                ArrayNode prefixes = body.putArray("phoneNumberPrefixes");
                missing.forEach(n -> prefixes.add(n.digits()));
                List<AvailableNumber> offers = retrier.call("browse", () -> offers(resources.browse(country.getKey(), body.toString()),
                        "to the browse"));
                offers.stream().filter(o -> missing.contains(o.number())).forEach(o -> found.put(o.number(), o));
            }
        }
        List<PhoneNumber> absent = numbers.stream().filter(n -> !found.containsKey(n)).toList();
        if (!absent.isEmpty()) {
            throw new NumberNotAvailableException(absent, "Azure's browse does not offer them", errors.context(), null);
        }
        return numbers.stream().map(found::get).toList();
    }

    /**
     * A reservation PATCH and the reservation it answers. The PATCH is idempotent by design (the same id
     * and the same body leave the reservation as one send does: a number already there is ignored, one
     * already gone stays gone), so it is sent again, within the retry budget, after a rate limit, an
     * outage or a lost or unreadable answer.
     */
    private Hold upsert(String reservationId, ObjectNode patch) {
        String where = "to the reservation " + AzureErrors.shorten(reservationId) + "'s change";
        for (int attempt = 1; ; attempt++) {
            try {
                AzureResources.Json answer = resources.patchReservation(reservationId, patch.toString());
                return reservation(answer.body(), reservationId, true, where, errors.context(answer.status(), answer.headers(),
                        answer.request()));
            } catch (NotFoundException gone) {
                throw noSuchHold(reservationId, gone);
            } catch (RateLimitedException | ProviderUnavailableException | ProtocolException failure) {
                waitBeforeAgain(attempt, failure, "reservation change");
            }
        }
    }

    private void waitBeforeAgain(int attempt, TelephonyException failure, String what) {
        Optional<Duration> wait = failure instanceof RetryableException retryable ? retrier.delayAfter(attempt, retryable)
                : Optional.of(retrier.policy().initialBackoff());
        if (attempt >= retrier.policy().maxAttempts() || wait.isEmpty()) {
            throw failure;
        }
        retrier.events().retry(what, attempt, failure, wait.get());
        try {
            sleeper.sleep(wait.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /** Best effort: a reservation that holds nothing asked for is deleted, so it does not linger in the list. */
    private void discard(String reservationId) {
        try {
            resources.deleteReservation(reservationId);
        } catch (RuntimeException ignored) {
            log.debug("could not delete an Azure reservation that holds nothing asked for; it expires on its own");
        }
    }

    private NumberNotAvailableException noneHeld(List<PhoneNumber> numbers, Hold hold) {
        Optional<HeldNumber> first = hold.errors().stream().findFirst();
        ErrorContext context = first.flatMap(HeldNumber::errorCode).map(errors.context()::withProviderCode).orElse(errors.context());
        return new NumberNotAvailableException(numbers, first.flatMap(HeldNumber::errorMessage).orElse("Azure could hold none of them"),
                context, null);
    }

    private NotFoundException noSuchHold(String holdId) {
        return new NotFoundException("Azure has no reservation " + AzureErrors.shorten(holdId), errors.context().withHttpStatus(404));
    }

    private NotFoundException noSuchHold(String holdId, NotFoundException azure) {
        return new NotFoundException("Azure has no reservation " + AzureErrors.shorten(holdId) + ": " + azure.reason(), azure.context(), azure);
    }

    private InvalidRequestException agreementNeeded(String field, PhoneNumber number) {
        return new InvalidRequestException(List.of(new FieldError(field, number + " is sold only to a buyer who agrees not to resell it: "
                + "hold it and buy the hold with HoldPurchase.agreeingNotToResell()")), errors.context().withProviderCode("AgreementToNotResellRequired"));
    }

    // ---- reading Azure's answers ----------------------------------------------------------------

    /** One {@code AvailablePhoneNumber}: the offer it describes, its status and its error, when given. */
    private record Entry(AvailableNumber offer, Optional<String> status, Optional<String> code, Optional<String> message) {
    }

    /**
     * A {@code PhoneNumbersReservation}. {@code expectedId} is the id asked for, or null in a listing;
     * {@code withNumbers} whether Azure documents its numbers in this answer (not in a listing).
     */
    private Hold reservation(JsonNode r, String expectedId, boolean withNumbers, String where, ErrorContext context) {
        if (r == null || !r.isObject()) {
            throw malformed(where, "is not a reservation", context);
        }
        String id = text(r, "id", where, context);
        if (expectedId != null && !id.equalsIgnoreCase(expectedId)) {
            throw malformed(where, "is about another reservation, " + AzureErrors.shorten(id), context);
        }
        String status = text(r, "status", where, context);
        HoldStatus holdStatus = switch (status) {
            case "active" -> HoldStatus.ACTIVE;
            case "submitted" -> HoldStatus.PURCHASING;
            case "completed" -> HoldStatus.PURCHASED;
            case "expired" -> HoldStatus.EXPIRED;
            default -> throw malformed(where, "has status '" + AzureErrors.shorten(status) + "', which Azure does not document", context);
        };
        Instant expiresAt = dateTime(r, "expiresAt", where, context);
        List<HeldNumber> held = new ArrayList<>();
        JsonNode numbers = r.get("phoneNumbers");
        if (withNumbers) {
            if (numbers == null || !numbers.isObject()) {
                throw malformed(where, numbers == null || numbers.isNull() ? "lacks phoneNumbers" : "has phoneNumbers that are not a map",
                        context);
            }
            Iterator<Map.Entry<String, JsonNode>> each = numbers.fields();
            while (each.hasNext()) {
                Map.Entry<String, JsonNode> field = each.next();
                String at = where + ": phoneNumbers." + AzureErrors.shorten(field.getKey());
                Entry entry = entry(field.getValue(), field.getKey(), at, context);
                String numberStatus = entry.status().orElseThrow(() -> malformed(at, "lacks status", context));
                held.add(switch (numberStatus) {
                    // a number of an expired reservation is no longer held, whatever its entry still says
                    case "reserved" -> holdStatus == HoldStatus.EXPIRED ? HeldNumber.held(entry.offer()).withStatus(HeldNumber.Status.EXPIRED)
                            : HeldNumber.held(entry.offer());
                    case "available" -> HeldNumber.held(entry.offer()).withStatus(HeldNumber.Status.NOT_HELD);
                    case "expired" -> HeldNumber.held(entry.offer()).withStatus(HeldNumber.Status.EXPIRED);
                    case "purchased" -> HeldNumber.held(entry.offer()).withStatus(HeldNumber.Status.PURCHASED);
                    default -> HeldNumber.error(entry.offer(), entry.code().orElse(null), entry.message().orElse(null));
                });
            }
        } else if (numbers != null && !numbers.isNull() && !numbers.isObject()) {
            throw malformed(where, "has phoneNumbers that are not a map", context);
        }
        return new Hold(id, holdStatus, held, expiresAt, Map.of());
    }

    /**
     * An {@code AvailablePhoneNumber}: countryCode, phoneNumber, phoneNumberType, assignmentType and
     * capabilities required (the number too, though the definition marks it read-only: nothing can be
     * held or bought without it); id, cost, status, the agreement flag and error of their types when
     * present. {@code key} is the digits a reservation files it under, which must be its number's.
     */
    private Entry entry(JsonNode n, String key, String at, ErrorContext context) {
        if (n == null || !n.isObject()) {
            throw malformed(at, "is not an available phone number", context);
        }
        PhoneNumber number = number(text(n, "phoneNumber", at, context), at, context);
        if (key != null && !key.equals(number.digits())) {
            throw malformed(at, "is filed under " + AzureErrors.shorten(key) + " but is " + number, context);
        }
        Optional<String> id = optionalText(n, "id", at, context);
        if (id.isPresent() && !id.get().equals(number.digits())) {
            throw malformed(at, "has id " + AzureErrors.shorten(id.get()) + ", not its number's digits", context);
        }
        String country = text(n, "countryCode", at, context);
        String type = text(n, "phoneNumberType", at, context);
        String assignment = text(n, "assignmentType", at, context);
        if (!assignment.equals("person") && !assignment.equals("application")) {
            throw malformed(at, "has assignmentType '" + AzureErrors.shorten(assignment) + "', which Azure does not document", context);
        }
        JsonNode caps = n.get("capabilities");
        if (caps == null || !caps.isObject()) {
            throw malformed(at, "lacks capabilities", context);
        }
        String calling = text(caps, "calling", at + ".capabilities", context);
        String sms = text(caps, "sms", at + ".capabilities", context);
        Set<NumberFeature> features;
        NumberType numberType;
        try {
            numberType = AzureNumbers.type(type, at);
            features = AzureNumbers.features(new PhoneNumberCapabilities().setCalling(PhoneNumberCapabilityType.fromString(calling))
                    .setSms(PhoneNumberCapabilityType.fromString(sms)), at);
        } catch (ProtocolException undocumented) {
            throw new ProtocolException(undocumented.reason(), context, undocumented);
        }
        if (numberType == NumberType.MOBILE) {
            throw malformed(at, "is a mobile number, which api-version 2025-04-01 does not have", context);
        }
        Optional<String> status = optionalText(n, "status", at, context);
        if (status.isPresent() && !NUMBER_STATUSES.contains(status.get())) {
            throw malformed(at, "has status '" + AzureErrors.shorten(status.get()) + "', which Azure does not document", context);
        }
        JsonNode agreement = n.get("isAgreementToNotResellRequired");
        if (agreement != null && !agreement.isNull() && !agreement.isBoolean()) {
            throw malformed(at, "has an isAgreementToNotResellRequired that is not a boolean", context);
        }
        Optional<String> code = Optional.empty();
        Optional<String> message = Optional.empty();
        JsonNode error = n.get("error");
        if (error != null && !error.isNull()) {
            if (!error.isObject()) {
                throw malformed(at, "has an error that is not an object", context);
            }
            code = optionalText(error, "code", at + ".error", context);
            message = optionalText(error, "message", at + ".error", context);
        }
        AvailableNumber.Builder offer = AvailableNumber.builder(number).type(numberType).features(features)
                .attribute(SOURCE, BROWSED)
                .attribute(ASSIGNMENT, assignment)
                .attribute(CALLING, calling)
                .attribute(SMS, sms)
                .attribute(AGREEMENT, agreement == null || agreement.isNull() ? null : String.valueOf(agreement.asBoolean()));
        JsonNode cost = n.get("cost");
        if (cost != null && !cost.isNull()) {
            if (!cost.isObject() || !cost.path("amount").isNumber() || !cost.path("currencyCode").isTextual()
                    || cost.path("currencyCode").asText().isBlank() || !cost.path("billingFrequency").isTextual()) {
                throw malformed(at, "has a cost without its amount, currencyCode and billingFrequency", context);
            }
            offer.attribute("cost", cost.get("amount").asText() + " " + cost.get("currencyCode").asText());
            offer.attribute("billingFrequency", cost.get("billingFrequency").asText());
        }
        try {
            offer.countryCode(country);
            return new Entry(offer.build(), status, code, message);
        } catch (InvalidRequestException notACountry) {
            throw malformed(at, "has countryCode '" + AzureErrors.shorten(country) + "', which is not a country", context);
        }
    }

    private static PhoneNumber number(String text, String at, ErrorContext context) {
        try {
            return PhoneNumber.of(text);
        } catch (InvalidRequestException notE164) {
            throw malformed(at, "carries '" + AzureErrors.shorten(text) + "', which is not an E.164 number", context);
        }
    }

    private static String text(JsonNode parent, String field, String at, ErrorContext context) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw malformed(at, "lacks " + field, context);
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw malformed(at, "has a " + field + " that is not a string", context);
        }
        return value.asText();
    }

    private static Optional<String> optionalText(JsonNode parent, String field, String at, ErrorContext context) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw malformed(at, "has a " + field + " that is not a string", context);
        }
        return Optional.of(value.asText());
    }

    private static Instant dateTime(JsonNode parent, String field, String at, ErrorContext context) {
        String text = text(parent, field, at, context);
        try {
            return DateTimes.parseOffsetDateTime(text).toInstant();
        } catch (DateTimeParseException notADate) {
            throw malformed(at, "has a " + field + " that is not a date-time", context);
        }
    }

    private static ProtocolException malformed(String where, String what, ErrorContext context) {
        return new ProtocolException("Azure's answer " + where + " " + what, context);
    }

    private static String encodeToken(String link) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(link.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            String link = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (link.isBlank()) {
                throw new IllegalArgumentException("empty");
            }
            return link;
        } catch (RuntimeException e) {
            throw InvalidRequestException.of("continuationToken", "is not a token this provider issued");
        }
    }
}
