package dev.telephony.alianza;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telephony.api.Address;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.E911Address;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PortOrder;
import dev.telephony.api.PortRequest;
import dev.telephony.api.PortSubscriber;
import dev.telephony.api.PortabilityResult;
import dev.telephony.api.PurchaseFailure;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.http.RestClient;
import dev.telephony.testkit.carrier.CarrierRejection;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.wire.SimRequest;
import dev.telephony.testkit.wire.SimResponse;
import dev.telephony.testkit.wire.WireSimulator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A stateful simulator of Alianza's v2 API on the shared carrier state, in the shapes of the phone
 * number management guide: log-in at {@code POST /v2/authorize} with tokens that expire, search
 * (local and toll-free), orders (asynchronous on the carrier's orders by default, at most 100 numbers
 * each), number details and configuration, the account's number list, release, assignments to
 * users, device lines, IVRs and call queues (kept here), and ports driven by the test through the
 * carrier state. The account's numbers come as one array, as the guide shows them: no paging is
 * documented. Errors are {@code PublicApiException} bodies. Tests can rewrite answers to shapes of
 * their own ({@link #rewrite}) and see the requests that reached the carrier ({@link #requests()}).
 */
final class AlianzaSimulator extends WireSimulator {
    static final String HEADER = "X-AUTH-TOKEN";
    private static final ObjectMapper JSON = RestClient.newMapper();
    private static final Pattern CALLER_ID_NAME = Pattern.compile("[A-Z0-9 ]{1,15}");
    private static final Pattern PATTERN = Pattern.compile("(\\*?)([0-9]{1,10})(\\*?)");
    private static final Set<String> TOLL_FREE = AlianzaNumbers.TOLL_FREE_PREFIXES;

    private final String partitionId;
    private final String accountId;
    private final String username;
    private final String password;
    /** Tokens handed out by log-in, with when they were issued. */
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();
    /** Tokens configured ahead (as an account manager hands one out): they expire only when told to. */
    private final Set<String> preset = ConcurrentHashMap.newKeySet();
    private final Set<String> expired = ConcurrentHashMap.newKeySet();
    private final Map<PhoneNumber, ObjectNode> assignments = new ConcurrentHashMap<>();
    private final Map<PhoneNumber, ObjectNode> listings = new ConcurrentHashMap<>();
    private final Map<String, String> portProviders = new ConcurrentHashMap<>();
    private final List<Integer> orderSizes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<String> refusal = new ThreadLocal<>();
    private final List<Rewrite> rewrites = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<SimRequest> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile Duration tokenLifetime = Duration.ofHours(1);
    private volatile boolean completeOrdersAtOnce;

    AlianzaSimulator(CarrierState carrier, String partitionId, String accountId, String username, String password,
                     String presetToken) {
        super(carrier);
        this.partitionId = partitionId;
        this.accountId = accountId;
        this.username = username;
        this.password = password;
        this.preset.add(presetToken);
    }

    // ---- knobs and observations for tests -----------------------------------------------------

    /** Tokens obtained by logging in stop working this long after they were issued. */
    AlianzaSimulator tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
        return this;
    }

    /** Every token issued or configured so far answers 401 "Expired Auth Token" from now on. */
    void expireAllTokens() {
        expired.addAll(preset);
        expired.addAll(issued.keySet());
    }

    /** Orders complete in the answer to the order itself, as the guide's example shows, instead of staying PENDING. */
    AlianzaSimulator completeOrdersAtOnce(boolean atOnce) {
        this.completeOrdersAtOnce = atOnce;
        return this;
    }

    /** Every token handed out by log-in. */
    Set<String> issuedTokens() {
        return Set.copyOf(issued.keySet());
    }

    /** How many numbers each order named, in the order they arrived. */
    List<Integer> orderSizes() {
        synchronized (orderSizes) {
            return List.copyOf(orderSizes);
        }
    }

    /** Makes {@code number} assigned, as another tool of the account would. */
    void assign(PhoneNumber number, String type, String target) {
        ObjectNode assignment = JSON.createObjectNode();
        assignment.put("assignmentType", type);
        assignment.put("assignedTo", target);
        assignments.put(number, assignment);
    }

    boolean isAssigned(PhoneNumber number) {
        return assignments.containsKey(number);
    }

    /**
     * From now on, {@code times} answers to requests {@code which} selects are replaced by what
     * {@code rewrite} makes of them, after the carrier acted: an answer in another shape than the
     * simulator's own, for the answers Alianza's documents allow (or do not) and the library must read.
     */
    AlianzaSimulator rewrite(Predicate<SimRequest> which, java.util.function.BiFunction<SimRequest, SimResponse, SimResponse> rewrite,
                             int times) {
        rewrites.add(new Rewrite(which, rewrite, new java.util.concurrent.atomic.AtomicInteger(times)));
        return this;
    }

    /** Every answer from now on is {@code body} with {@code status}, for requests {@code which} selects. */
    AlianzaSimulator answer(Predicate<SimRequest> which, int status, String body) {
        return rewrite(which, (r, a) -> SimResponse.json(status, body), Integer.MAX_VALUE);
    }

    /** Requests that reached the carrier with valid credentials and no fault before it acted, in the order they came. */
    List<SimRequest> requests() {
        return List.copyOf(seen);
    }

    /** A request of {@code method} whose path ends with {@code segments}. */
    static Predicate<SimRequest> request(String method, String... segments) {
        return r -> {
            List<String> s = r.segments();
            if (!r.method().equals(method) || s.size() < segments.length) {
                return false;
            }
            return s.subList(s.size() - segments.length, s.size()).equals(List.of(segments));
        };
    }

    private record Rewrite(Predicate<SimRequest> which, java.util.function.BiFunction<SimRequest, SimResponse, SimResponse> rewrite,
                           java.util.concurrent.atomic.AtomicInteger left) {
        boolean applies(SimRequest request) {
            return which.test(request) && left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }

        SimResponse apply(SimRequest request, SimResponse answer) {
            return rewrite.apply(request, answer);
        }
    }

    // ---- the WireSimulator hooks --------------------------------------------------------------

    @Override
    protected RequestKind classify(SimRequest request) {
        List<String> s = request.segments();
        if (request.is("POST", "v2", "authorize")) {
            return RequestKind.AUTH;
        }
        boolean numbers = s.size() >= 5 && s.get(3).equals("telephone-number");
        if (numbers && s.get(4).equals("order") && request.method().equals("POST")) {
            return RequestKind.PURCHASE;
        }
        if (numbers && s.get(4).equals("port") && !request.method().equals("GET")) {
            return RequestKind.PORT;
        }
        if (numbers && s.size() == 5 && request.method().equals("DELETE")) {
            return RequestKind.RELEASE;
        }
        return request.method().equals("GET") ? RequestKind.READ : RequestKind.UPDATE;
    }

    @Override
    protected Optional<SimResponse> beforeAuthentication(SimRequest request) {
        if (request.is("POST", "v2", "authorize")) {
            return Optional.of(rewritten(request, logIn(request)));
        }
        return Optional.empty();
    }

    @Override
    protected boolean authorized(SimRequest request) {
        Optional<String> token = request.header(HEADER);
        if (token.isEmpty() || token.get().isBlank()) {
            refusal.set("Missing X-AUTH-TOKEN");
            return false;
        }
        String value = token.get();
        Instant issuedAt = issued.get(value);
        boolean known = preset.contains(value) || issuedAt != null;
        if (!known) {
            refusal.set("Invalid Auth Token");
            return false;
        }
        if (expired.contains(value) || (issuedAt != null && !issuedAt.plus(tokenLifetime).isAfter(carrier().clock().instant()))) {
            refusal.set("Expired Auth Token");
            return false;
        }
        return true;
    }

    @Override
    protected SimResponse unauthorized() {
        String reason = Optional.ofNullable(refusal.get()).orElse("Invalid Auth Token");
        refusal.remove();
        return error(401, List.of(reason), null);
    }

    @Override
    protected SimResponse rateLimited(Duration retryAfter) {
        return error(429, List.of("Too many requests"), null).withHeader("Retry-After", String.valueOf(retryAfter.toSeconds()));
    }

    @Override
    protected SimResponse serverError(int status) {
        return error(status, List.of("Internal Server Error"), null);
    }

    @Override
    protected SimResponse refused(SimRequest request, CarrierRejection rejection) {
        return switch (rejection.reason()) {
            case NOT_FOUND -> error(404, List.of("NotFound", rejection.getMessage()), null);
            case NOT_AVAILABLE -> {
                ObjectNode data = JSON.createObjectNode();
                ArrayNode numbers = data.putArray("telephoneNumbers");
                body(request).ifPresent(b -> {
                    b.path("telephoneNumbers").forEach(numbers::add);
                    if (b.hasNonNull("telephoneNumber")) {
                        numbers.add(b.get("telephoneNumber"));
                    }
                });
                yield error(400, List.of("TelephoneNumberNotAvailable", "the number cannot be ordered: it is not available"), data);
            }
            case CONFLICT -> error(409, List.of(rejection.getMessage()), null);
            case INVALID -> error(400, List.of(rejection.getMessage()), null);
        };
    }

    @Override
    protected SimResponse serve(SimRequest request) {
        seen.add(request);
        SimResponse answer;
        try {
            answer = route(request);
        } catch (CarrierRejection rejection) {
            answer = refused(request, rejection);
        }
        return rewritten(request, answer);
    }

    private SimResponse rewritten(SimRequest request, SimResponse answer) {
        SimResponse result = answer;
        for (Rewrite rewrite : rewrites) {
            if (rewrite.applies(request)) {
                result = rewrite.apply(request, result);
            }
        }
        return result;
    }

    private SimResponse route(SimRequest request) {
        List<String> s = request.segments();
        if (s.size() < 4 || !s.get(0).equals("v2") || !s.get(1).equals("partition")) {
            return notFound(request);
        }
        if (!s.get(2).equals(partitionId)) {
            return error(404, List.of("PartitionNotFound"), null);
        }
        if (s.get(3).equals("telephone-number")) {
            return numbers(request, s.subList(4, s.size()));
        }
        if (s.get(3).equals("account") && s.size() >= 6) {
            if (!s.get(4).equals(accountId)) {
                return error(404, List.of("AccountNotFound"), null);
            }
            return account(request, s.subList(5, s.size()));
        }
        return notFound(request);
    }

    private SimResponse numbers(SimRequest request, List<String> rest) {
        String method = request.method();
        if (rest.size() == 1 && rest.get(0).equals("search") && method.equals("GET")) {
            return search(request, NumberType.LOCAL);
        }
        if (rest.size() == 2 && rest.get(0).equals("search") && rest.get(1).equals("tollfree") && method.equals("GET")) {
            return search(request, NumberType.TOLL_FREE);
        }
        if (rest.size() == 1 && rest.get(0).equals("order") && method.equals("POST")) {
            return order(request, false);
        }
        if (rest.size() == 2 && rest.get(0).equals("order") && rest.get(1).equals("tollfree") && method.equals("POST")) {
            return order(request, true);
        }
        if (rest.size() == 2 && rest.get(0).equals("order") && method.equals("GET")) {
            return carrier().order(rest.get(1)).map(o -> json(200, orderJson(o)))
                    .orElseGet(() -> error(404, List.of("OrderNotFound"), null));
        }
        if (rest.size() == 2 && rest.get(0).equals("port") && rest.get(1).equals("check") && method.equals("GET")) {
            return portCheck(request);
        }
        if (rest.size() == 1 && rest.get(0).equals("port")) {
            return switch (method) {
                case "POST" -> submitPort(request);
                case "GET" -> listPorts(request);
                default -> notFound(request);
            };
        }
        if (rest.size() == 2 && rest.get(0).equals("port")) {
            String id = rest.get(1);
            if (method.equals("GET")) {
                return carrier().port(id).map(p -> json(200, portJson(p))).orElseGet(() -> error(404, List.of("PortNotFound"), null));
            }
            if (method.equals("DELETE")) {
                carrier().cancelPort(id);
                return SimResponse.empty(204);
            }
        }
        if (rest.size() == 1) {
            Optional<PhoneNumber> number = number(rest.get(0));
            if (number.isEmpty()) {
                return error(400, List.of("InvalidTelephoneNumber"), null);
            }
            return switch (method) {
                case "GET" -> details(number.get());
                case "PUT" -> configure(request, number.get());
                case "DELETE" -> release(number.get());
                default -> notFound(request);
            };
        }
        return notFound(request);
    }

    private SimResponse account(SimRequest request, List<String> rest) {
        String method = request.method();
        if (rest.size() == 1 && rest.get(0).equals("telephone-number") && method.equals("GET")) {
            return list(request);
        }
        // <kind>/{id}/telephone-number[/{tn}] and device/{id}/line/{n}/telephone-number[/{tn}]
        String kind = rest.get(0);
        int numbersAt = kind.equals("device") ? 4 : 2;
        if (rest.size() <= numbersAt || !rest.get(numbersAt).equals("telephone-number")
                || (kind.equals("device") && !rest.get(2).equals("line"))) {
            return notFound(request);
        }
        String type = switch (kind) {
            case "user" -> "END_USER";
            case "device" -> "DEVICE_LINE";
            case "ivr" -> "IVR";
            case "call-queue" -> "CALL_QUEUE";
            default -> null;
        };
        if (type == null) {
            return notFound(request);
        }
        String target = rest.get(1);
        Integer line = kind.equals("device") ? Integer.valueOf(rest.get(3)) : null;
        if (rest.size() == numbersAt + 1 && method.equals("PUT")) {
            return assign(request, type, target, line);
        }
        if (rest.size() == numbersAt + 2 && method.equals("DELETE")) {
            Optional<PhoneNumber> number = number(rest.get(numbersAt + 1));
            ObjectNode current = number.map(assignments::get).orElse(null);
            if (current == null || !current.path("assignmentType").asText().equals(type)
                    || !current.path("assignedTo").asText().equals(target)) {
                return error(404, List.of("AssignmentNotFound"), null);
            }
            assignments.remove(number.get());
            return SimResponse.empty(204);
        }
        return notFound(request);
    }

    // ---- log-in -------------------------------------------------------------------------------

    private SimResponse logIn(SimRequest request) {
        Optional<JsonNode> body = body(request);
        if (body.isEmpty() || !body.get().hasNonNull("username") || !body.get().hasNonNull("password")) {
            return error(400, List.of("username and password are required"), null);
        }
        if (!body.get().get("username").asText().equals(username) || !body.get().get("password").asText().equals(password)) {
            return error(401, List.of("Invalid username or password"), null);
        }
        String token = "alz-" + UUID.randomUUID();
        issued.put(token, carrier().clock().instant());
        ObjectNode answer = JSON.createObjectNode();
        answer.put("authToken", token);
        answer.put("userId", "user-api-1");
        answer.put("userType", "AccountUser");
        answer.put("username", username);
        answer.put("partitionId", partitionId);
        answer.put("accountId", accountId);
        answer.putObject("permissions");
        return json(200, answer);
    }

    // ---- search -------------------------------------------------------------------------------

    private SimResponse search(SimRequest request, NumberType type) {
        int quantity;
        try {
            quantity = request.param("quantity").map(Integer::parseInt).orElse(10);
        } catch (NumberFormatException e) {
            return invalid("quantity", "must be a whole number");
        }
        if (quantity < 1 || quantity > 100) {
            return invalid("quantity", "must be between 1 and 100");
        }
        Optional<String> npa = request.param("npa");
        Optional<String> nxx = request.param("nxx");
        Optional<String> rateCenter = request.param("rateCenter");
        Optional<String> state = request.param("state");
        Optional<String> pattern = request.param("pattern");
        if (rateCenter.isPresent() && state.isEmpty()) {
            return invalid("state", "is required with rateCenter");
        }
        if (type == NumberType.TOLL_FREE && npa.isPresent() && !TOLL_FREE.contains(npa.get())) {
            return invalid("npa", "is not a toll-free prefix");
        }
        if (pattern.isPresent() && !PATTERN.matcher(pattern.get()).matches()) {
            return invalid("pattern", "must be digits with * before, after or both");
        }
        Predicate<PhoneNumber> matchesPattern = pattern.map(AlianzaSimulator::patternMatcher).orElse(n -> true);
        Predicate<AvailableNumber> filter = o -> o.countryCode().equals("US") && o.type() == type
                && npa.map(a -> o.number().nationalNumber().startsWith(a)).orElse(true)
                && nxx.map(x -> o.number().nationalNumber().substring(3, 6).equals(x)).orElse(true)
                && rateCenter.map(r -> r.equalsIgnoreCase(o.rateCenter().orElse(""))).orElse(true)
                && state.map(r -> r.equalsIgnoreCase(o.region().orElse(""))).orElse(true)
                && matchesPattern.test(o.number());
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("telephoneNumbers");
        for (AvailableNumber offer : carrier().search(filter, quantity)) {
            String national = offer.number().nationalNumber();
            ObjectNode item = items.addObject();
            item.put("telephoneNumber", offer.number().e164());
            item.put("formatted", formatted(offer.number()));
            item.put("npa", national.substring(0, 3));
            item.put("nxx", national.substring(3, 6));
            item.put("line", national.substring(6));
            offer.rateCenter().ifPresent(r -> item.put("rateCenter", r));
            offer.region().ifPresent(r -> item.put("state", r));
            item.put("available", true);
        }
        return json(200, body);
    }

    private static Predicate<PhoneNumber> patternMatcher(String pattern) {
        var m = PATTERN.matcher(pattern);
        m.matches();
        boolean leading = !m.group(1).isEmpty();
        boolean trailing = !m.group(3).isEmpty();
        String digits = m.group(2);
        return n -> {
            String national = n.nationalNumber();
            if (leading && trailing) {
                return national.contains(digits);
            }
            if (leading) {
                return national.endsWith(digits);
            }
            return trailing ? national.startsWith(digits) : national.equals(digits);
        };
    }

    // ---- orders -------------------------------------------------------------------------------

    private SimResponse order(SimRequest request, boolean tollFree) {
        Optional<JsonNode> body = body(request);
        if (body.isEmpty()) {
            return error(400, List.of("a JSON body is required"), null);
        }
        if (!accountId.equals(body.get().path("accountId").asText())) {
            return error(404, List.of("AccountNotFound"), null);
        }
        List<PhoneNumber> numbers = new ArrayList<>();
        List<JsonNode> given = new ArrayList<>();
        if (tollFree) {
            given.add(body.get().path("telephoneNumber"));
        } else {
            body.get().path("telephoneNumbers").forEach(given::add);
        }
        for (JsonNode item : given) {
            Optional<PhoneNumber> number = number(item.asText());
            if (number.isEmpty()) {
                return invalid("telephoneNumbers", "'" + item.asText() + "' is not an E.164 number");
            }
            if (tollFree != TOLL_FREE.contains(number.get().nationalNumber().substring(0, 3))) {
                return invalid(tollFree ? "telephoneNumber" : "telephoneNumbers", tollFree
                        ? number.get() + " is not toll-free" : number.get() + " is toll-free: order it on /order/tollfree");
            }
            numbers.add(number.get());
        }
        if (numbers.isEmpty() || numbers.size() > 100) {
            return invalid("telephoneNumbers", "must name 1 to 100 numbers per order, named " + numbers.size());
        }
        orderSizes.add(numbers.size());
        PurchaseOrder placed = carrier().placeOrder(numbers, null, null, !completeOrdersAtOnce);
        return json(200, orderJson(placed));
    }

    private ObjectNode orderJson(PurchaseOrder order) {
        ObjectNode body = JSON.createObjectNode();
        body.put("orderId", order.id());
        body.put("status", order.status().name());
        ArrayNode lines = body.putArray("telephoneNumbers");
        for (PhoneNumber number : order.requested()) {
            ObjectNode line = lines.addObject();
            line.put("telephoneNumber", number.e164());
            Optional<PurchaseFailure> failure = order.failures().stream().filter(f -> f.number().equals(number)).findFirst();
            if (order.purchased().contains(number)) {
                line.put("status", "ACTIVE");
            } else if (failure.isPresent()) {
                line.put("status", "FAILED");
                line.put("reason", failure.get().reason());
            } else {
                line.put("status", order.status() == PurchaseStatus.PENDING ? "PENDING" : "FAILED");
            }
            line.put("accountId", accountId);
            order.createdAt().ifPresent(t -> line.put("orderedDate", t.toString()));
        }
        return body;
    }

    // ---- the account's numbers ----------------------------------------------------------------

    private SimResponse details(PhoneNumber number) {
        // reading a number lets the carrier finish an order that is due, as a real back end would have
        Optional<PurchaseOrder> order = carrier().latestOrderFor(number);
        Optional<OwnedNumber> owned = carrier().owned(number);
        if (owned.isPresent()) {
            return json(200, detailsJson(owned.get()));
        }
        if (order.isPresent() && order.get().status() == PurchaseStatus.PENDING) {
            ObjectNode body = JSON.createObjectNode();
            body.put("telephoneNumber", number.e164());
            body.put("formatted", formatted(number));
            body.put("status", "PENDING");
            body.put("accountId", accountId);
            return json(200, body);
        }
        return error(404, List.of("TelephoneNumberNotFound"), null);
    }

    private ObjectNode detailsJson(OwnedNumber owned) {
        PhoneNumber number = owned.number();
        String national = number.nationalNumber();
        ObjectNode body = JSON.createObjectNode();
        body.put("telephoneNumber", number.e164());
        body.put("formatted", formatted(number));
        body.put("npa", national.substring(0, 3));
        body.put("nxx", national.substring(3, 6));
        body.put("status", "ACTIVE");
        body.put("accountId", accountId);
        ObjectNode assignment = assignments.get(number);
        if (assignment != null) {
            body.setAll(assignment);
        }
        ObjectNode e911 = body.putObject("e911");
        e911.put("registered", owned.e911Address().isPresent());
        owned.e911Address().ifPresent(a -> e911.set("address", addressJson(a)));
        ObjectNode listing = listings.get(number);
        if (listing != null) {
            body.set("directoryListing", listing);
        }
        owned.callerIdName().ifPresent(c -> body.put("callerIdName", c));
        return body;
    }

    private SimResponse configure(SimRequest request, PhoneNumber number) {
        if (carrier().owned(number).isEmpty()) {
            return error(404, List.of("TelephoneNumberNotFound"), null);
        }
        Optional<JsonNode> body = body(request);
        if (body.isEmpty()) {
            return error(400, List.of("a JSON body is required"), null);
        }
        JsonNode change = body.get();
        String callerIdName = change.hasNonNull("callerIdName") ? change.get("callerIdName").asText() : null;
        if (callerIdName != null && !CALLER_ID_NAME.matcher(callerIdName).matches()) {
            return invalid("callerIdName", "at most 15 capital letters, digits and spaces");
        }
        E911Address e911 = null;
        if (change.hasNonNull("e911Address")) {
            Optional<E911Address> read = e911(change.get("e911Address"));
            if (read.isEmpty()) {
                return invalid("e911Address", "needs street, city, state and zipCode");
            }
            e911 = read.get();
        }
        if (change.hasNonNull("directoryListing")) {
            JsonNode listing = change.get("directoryListing");
            if (!listing.path("listed").isBoolean()) {
                return invalid("directoryListing.listed", "is required");
            }
            ObjectNode stored = JSON.createObjectNode();
            stored.put("listed", listing.get("listed").asBoolean());
            if (listing.get("listed").asBoolean()) {
                stored.put("name", listing.path("name").asText(""));
                if (listing.hasNonNull("address")) {
                    stored.put("address", listing.get("address").asText());
                }
            }
            listings.put(number, stored);
        }
        E911Address newE911 = e911;
        OwnedNumber updated = carrier().update(number, n -> {
            OwnedNumber.Builder b = n.toBuilder();
            if (callerIdName != null) {
                b.callerIdName(callerIdName);
            }
            if (newE911 != null) {
                b.e911Address(newE911);
            }
            return b.build();
        });
        return json(200, detailsJson(updated));
    }

    private SimResponse release(PhoneNumber number) {
        // like the real service as far as the guide tells: releasing does not check assignments (the library does)
        carrier().release(number);
        assignments.remove(number);
        listings.remove(number);
        return SimResponse.empty(204);
    }

    /** The guide's list: every number of the account in one array, whatever the query says (no paging is documented). */
    private SimResponse list(SimRequest request) {
        ArrayNode items = JSON.createArrayNode();
        for (OwnedNumber owned : carrier().ownedNumbers()) {
            ObjectNode item = items.addObject();
            item.put("telephoneNumber", owned.number().e164());
            item.put("formatted", formatted(owned.number()));
            ObjectNode assignment = assignments.get(owned.number());
            if (assignment != null) {
                item.setAll(assignment);
                item.put("primary", assignment.path("primary").asBoolean(false));
            }
            item.put("status", "ACTIVE");
            item.put("e911Registered", owned.e911Address().isPresent());
        }
        return SimResponse.json(200, items.toString());
    }

    private SimResponse assign(SimRequest request, String type, String target, Integer line) {
        Optional<JsonNode> body = body(request);
        Optional<PhoneNumber> number = body.flatMap(b -> number(b.path("telephoneNumber").asText()));
        if (number.isEmpty()) {
            return invalid("telephoneNumber", "is required");
        }
        if (carrier().owned(number.get()).isEmpty()) {
            return error(404, List.of("TelephoneNumberNotFound"), null);
        }
        ObjectNode current = assignments.get(number.get());
        if (current != null && !(current.path("assignmentType").asText().equals(type) && current.path("assignedTo").asText().equals(target))) {
            return error(409, List.of("TelephoneNumberInUse", number.get() + " is assigned to " + current.path("assignedTo").asText()), null);
        }
        ObjectNode assignment = JSON.createObjectNode();
        assignment.put("assignedTo", target);
        assignment.put("assignmentType", type);
        if (type.equals("END_USER")) {
            assignment.put("primary", body.get().path("primary").asBoolean(false));
        }
        if (line != null) {
            assignment.put("lineNumber", line);
        }
        if (body.get().hasNonNull("e911Address")) {
            Optional<E911Address> e911 = e911(body.get().get("e911Address"));
            if (e911.isEmpty()) {
                return invalid("e911Address", "needs street, city, state and zipCode");
            }
            carrier().update(number.get(), n -> n.toBuilder().e911Address(e911.get()).build());
        }
        assignments.put(number.get(), assignment);
        ObjectNode answer = assignment.deepCopy();
        answer.put("telephoneNumber", number.get().e164());
        return json(200, answer);
    }

    // ---- ports --------------------------------------------------------------------------------

    private SimResponse portCheck(SimRequest request) {
        Optional<PhoneNumber> number = request.param("telephoneNumber").flatMap(AlianzaSimulator::number);
        if (number.isEmpty()) {
            return invalid("telephoneNumber", "is required");
        }
        PortabilityResult result = carrier().checkPortability(number.get());
        ObjectNode body = JSON.createObjectNode();
        body.put("telephoneNumber", number.get().e164());
        body.put("portable", result.portable());
        result.currentCarrier().ifPresent(c -> body.put("currentCarrier", c));
        result.lineType().ifPresent(t -> body.put("lineType", t));
        result.estimatedDays().ifPresent(d -> body.put("estimatedDays", d));
        result.reason().ifPresent(r -> body.put("reason", r));
        return json(200, body);
    }

    private SimResponse submitPort(SimRequest request) {
        Optional<JsonNode> read = body(request);
        if (read.isEmpty()) {
            return error(400, List.of("a JSON body is required"), null);
        }
        JsonNode body = read.get();
        if (!accountId.equals(body.path("accountId").asText())) {
            return error(404, List.of("AccountNotFound"), null);
        }
        for (String field : List.of("subscriber.firstName", "subscriber.lastName", "subscriber.authorizedName", "serviceAddress.street",
                "serviceAddress.city", "serviceAddress.state", "serviceAddress.zipCode", "billingTelephoneNumber", "accountNumber",
                "requestedDate", "currentProvider")) {
            JsonNode value = body;
            for (String part : field.split("\\.")) {
                value = value.path(part);
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                return invalid(field, "is required");
            }
        }
        LocalDate requested;
        try {
            requested = LocalDate.parse(body.get("requestedDate").asText());
        } catch (DateTimeParseException e) {
            return invalid("requestedDate", "must be a date (yyyy-MM-dd)");
        }
        if (requested.isBefore(LocalDate.now(carrier().clock()).plusDays(7))) {
            return invalid("requestedDate", "must be at least 7 days ahead");
        }
        PortRequest.Builder port = PortRequest.builder();
        for (JsonNode item : body.path("telephoneNumbers")) {
            Optional<PhoneNumber> number = number(item.asText());
            if (number.isEmpty()) {
                return invalid("telephoneNumbers", "'" + item.asText() + "' is not an E.164 number");
            }
            port.number(number.get());
        }
        JsonNode subscriber = body.get("subscriber");
        JsonNode address = body.get("serviceAddress");
        PortRequest portRequest;
        try {
            portRequest = port
                    .subscriber(new PortSubscriber(subscriber.get("firstName").asText(), subscriber.get("lastName").asText(),
                            Optional.ofNullable(subscriber.get("companyName")).filter(JsonNode::isTextual).map(JsonNode::asText),
                            subscriber.get("authorizedName").asText()))
                    .serviceAddress(Address.us(address.get("street").asText(), address.get("city").asText(), address.get("state").asText(),
                            address.get("zipCode").asText()))
                    .billingTelephoneNumber(PhoneNumber.of(body.get("billingTelephoneNumber").asText()))
                    .carrierAccountNumber(body.get("accountNumber").asText())
                    .requestedDate(requested)
                    .currentProvider(body.get("currentProvider").asText())
                    .build();
        } catch (TelephonyException invalid) {
            return error(400, List.of("InvalidPortRequest"), null);
        }
        PortOrder submitted = carrier().submitPort(portRequest);
        portProviders.put(submitted.id(), body.get("currentProvider").asText());
        return json(200, portJson(submitted));
    }

    private SimResponse listPorts(SimRequest request) {
        if (!request.param("accountId").map(accountId::equals).orElse(false)) {
            return invalid("accountId", "is required and must be this account");
        }
        ArrayNode ports = JSON.createArrayNode();
        carrier().ports().forEach(p -> ports.add(portJson(p)));
        return SimResponse.json(200, ports.toString());
    }

    private ObjectNode portJson(PortOrder port) {
        ObjectNode body = JSON.createObjectNode();
        body.put("portRequestId", port.id());
        body.put("status", port.status().name());
        ArrayNode numbers = body.putArray("telephoneNumbers");
        port.phoneNumbers().forEach(n -> numbers.add(n.e164()));
        port.submittedAt().ifPresent(t -> body.put("submittedDate", t.toString()));
        body.put("requestedDate", port.requestedDate().toString());
        body.put("estimatedCompletionDate", port.confirmedDate().orElse(port.requestedDate()).toString());
        port.confirmedDate().ifPresent(d -> body.put("focDate", d.toString()));
        port.completedAt().ifPresent(t -> body.put("completedDate", t.toString()));
        port.rejectionReason().ifPresent(r -> body.put("rejectionReason", r));
        Optional.ofNullable(portProviders.get(port.id())).ifPresent(p -> body.put("currentProvider", p));
        return body;
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static ObjectNode addressJson(E911Address e911) {
        ObjectNode address = JSON.createObjectNode();
        address.put("businessName", e911.customerName());
        address.put("street", e911.address().street());
        address.put("city", e911.address().city());
        address.put("state", e911.address().state());
        address.put("zipCode", e911.address().postalCode());
        e911.address().unit().ifPresent(u -> address.put("location", u));
        return address;
    }

    private static Optional<E911Address> e911(JsonNode address) {
        for (String field : List.of("street", "city", "state", "zipCode")) {
            if (!address.path(field).isTextual() || address.get(field).asText().isBlank()) {
                return Optional.empty();
            }
        }
        Address postal = Address.us(address.get("street").asText(), address.get("city").asText(), address.get("state").asText(),
                address.get("zipCode").asText());
        if (address.hasNonNull("location")) {
            postal = postal.withUnit(address.get("location").asText());
        }
        String name = address.hasNonNull("businessName") ? address.get("businessName").asText() : "UNNAMED";
        return Optional.of(new E911Address(name, postal));
    }

    private static Optional<PhoneNumber> number(String text) {
        try {
            return Optional.of(PhoneNumber.of(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String formatted(PhoneNumber number) {
        String national = number.nationalNumber();
        return "(" + national.substring(0, 3) + ") " + national.substring(3, 6) + "-" + national.substring(6);
    }

    private static Optional<JsonNode> body(SimRequest request) {
        if (request.body().isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(request.body());
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static SimResponse json(int status, JsonNode body) {
        return SimResponse.json(status, body.toString());
    }

    private static SimResponse invalid(String field, String rule) {
        ObjectNode data = JSON.createObjectNode();
        data.put(field, rule);
        return error(400, List.of(field + " " + rule), data);
    }

    private static SimResponse notFound(SimRequest request) {
        return error(404, List.of("No resource at " + request.method() + " " + request.rawPath()), null);
    }

    /** The {@code PublicApiException} body. */
    static SimResponse error(int status, List<String> messages, ObjectNode data) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", status);
        ArrayNode list = body.putArray("messages");
        messages.forEach(list::add);
        body.set("data", data == null ? JSON.createObjectNode() : data);
        return SimResponse.json(status, body.toString());
    }
}
