package dev.telephony.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.HeldNumber;
import dev.telephony.api.Hold;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.testkit.carrier.CarrierRejection;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.wire.SimRequest;
import dev.telephony.testkit.wire.SimResponse;
import dev.telephony.testkit.wire.WireSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stateful simulator of Azure's phone-numbers and SIP REST API on the shared carrier state. It
 * verifies the HMAC-SHA256 signature of every request as the service does, runs the long-running
 * operation protocol (202 with {@code operation-id}, {@code search-id}, {@code Operation-Location};
 * operations moving notStarted → running → succeeded or failed), holds searched numbers until the
 * search expires, pages with {@code nextLink}, and answers errors in {@code CommunicationErrorResponse} form.
 */
final class AzureSimulator extends WireSimulator {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration HOLD = Duration.ofMinutes(15);
    static final Duration RESERVATION_LIFETIME = Duration.ofHours(2);

    private final String host;
    private final byte[] key;
    private final Map<String, Search> searches = new ConcurrentHashMap<>();
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final Map<String, Integer> trunks = new LinkedHashMap<>();
    private final List<ObjectNode> routes = new ArrayList<>();
    private final AtomicInteger rejectedSignatures = new AtomicInteger();
    private final AtomicInteger searchesStarted = new AtomicInteger();
    private final List<Canned> overrides = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Reservation> reservations = new LinkedHashMap<>();
    private final Set<PhoneNumber> agreementRequired = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.SplittableRandom random = new java.util.SplittableRandom(19);
    private final List<SimRequest> served = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int reservationPageSize = Integer.MAX_VALUE;
    private volatile boolean absoluteNextLinks;
    private volatile int searchRunningPolls;

    /** An answer given instead of the simulator's own, to requests that {@code matches}, {@code times} times. */
    private static final class Canned {
        final java.util.function.Predicate<SimRequest> matches;
        final java.util.function.Function<SimRequest, SimResponse> response;
        int left;

        Canned(java.util.function.Predicate<SimRequest> matches, java.util.function.Function<SimRequest, SimResponse> response, int times) {
            this.matches = matches;
            this.response = response;
            this.left = times;
        }
    }

    private record Search(String id, List<PhoneNumber> numbers, NumberType type, String calling, String sms, Instant expiresBy,
                          boolean[] purchased) {
    }

    /**
     * A reservation under the id the client chose. What it holds is the carrier's hold
     * ({@link CarrierState#createHold}, on the carrier's clock, so that the carrier itself keeps the numbers
     * from everyone else); the simulator keeps what the requests named for each number (country, type,
     * assignment, capabilities), which Azure echoes, and the numbers it refused before the carrier saw them.
     * A reservation whose every number was refused has no carrier hold yet: its own times give its expiry.
     */
    private static final class Reservation {
        final String id;
        final Instant created;
        Instant changed;
        String carrierHold;
        final Map<PhoneNumber, ObjectNode> named = new LinkedHashMap<>();
        final Map<PhoneNumber, String[]> refused = new LinkedHashMap<>();

        Reservation(String id, Instant created) {
            this.id = id;
            this.created = created;
            this.changed = created;
        }

        Instant localExpiry() {
            Instant fromChange = changed.plus(HOLD);
            Instant latest = created.plus(RESERVATION_LIFETIME);
            return fromChange.isBefore(latest) ? fromChange : latest;
        }
    }

    private static final class Operation {
        final String id;
        final String type;
        final String resourceLocation;
        final String orderId;
        final Instant created;
        int polls;

        Operation(String id, String type, String resourceLocation, String orderId, Instant created) {
            this.id = id;
            this.type = type;
            this.resourceLocation = resourceLocation;
            this.orderId = orderId;
            this.created = created;
        }
    }

    /**
     * @param host      the endpoint's host, which the SDK signs (the simulator itself listens on loopback)
     * @param accessKey the Base64 access key requests must be signed with
     */
    AzureSimulator(CarrierState carrier, String host, String accessKey) {
        super(carrier);
        this.host = host;
        this.key = Base64.getDecoder().decode(accessKey);
    }

    /**
     * The next {@code times} requests with this method whose path starts with {@code pathPrefix} (as
     * sent, still encoded) are answered {@code response}, after the signature check and faults, and the
     * carrier does not act on them: how a test makes Azure answer a given body.
     */
    AzureSimulator answer(String method, String pathPrefix, SimResponse response, int times) {
        return answer(method, pathPrefix, r -> response, times);
    }

    /** {@link #answer(String, String, SimResponse, int)} with an answer made from the request. */
    AzureSimulator answer(String method, String pathPrefix, java.util.function.Function<SimRequest, SimResponse> response, int times) {
        overrides.add(new Canned(r -> r.method().equals(method) && r.rawPath().startsWith(pathPrefix), response, times));
        return this;
    }

    /** {@link #answer(String, String, SimResponse, int)} for every such request from now on. */
    AzureSimulator alwaysAnswer(String method, String pathPrefix, SimResponse response) {
        return answer(method, pathPrefix, response, Integer.MAX_VALUE);
    }

    /** Whether {@code nextLink}s are absolute URLs on the endpoint rather than paths relative to it (the default). */
    AzureSimulator absoluteNextLinks(boolean absolute) {
        this.absoluteNextLinks = absolute;
        return this;
    }

    /**
     * How many polls of a search's operation answer notStarted or running before it succeeds; none by
     * default, so that a search costs no wait on the test clock (Azure's recordings show about three).
     */
    AzureSimulator searchRunningPolls(int polls) {
        this.searchRunningPolls = polls;
        return this;
    }

    /** How many searches were POSTed. */
    int searchesStarted() {
        return searchesStarted.get();
    }

    /** How many requests were refused for a bad signature. */
    int rejectedSignatures() {
        return rejectedSignatures.get();
    }

    /** The numbers whose purchase Azure accepts only with the agreement not to resell them. */
    AzureSimulator requireAgreementToNotResell(PhoneNumber... numbers) {
        agreementRequired.addAll(List.of(numbers));
        return this;
    }

    /** The requests that passed the signature check and faults, with this method and a path starting so, in order. */
    List<SimRequest> requests(String method, String pathPrefix) {
        return served.stream().filter(r -> r.method().equals(method) && r.rawPath().startsWith(pathPrefix)).toList();
    }

    /** The most reservations one page of their list carries, whatever the request's maxPageSize. */
    AzureSimulator reservationPageSize(int size) {
        this.reservationPageSize = size;
        return this;
    }

    /** How many reservations Azure has now, whatever their status. */
    synchronized int reservationCount() {
        return reservations.size();
    }

    @Override
    protected RequestKind classify(SimRequest request) {
        String last = request.lastSegment();
        if (request.is("PATCH", "availablePhoneNumbers", "reservations", "*")
                || request.is("DELETE", "availablePhoneNumbers", "reservations", "*")) {
            return RequestKind.HOLD;
        }
        if (request.method().equals("POST") && last.equals(":purchase")) {
            return RequestKind.PURCHASE;
        }
        if (request.method().equals("PATCH")) {
            return RequestKind.UPDATE;
        }
        if (request.method().equals("DELETE")) {
            return RequestKind.RELEASE;
        }
        return RequestKind.READ;
    }

    /** Recomputes the HMAC-SHA256 signature over method, path and query, date, host and body hash. */
    @Override
    protected boolean authorized(SimRequest request) {
        try {
            String date = request.header("x-ms-date").orElse("");
            String contentHash = request.header("x-ms-content-sha256").orElse("");
            String bodyHash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(request.body().getBytes(StandardCharsets.UTF_8)));
            if (!bodyHash.equals(contentHash)) {
                rejectedSignatures.incrementAndGet();
                return false;
            }
            String pathAndQuery = request.rawPath() + request.rawQuery().map(q -> "?" + q).orElse("");
            String toSign = request.method() + "\n" + pathAndQuery + "\n" + date + ";" + host + ";" + contentHash;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
            String expected = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + signature;
            boolean ok = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    request.header("Authorization").orElse("").getBytes(StandardCharsets.UTF_8));
            if (!ok) {
                rejectedSignatures.incrementAndGet();
            }
            return ok;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    protected SimResponse unauthorized() {
        return error(401, "Denied", "Denied by the resource provider.");
    }

    @Override
    protected SimResponse rateLimited(Duration retryAfter) {
        return error(429, "TooManyRequests", "Too many requests").withHeader("Retry-After", String.valueOf(retryAfter.toSeconds()));
    }

    @Override
    protected SimResponse serverError(int status) {
        return error(status, "InternalError", "The server had an internal error.");
    }

    @Override
    protected SimResponse refused(SimRequest request, CarrierRejection rejection) {
        return switch (rejection.reason()) {
            case NOT_FOUND -> error(404, "NotFound", "Input phoneNumber cannot be found.", "phonenumber");
            case NOT_AVAILABLE -> error(400, "NumbersNotAvailable", rejection.getMessage());
            case CONFLICT -> error(409, "Conflict", rejection.getMessage());
            case INVALID -> error(400, "BadRequest", rejection.getMessage());
        };
    }

    @Override
    protected SimResponse serve(SimRequest request) {
        served.add(request);
        for (Canned canned : overrides) {
            synchronized (canned) {
                if (canned.left > 0 && canned.matches.test(request)) {
                    // an answer made from the request may decline (null): the simulator answers itself
                    SimResponse response = canned.response.apply(request);
                    if (response != null) {
                        canned.left--;
                        return response;
                    }
                }
            }
        }
        try {
            return route(request);
        } catch (Forbidden notOwned) {
            return error(403, "InsufficientPermissions", "Phone number not owned by this resource.", "phonenumber");
        }
    }

    private SimResponse route(SimRequest request) {
        List<String> s = request.segments();
        if (s.isEmpty()) {
            return error(404, "NotFound", "no such resource");
        }
        switch (s.get(0)) {
            case "availablePhoneNumbers":
                return available(request, s);
            case "phoneNumbers":
                return numbers(request, s);
            case "sip":
                return sip(request);
            default:
                return error(404, "NotFound", "no such resource");
        }
    }

    // ---- available numbers: countries, localities, area codes, search, purchase ---------------

    private SimResponse available(SimRequest request, List<String> s) {
        if (request.is("GET", "availablePhoneNumbers", "countries")) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode countries = body.putArray("countries");
            Set<String> codes = new LinkedHashSet<>();
            carrier().available().forEach(o -> codes.add(o.countryCode()));
            codes.forEach(c -> countries.addObject().put("localizedName", new java.util.Locale("", c).getDisplayCountry(java.util.Locale.ENGLISH))
                    .put("countryCode", c));
            return SimResponse.json(200, body.toString());
        }
        if (request.is("GET", "availablePhoneNumbers", "countries", "*", "localities")) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode localities = body.putArray("phoneNumberLocalities");
            Set<String> seen = new LinkedHashSet<>();
            for (AvailableNumber offer : offersIn(s.get(2))) {
                if (offer.locality().isPresent() && seen.add(offer.locality().get())) {
                    ObjectNode locality = localities.addObject().put("localizedName", offer.locality().get());
                    offer.region().ifPresent(r -> locality.putObject("administrativeDivision").put("localizedName", r).put("abbreviatedName", r));
                }
            }
            return SimResponse.json(200, body.toString());
        }
        if (request.is("GET", "availablePhoneNumbers", "countries", "*", "areaCodes")) {
            NumberType type = request.param("phoneNumberType").orElse("geographic").equals("tollFree") ? NumberType.TOLL_FREE : NumberType.LOCAL;
            ObjectNode body = JSON.createObjectNode();
            ArrayNode codes = body.putArray("areaCodes");
            Set<String> seen = new LinkedHashSet<>();
            offersIn(s.get(2)).stream().filter(o -> o.type() == type)
                    .forEach(o -> seen.add(o.number().nationalNumber().substring(0, 3)));
            seen.forEach(c -> codes.addObject().put("areaCode", c));
            return SimResponse.json(200, body.toString());
        }
        if (request.is("GET", "availablePhoneNumbers", "countries", "*", "offerings")) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode offerings = body.putArray("phoneNumberOfferings");
            Set<NumberType> types = new LinkedHashSet<>();
            offersIn(s.get(2)).forEach(o -> types.add(o.type()));
            types.stream().filter(t -> t != NumberType.MOBILE).forEach(t -> {
                ObjectNode offering = offerings.addObject();
                offering.put("phoneNumberType", t == NumberType.TOLL_FREE ? "tollFree" : "geographic");
                offering.put("assignmentType", "application");
                offering.putObject("availableCapabilities").put("calling", "inbound+outbound").put("sms", "inbound+outbound");
                offering.putObject("cost").put("amount", 1.0).put("currencyCode", "USD").put("billingFrequency", "monthly");
            });
            return SimResponse.json(200, body.toString());
        }
        if (request.is("POST", "availablePhoneNumbers", "countries", "*", ":search")) {
            return search(request, s.get(2));
        }
        if (request.is("GET", "availablePhoneNumbers", "searchResults", "*")) {
            Search search = searches.get(request.lastSegment());
            if (search == null || search.purchased()[0] || !carrier().clock().instant().isBefore(search.expiresBy())) {
                return error(404, "NotFound", "The search result was not found or has expired.");
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("searchId", search.id());
            ArrayNode numbers = body.putArray("phoneNumbers");
            search.numbers().forEach(n -> numbers.add(n.e164()));
            body.put("phoneNumberType", search.type() == NumberType.TOLL_FREE ? "tollFree" : "geographic");
            body.put("assignmentType", "application");
            body.putObject("capabilities").put("calling", search.calling()).put("sms", search.sms());
            body.putObject("cost").put("amount", 1.0).put("currencyCode", "USD").put("billingFrequency", "monthly");
            body.put("searchExpiresBy", search.expiresBy().toString());
            return SimResponse.json(200, body.toString());
        }
        if (request.is("POST", "availablePhoneNumbers", ":purchase")) {
            return purchase(request);
        }
        if (request.is("POST", "availablePhoneNumbers", "countries", "*", ":browse")) {
            return browse(request, s.get(2));
        }
        if (request.is("GET", "availablePhoneNumbers", "reservations")) {
            return reservationList(request);
        }
        if (request.is("PATCH", "availablePhoneNumbers", "reservations", "*")) {
            return reserve(request, request.lastSegment());
        }
        if (request.is("GET", "availablePhoneNumbers", "reservations", "*")) {
            synchronized (this) {
                Reservation r = reservations.get(request.lastSegment());
                return r == null ? error(404, "NotFound", "The reservation was not found.") : SimResponse.json(200, reservationJson(r, true).toString());
            }
        }
        if (request.is("DELETE", "availablePhoneNumbers", "reservations", "*")) {
            synchronized (this) {
                Reservation r = reservations.get(request.lastSegment());
                if (r == null) {
                    return error(404, "NotFound", "The reservation was not found.");
                }
                if (!status(r).equals("active")) {
                    return error(409, "ReservationNotActive", "Only active reservations can be deleted.");
                }
                if (r.carrierHold != null) {
                    carrier().releaseHold(r.carrierHold);
                }
                reservations.remove(r.id);
                return SimResponse.empty(204);
            }
        }
        if (request.is("POST", "availablePhoneNumbers", "reservations", "*", ":purchase")) {
            return purchaseReservation(request, s.get(2));
        }
        return error(404, "NotFound", "no such resource");
    }

    // ---- browse and reservations (2025-04-01) -------------------------------------------------

    /** A random sample of the numbers on offer that match, held for no one: never a held or reserved number. */
    private SimResponse browse(SimRequest request, String country) {
        JsonNode body = read(request.body());
        String type = body.path("phoneNumberType").asText("");
        if (!type.equals("geographic") && !type.equals("tollFree")) {
            return error(400, "BadRequest", "phoneNumberType must be geographic or tollFree", "phoneNumberType");
        }
        NumberType wanted = type.equals("tollFree") ? NumberType.TOLL_FREE : NumberType.LOCAL;
        String calling = body.path("capabilities").path("calling").asText("none");
        String sms = body.path("capabilities").path("sms").asText("none");
        List<String> prefixes = new ArrayList<>();
        body.path("phoneNumberPrefixes").forEach(p -> prefixes.add(p.asText()));
        List<AvailableNumber> found;
        synchronized (this) {
            Set<PhoneNumber> held = held();
            found = new ArrayList<>(carrier().search(o -> o.countryCode().equals(country) && o.type() == wanted
                    && !held.contains(o.number()) && !carrier().ownedOrOnOrder(o.number())
                    && (prefixes.isEmpty() || prefixes.stream().anyMatch(p -> o.number().digits().startsWith(p)))
                    && (calling.equals("none") || o.features().contains(NumberFeature.VOICE))
                    && (sms.equals("none") || o.features().contains(NumberFeature.SMS)), Integer.MAX_VALUE));
        }
        // Azure answers a random sample, in random order
        for (int i = found.size() - 1; i > 0; i--) {
            java.util.Collections.swap(found, i, random.nextInt(i + 1));
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode numbers = answer.putArray("phoneNumbers");
        found.stream().limit(100).forEach(o -> numbers.add(availableJson(o, country, "available")));
        return SimResponse.json(200, answer.toString());
    }

    /** An {@code AvailablePhoneNumber} for an offer, with the capabilities it has. */
    private ObjectNode availableJson(AvailableNumber o, String country, String status) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", o.number().digits());
        n.put("countryCode", country);
        n.put("phoneNumber", o.number().e164());
        n.putObject("capabilities").put("calling", o.features().contains(NumberFeature.VOICE) ? "inbound+outbound" : "none")
                .put("sms", o.features().contains(NumberFeature.SMS) ? "inbound+outbound" : "none");
        n.put("phoneNumberType", o.type() == NumberType.TOLL_FREE ? "tollFree" : "geographic");
        n.put("assignmentType", "application");
        n.putObject("cost").put("amount", 1.0).put("currencyCode", "USD").put("billingFrequency", "monthly");
        n.put("status", status);
        n.put("isAgreementToNotResellRequired", agreementRequired.contains(o.number()));
        return n;
    }

    private Optional<Hold> carrierHold(Reservation r) {
        return r.carrierHold == null ? Optional.empty() : carrier().hold(r.carrierHold);
    }

    /** The reservation's status, from the carrier's hold: active, submitted (being bought), completed or expired. */
    private String status(Reservation r) {
        Optional<Hold> hold = carrierHold(r);
        if (hold.isEmpty()) {
            return carrier().clock().instant().isBefore(r.localExpiry()) ? "active" : "expired";
        }
        return switch (hold.get().status()) {
            case ACTIVE -> "active";
            case PURCHASING -> "submitted";
            case PURCHASED -> "completed";
            case EXPIRED -> "expired";
        };
    }

    private ObjectNode reservationJson(Reservation r, boolean withNumbers) {
        Optional<Hold> hold = carrierHold(r);
        ObjectNode body = JSON.createObjectNode();
        body.put("id", r.id);
        body.put("expiresAt", hold.map(Hold::expiresAt).orElse(r.localExpiry()).toString());
        if (withNumbers) {
            ObjectNode numbers = body.putObject("phoneNumbers");
            for (Map.Entry<PhoneNumber, ObjectNode> named : r.named.entrySet()) {
                PhoneNumber number = named.getKey();
                ObjectNode entry = named.getValue().deepCopy();
                Optional<HeldNumber> held = hold.flatMap(h -> h.number(number));
                String[] refused = r.refused.get(number);
                if (held.isPresent()) {
                    HeldNumber n = held.get();
                    entry.put("status", switch (n.status()) {
                        case HELD -> "reserved";
                        case NOT_HELD -> "available";
                        case EXPIRED -> "expired";
                        case PURCHASED -> "purchased";
                        case ERROR -> "error";
                    });
                    if (n.status() == HeldNumber.Status.ERROR) {
                        // Azure's code for a number it could not reserve (its example's), with the carrier's reason
                        entry.putObject("error").put("code", n.errorCode().filter("PurchaseFailed"::equals).orElse("FailedToReserveNumber"))
                                .put("message", n.errorMessage().orElse("Failed to add the number to the reservation."));
                    }
                } else if (refused != null) {
                    entry.put("status", "error");
                    entry.putObject("error").put("code", refused[0]).put("message", refused[1]);
                } else {
                    continue;
                }
                numbers.set(number.digits(), entry);
            }
        }
        body.put("status", status(r));
        return body;
    }

    /**
     * The merge-patch upsert: a number set to a value is reserved if it is on offer and held by no one
     * else (one already in it is ignored), one set to null leaves it. 201 for a new reservation, 200 for a
     * change, 207 when any number of the request could not be reserved; only an active one changes.
     */
    private synchronized SimResponse reserve(SimRequest request, String id) {
        JsonNode body = read(request.body());
        JsonNode numbers = body.get("phoneNumbers");
        if (numbers == null || !numbers.isObject()) {
            return error(400, "BadRequest", "The reservation must carry phoneNumbers.", "phoneNumbers");
        }
        Reservation r = reservations.get(id);
        boolean created = r == null;
        Instant now = carrier().clock().instant();
        if (!created && !status(r).equals("active")) {
            return error(409, "ReservationNotActive", "Only active reservations can be updated.", "reservationId");
        }
        if (created) {
            r = new Reservation(id, now);
        }
        Set<PhoneNumber> searched = held();
        Set<PhoneNumber> inIt = carrierHold(r).map(h -> new LinkedHashSet<>(h.held())).orElseGet(LinkedHashSet::new);
        List<PhoneNumber> toHold = new ArrayList<>();
        List<PhoneNumber> toFree = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = numbers.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            PhoneNumber number;
            try {
                number = PhoneNumber.of("+" + field.getKey());
            } catch (RuntimeException notANumber) {
                return error(400, "BadRequest", "'" + field.getKey() + "' is not a phone number id.", "phoneNumbers");
            }
            JsonNode entry = field.getValue();
            if (entry.isNull()) {
                toFree.add(number);
                continue;
            }
            if (inIt.contains(number)) {
                continue;
            }
            String type = entry.path("phoneNumberType").asText("");
            String calling = entry.path("capabilities").path("calling").asText("");
            String sms = entry.path("capabilities").path("sms").asText("");
            if (entry.path("countryCode").asText("").isEmpty() || type.isEmpty() || calling.isEmpty() || sms.isEmpty()
                    || entry.path("assignmentType").asText("").isEmpty()) {
                return error(400, "BadRequest", "Each phone number needs countryCode, capabilities, phoneNumberType and assignmentType.",
                        "phoneNumbers." + field.getKey());
            }
            ObjectNode stored = JSON.createObjectNode();
            stored.put("id", number.digits());
            stored.put("countryCode", entry.path("countryCode").asText());
            stored.put("phoneNumber", number.e164());
            stored.putObject("capabilities").put("calling", calling).put("sms", sms);
            stored.put("phoneNumberType", type);
            stored.put("assignmentType", entry.path("assignmentType").asText());
            stored.putObject("cost").put("amount", 1.0).put("currencyCode", "USD").put("billingFrequency", "monthly");
            stored.put("isAgreementToNotResellRequired", agreementRequired.contains(number));
            r.named.put(number, stored);
            // what Azure checks itself: the number as named must be the number on offer; the carrier checks the rest
            Optional<AvailableNumber> offer = carrier().available().stream().filter(o -> o.number().equals(number)).findFirst();
            boolean matches = offer.isEmpty() || offer.get().countryCode().equals(entry.path("countryCode").asText())
                    && (offer.get().type() == NumberType.TOLL_FREE ? type.equals("tollFree") : offer.get().type() == NumberType.LOCAL && type.equals("geographic"))
                    && (calling.equals("none") || offer.get().features().contains(NumberFeature.VOICE))
                    && (sms.equals("none") || offer.get().features().contains(NumberFeature.SMS));
            if (!matches || searched.contains(number)) {
                r.refused.put(number, new String[] {"FailedToReserveNumber", "Failed to add the number to the reservation."});
            } else {
                r.refused.remove(number);
                toHold.add(number);
            }
        }
        if (!toFree.isEmpty()) {
            List<PhoneNumber> present = carrierHold(r).map(h -> toFree.stream().filter(n -> h.number(n).isPresent()).toList()).orElse(List.of());
            if (!present.isEmpty()) {
                carrier().removeFromHold(r.carrierHold, present);
            }
            for (PhoneNumber n : toFree) {
                r.named.remove(n);
                r.refused.remove(n);
            }
        }
        if (!toHold.isEmpty()) {
            if (r.carrierHold == null) {
                try {
                    r.carrierHold = carrier().createHold(toHold).id();
                } catch (CarrierRejection noneHoldable) {
                    for (PhoneNumber n : toHold) {
                        r.refused.put(n, new String[] {"FailedToReserveNumber", "Failed to add the number to the reservation."});
                    }
                }
            } else {
                carrier().addToHold(r.carrierHold, toHold);
            }
        } else if (r.carrierHold != null && toFree.isEmpty()) {
            // a change that holds nothing new still moves the expiry on
            carrier().addToHold(r.carrierHold, List.of());
        }
        r.changed = now;
        reservations.put(id, r);
        Optional<Hold> hold = carrierHold(r);
        Reservation done = r;
        boolean partial = namedIn(numbers).stream().anyMatch(n -> done.refused.containsKey(n)
                || hold.flatMap(h -> h.number(n)).map(e -> e.status() == HeldNumber.Status.ERROR).orElse(false));
        return SimResponse.json(partial ? 207 : created ? 201 : 200, reservationJson(r, true).toString());
    }

    private static Set<PhoneNumber> namedIn(JsonNode numbers) {
        Set<PhoneNumber> named = new LinkedHashSet<>();
        numbers.fields().forEachRemaining(f -> {
            if (!f.getValue().isNull()) {
                named.add(PhoneNumber.of("+" + f.getKey()));
            }
        });
        return named;
    }

    /** {@code GET …/reservations}: pages of at most {@code maxPageSize}, without their numbers, linked by {@code nextLink}. */
    private synchronized SimResponse reservationList(SimRequest request) {
        int skip = request.param("skip").map(Integer::parseInt).orElse(0);
        int size = Math.min(reservationPageSize, request.param("maxPageSize").map(Integer::parseInt).orElse(100));
        List<Reservation> all = new ArrayList<>(reservations.values());
        int to = Math.min(skip + size, all.size());
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("reservations");
        all.subList(Math.min(skip, all.size()), to).forEach(r -> items.add(reservationJson(r, false)));
        if (to < all.size()) {
            String link = "/availablePhoneNumbers/reservations?skip=" + to + "&maxPageSize=" + size + "&api-version="
                    + AzureResources.HOLDS_API_VERSION;
            body.put("nextLink", absoluteNextLinks ? "https://" + host + link : link);
        }
        return SimResponse.json(200, body.toString());
    }

    /**
     * {@code POST …/reservations/{id}/:purchase}: the carrier buys what the reservation's hold holds (a
     * second purchase is refused by the carrier and recorded as a repeat); an expired or empty reservation
     * is refused, and so is one holding a number that needs the agreement not to resell when the body does
     * not agree.
     */
    private synchronized SimResponse purchaseReservation(SimRequest request, String id) {
        Reservation r = reservations.get(id);
        if (r == null) {
            return error(404, "NotFound", "The reservation was not found.");
        }
        String status = status(r);
        if (status.equals("expired")) {
            return error(400, "ReservationExpired", "The reservation has expired.", "reservationId");
        }
        List<PhoneNumber> numbers = carrierHold(r).map(Hold::held).orElse(List.of());
        if (status.equals("active") && numbers.isEmpty()) {
            return error(400, "ReservationEmpty", "The reservation holds no phone number.", "reservationId");
        }
        boolean agreed = read(request.body()).path("agreeToNotResell").asBoolean(false);
        if (status.equals("active") && !agreed && numbers.stream().anyMatch(agreementRequired::contains)) {
            return error(400, "AgreementToNotResellRequired",
                    "The agreement to not resell is required to purchase phone numbers from this country.", "agreeToNotResell");
        }
        PurchaseOrder order;
        try {
            order = carrier().purchaseHold(r.carrierHold, null, true);
        } catch (CarrierRejection already) {
            return error(409, "ReservationNotActive", "The reservation is already being purchased or was purchased.", "reservationId");
        }
        String purchaseId = UUID.randomUUID().toString();
        return accepted("reservationPurchase_" + purchaseId, null, order.id()).withHeader("reservation-purchase-id", purchaseId);
    }

    private List<AvailableNumber> offersIn(String country) {
        return carrier().available().stream().filter(o -> o.countryCode().equals(country)).toList();
    }

    /** The numbers a live search holds (a reservation's are held by the carrier's own hold). */
    private synchronized Set<PhoneNumber> held() {
        Instant now = carrier().clock().instant();
        Set<PhoneNumber> held = new LinkedHashSet<>();
        searches.values().stream().filter(x -> !x.purchased()[0] && now.isBefore(x.expiresBy())).forEach(x -> held.addAll(x.numbers()));
        // numbers in reservations are held by the carrier itself, which offers them to no one
        return held;
    }

    private SimResponse search(SimRequest request, String country) {
        searchesStarted.incrementAndGet();
        JsonNode body = read(request.body());
        String type = body.path("phoneNumberType").asText("");
        if (!type.equals("geographic") && !type.equals("tollFree")) {
            return error(400, "BadRequest", "phoneNumberType must be geographic or tollFree");
        }
        String calling = body.path("capabilities").path("calling").asText("none");
        String sms = body.path("capabilities").path("sms").asText("none");
        int quantity = body.path("quantity").asInt(1);
        Optional<String> areaCode = Optional.ofNullable(body.get("areaCode")).map(JsonNode::asText);
        NumberType wanted = type.equals("tollFree") ? NumberType.TOLL_FREE : NumberType.LOCAL;
        Set<PhoneNumber> held = held();
        List<PhoneNumber> found = carrier().search(o -> o.countryCode().equals(country) && o.type() == wanted
                        && !held.contains(o.number())
                        && areaCode.map(a -> o.number().nationalNumber().startsWith(a)).orElse(true)
                        && (calling.equals("none") || o.features().contains(NumberFeature.VOICE))
                        && (sms.equals("none") || o.features().contains(NumberFeature.SMS)), quantity)
                .stream().map(AvailableNumber::number).toList();
        String id = UUID.randomUUID().toString();
        searches.put(id, new Search(id, found, wanted, calling, sms, carrier().clock().instant().plus(HOLD), new boolean[1]));
        return accepted("search_" + id, "/availablePhoneNumbers/searchResults/" + id, null)
                .withHeader("search-id", id)
                .withHeader("Location", "/availablePhoneNumbers/searchResults/" + id + "?api-version=" + AzureResources.API_VERSION);
    }

    private SimResponse purchase(SimRequest request) {
        String searchId = read(request.body()).path("searchId").asText("");
        Search search = searches.get(searchId);
        if (search == null) {
            return error(400, "SearchNotFound", "The search was not found or has expired.", "searchId");
        }
        synchronized (search) {
            if (search.purchased()[0]) {
                // a second purchase of one search: the carrier never sees it, so the repeat is recorded here
                carrier().recordRepeatedPurchase(search.numbers());
                return error(409, "PurchaseAlreadyInProgress", "This search is already being purchased.", "searchId");
            }
            if (!carrier().clock().instant().isBefore(search.expiresBy())) {
                return error(400, "SearchNotFound", "The search was not found or has expired.", "searchId");
            }
            search.purchased()[0] = true;
        }
        PurchaseOrder order = carrier().placeOrder(search.numbers(), null, searchId, true);
        String id = UUID.randomUUID().toString();
        return accepted("purchase_" + id, null, order.id()).withHeader("purchase-id", id);
    }

    // ---- owned numbers and operations ---------------------------------------------------------

    private SimResponse numbers(SimRequest request, List<String> s) {
        if (request.is("GET", "phoneNumbers")) {
            return list(request);
        }
        if (request.is("GET", "phoneNumbers", "operations", "*")) {
            return operation(request.lastSegment());
        }
        if (request.is("DELETE", "phoneNumbers", "operations", "*")) {
            operations.remove(request.lastSegment());
            return SimResponse.empty(204);
        }
        if (request.is("GET", "phoneNumbers", "*")) {
            return SimResponse.json(200, numberJson(owned(s.get(1))).toString());
        }
        if (request.is("PATCH", "phoneNumbers", "*", "capabilities")) {
            OwnedNumber current = ownedOrForbidden(s.get(1));
            JsonNode body = read(request.body());
            String calling = body.path("calling").asText(current.attributes().getOrDefault("calling", "inbound+outbound"));
            String sms = body.path("sms").asText(current.attributes().getOrDefault("sms", "none"));
            OwnedNumber updated = carrier().update(current.number(), n -> {
                Set<NumberFeature> features = EnumSet.noneOf(NumberFeature.class);
                if (!calling.equals("none")) {
                    features.add(NumberFeature.VOICE);
                }
                if (!sms.equals("none")) {
                    features.add(NumberFeature.SMS);
                }
                return n.toBuilder().features(features).attribute("calling", calling).attribute("sms", sms).build();
            });
            String location = "/phoneNumbers/" + java.net.URLEncoder.encode(updated.number().e164(), StandardCharsets.UTF_8);
            SimResponse accepted = accepted("capabilities_" + UUID.randomUUID(), location, null)
                    .withHeader("Location", location + "?api-version=" + AzureResources.API_VERSION)
                    .withHeader("capabilities-id", UUID.randomUUID().toString());
            return new SimResponse(202, accepted.headers(), numberJson(updated).toString());
        }
        if (request.is("DELETE", "phoneNumbers", "*")) {
            OwnedNumber current = ownedOrForbidden(s.get(1));
            carrier().release(current.number());
            return accepted("release_" + UUID.randomUUID(), null, null).withHeader("release-id", UUID.randomUUID().toString());
        }
        return error(404, "NotFound", "no such resource");
    }

    /** Azure answers a change to a number the resource does not own with 403, as its recordings show. */
    private OwnedNumber ownedOrForbidden(String segment) {
        try {
            return owned(segment);
        } catch (CarrierRejection notOwned) {
            throw new Forbidden();
        }
    }

    /** A 403 "not owned by this resource". */
    private static final class Forbidden extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private OwnedNumber owned(String segment) {
        try {
            return carrier().owned(PhoneNumber.of(segment.strip()))
                    .orElseThrow(() -> new CarrierRejection(CarrierRejection.Reason.NOT_FOUND, segment + " is not owned"));
        } catch (RuntimeException notANumber) {
            if (notANumber instanceof CarrierRejection rejection) {
                throw rejection;
            }
            throw new CarrierRejection(CarrierRejection.Reason.NOT_FOUND, "not a number");
        }
    }

    private SimResponse list(SimRequest request) {
        int skip = request.param("skip").map(Integer::parseInt).orElse(0);
        int top = request.param("top").map(Integer::parseInt).orElse(100);
        List<OwnedNumber> all = carrier().ownedNumbers();
        int to = Math.min(skip + top, all.size());
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("phoneNumbers");
        all.subList(Math.min(skip, all.size()), to).forEach(n -> items.add(numberJson(n)));
        if (to < all.size()) {
            String link = "/phoneNumbers?skip=" + to + "&top=" + top + "&api-version=" + AzureResources.API_VERSION;
            body.put("nextLink", absoluteNextLinks ? "https://" + host + link : link);
        }
        return SimResponse.json(200, body.toString());
    }

    private SimResponse operation(String id) {
        Operation op = operations.get(id);
        if (op == null) {
            return error(404, "NotFound", "The operation was not found.");
        }
        String status;
        String error = null;
        synchronized (op) {
            op.polls++;
            if (op.orderId != null) {
                PurchaseOrder order = carrier().order(op.orderId).orElseThrow();
                status = switch (order.status()) {
                    case PENDING -> op.polls == 1 ? "notStarted" : "running";
                    case COMPLETED -> "succeeded";
                    default -> "failed";
                };
                if (order.status() == PurchaseStatus.FAILED) {
                    error = order.details().orElse("the purchase failed");
                }
            } else if (op.type.equals("search")) {
                status = op.polls <= searchRunningPolls ? (op.polls == 1 ? "notStarted" : "running") : "succeeded";
            } else {
                status = op.polls <= 1 ? "running" : "succeeded";
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("operationType", op.type);
        body.put("status", status);
        if (op.resourceLocation != null) {
            body.put("resourceLocation", op.resourceLocation + "?api-version=" + AzureResources.API_VERSION);
        } else {
            body.putNull("resourceLocation");
        }
        body.put("createdDateTime", op.created.toString());
        body.put("id", op.id);
        body.put("lastActionDateTime", carrier().clock().instant().toString());
        if (error != null) {
            body.putObject("error").put("code", "PurchaseFailed").put("message", error);
        }
        SimResponse response = SimResponse.json(200, body.toString());
        return op.resourceLocation == null ? response
                : response.withHeader("Location", op.resourceLocation + "?api-version=" + AzureResources.API_VERSION);
    }

    private SimResponse accepted(String operationId, String resourceLocation, String orderId) {
        String type = operationId.substring(0, operationId.indexOf('_'));
        operations.put(operationId, new Operation(operationId, type.equals("release") ? "releasePhoneNumber"
                : type.equals("capabilities") ? "updatePhoneNumberCapabilities" : type, resourceLocation, orderId, carrier().clock().instant()));
        return new SimResponse(202, Map.of(
                "operation-id", operationId,
                "Operation-Location", "/phoneNumbers/operations/" + operationId + "?api-version=" + AzureResources.API_VERSION,
                "Access-Control-Expose-Headers", "Location,Operation-Location,operation-id,search-id"), "");
    }

    ObjectNode numberJson(OwnedNumber n) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", n.number().digits());
        item.put("phoneNumber", n.number().e164());
        item.put("countryCode", "US");
        item.put("phoneNumberType", n.type() == NumberType.TOLL_FREE ? "tollFree" : "geographic");
        item.putObject("capabilities")
                .put("calling", n.attributes().getOrDefault("calling", n.features().contains(NumberFeature.VOICE) ? "inbound+outbound" : "none"))
                .put("sms", n.attributes().getOrDefault("sms", n.features().contains(NumberFeature.SMS) ? "inbound+outbound" : "none"));
        item.put("assignmentType", "application");
        item.put("purchaseDate", n.createdAt().orElse(Instant.EPOCH).toString());
        item.putObject("cost").put("amount", 1.0).put("currencyCode", "USD").put("billingFrequency", "monthly");
        return item;
    }

    // ---- SIP routing --------------------------------------------------------------------------

    private synchronized SimResponse sip(SimRequest request) {
        if (request.method().equals("PATCH")) {
            JsonNode body = read(request.body());
            Map<String, Integer> newTrunks = new LinkedHashMap<>(trunks);
            body.path("trunks").fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    newTrunks.remove(e.getKey());
                } else {
                    newTrunks.put(e.getKey(), e.getValue().path("sipSignalingPort").asInt());
                }
            });
            List<ObjectNode> newRoutes = new ArrayList<>(routes);
            if (body.has("routes")) {
                newRoutes.clear();
                body.get("routes").forEach(r -> newRoutes.add((ObjectNode) r));
            }
            for (ObjectNode route : newRoutes) {
                for (JsonNode trunk : route.path("trunks")) {
                    if (!newTrunks.containsKey(trunk.asText())) {
                        return error(422, "UnprocessableConfiguration", "Route '" + route.path("name").asText()
                                + "' refers to trunk " + trunk.asText() + ", which is not configured.");
                    }
                }
            }
            trunks.clear();
            trunks.putAll(newTrunks);
            routes.clear();
            routes.addAll(newRoutes);
        }
        ObjectNode config = JSON.createObjectNode();
        ObjectNode trunkNode = config.putObject("trunks");
        trunks.forEach((fqdn, port) -> trunkNode.putObject(fqdn).put("sipSignalingPort", port));
        ArrayNode routeNode = config.putArray("routes");
        routes.forEach(routeNode::add);
        return SimResponse.json(200, config.toString());
    }

    // ---- helpers ------------------------------------------------------------------------------

    static SimResponse error(int status, String code, String message) {
        return error(status, code, message, null);
    }

    /** A {@code CommunicationErrorResponse}, with the correlation header Azure's answers carry. */
    static SimResponse error(int status, String code, String message, String target) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error").put("code", code).put("message", message);
        if (target != null) {
            error.put("target", target);
        }
        return new SimResponse(status, Map.of("Content-Type", "application/json; charset=utf-8", "MS-CV", "sim-" + UUID.randomUUID()),
                body.toString());
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new CarrierRejection(CarrierRejection.Reason.INVALID, "the body is not JSON");
        }
    }
}
