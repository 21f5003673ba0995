package dev.telephony.compat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.Route;
import dev.telephony.api.WebhookMethod;
import dev.telephony.http.RestClient;
import dev.telephony.testkit.carrier.CarrierRejection;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.wire.SimRequest;
import dev.telephony.testkit.wire.SimResponse;
import dev.telephony.testkit.wire.WireSimulator;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A stateful simulator of the LaML API (SignalWire's compatibility API or Twilio's) on the shared
 * carrier state: Basic auth with the AccountSid, form-encoded requests, countries and available
 * numbers (ignoring the capability filters as SignalWire does), IncomingPhoneNumbers with page
 * tokens and {@code next_page_uri}, the post-purchase cool-down on release, and the flat error body.
 */
final class LamlSimulator extends WireSimulator {
    private static final ObjectMapper JSON = RestClient.newMapper();
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final String prefix;
    private final String accountSid;
    private final String authorization;
    private final boolean twilio;
    private final Map<String, String> pageTokens = new ConcurrentHashMap<>();
    private volatile Duration cooldown = Duration.ZERO;
    private final LamlSpecification specification;
    private final Queue<Canned> canned = new ConcurrentLinkedQueue<>();
    private final List<SimRequest> served = new CopyOnWriteArrayList<>();

    /** An answer given once, instead of the carrier's, to the next request that matches. */
    private record Canned(Predicate<SimRequest> when, SimResponse answer) {
    }

    /**
     * @param prefix the API root's path: {@code /api/laml/2010-04-01} or {@code /2010-04-01}
     */
    LamlSimulator(CarrierState carrier, String prefix, String accountSid, String authToken, boolean twilio) {
        super(carrier);
        this.prefix = prefix;
        this.accountSid = accountSid;
        this.twilio = twilio;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.specification = new LamlSpecification(twilio, prefix);
    }

    /** Every request or answer so far that Twilio's OpenAPI (as SignalWire mirrors it) does not allow. */
    List<String> specificationViolations() {
        return specification.violations();
    }

    /**
     * Answers the next request that {@code when} matches with {@code answer} instead of serving it: the
     * carrier does nothing. Credentials and faults are checked first, as for every request; the canned
     * answer is not held to the specification, since tests use it to send what the provider must refuse.
     */
    LamlSimulator answerOnce(Predicate<SimRequest> when, SimResponse answer) {
        canned.add(new Canned(when, answer));
        return this;
    }

    /** Every request that passed the credential check and its faults, in order. */
    List<SimRequest> served() {
        return List.copyOf(served);
    }

    /** Matches a read of the account's incoming numbers (what every look-up of one number is). */
    Predicate<SimRequest> listRead() {
        return r -> at(r, "GET", "IncomingPhoneNumbers.json");
    }

    /** Matches a purchase. */
    Predicate<SimRequest> purchaseRequest() {
        return r -> at(r, "POST", "IncomingPhoneNumbers.json");
    }

    /** Matches a release. */
    Predicate<SimRequest> releaseRequest() {
        return r -> r.method().equals("DELETE");
    }

    /** Matches a search of available numbers. */
    Predicate<SimRequest> searchRequest() {
        return r -> at(r, "GET", "AvailablePhoneNumbers", "*", "*");
    }

    /** The API root, as the provider's base URL. */
    URI apiRoot() {
        return URI.create(baseUri() + prefix);
    }

    /** Numbers bought within {@code cooldown} cannot be released (409). */
    LamlSimulator cooldown(Duration cooldown) {
        this.cooldown = cooldown;
        return this;
    }

    private String accountPath() {
        return prefix + "/Accounts/" + accountSid;
    }

    private String[] account() {
        List<String> parts = new ArrayList<>(Arrays.stream(prefix.split("/")).filter(s -> !s.isEmpty()).toList());
        parts.add("Accounts");
        parts.add(accountSid);
        return parts.toArray(String[]::new);
    }

    private boolean at(SimRequest request, String method, String... rest) {
        String[] account = account();
        String[] all = Arrays.copyOf(account, account.length + rest.length);
        System.arraycopy(rest, 0, all, account.length, rest.length);
        return request.is(method, all);
    }

    @Override
    protected RequestKind classify(SimRequest request) {
        // called once for every request the provider sends, before anything else looks at it
        specification.request(request);
        if (request.method().equals("DELETE")) {
            return RequestKind.RELEASE;
        }
        if (request.method().equals("POST")) {
            return at(request, "POST", "IncomingPhoneNumbers.json") ? RequestKind.PURCHASE : RequestKind.UPDATE;
        }
        return RequestKind.READ;
    }

    @Override
    protected boolean authorized(SimRequest request) {
        return request.header("Authorization").map(authorization::equals).orElse(false);
    }

    @Override
    protected SimResponse unauthorized() {
        return identified(error(401, 20003, "Authentication Error - invalid username"));
    }

    @Override
    protected SimResponse rateLimited(Duration retryAfter) {
        return identified(error(429, 20429, "Too Many Requests").withHeader("Retry-After", String.valueOf(retryAfter.toSeconds())));
    }

    @Override
    protected SimResponse serverError(int status) {
        return identified(error(status, 20500, "Internal Server Error"));
    }

    @Override
    protected SimResponse refused(SimRequest request, CarrierRejection rejection) {
        SimResponse answer = switch (rejection.reason()) {
            case NOT_FOUND -> error(404, 20404, "The requested resource " + request.rawPath() + " was not found");
            case NOT_AVAILABLE -> error(400, LamlErrors.NUMBER_UNAVAILABLE_TO_BUY, "The phone number " + first(request.form(), "PhoneNumber")
                    .orElse("") + " is not available for purchase");
            case CONFLICT -> error(409, 21220, rejection.getMessage());
            case INVALID -> error(400, 10000, rejection.getMessage());
        };
        specification.answer(request, answer);
        return identified(answer);
    }

    /**
     * The request id every answer carries: Twilio's {@code Twilio-Request-Id}; SignalWire documents none,
     * so its flavor answers {@code X-Request-Id}, an assumption.
     */
    private SimResponse identified(SimResponse response) {
        String id = UUID.randomUUID().toString().replace("-", "");
        return twilio ? response.withHeader("Twilio-Request-Id", "RQ" + id) : response.withHeader("X-Request-Id", id);
    }

    @Override
    protected SimResponse serve(SimRequest request) {
        served.add(request);
        for (Canned answer : canned) {
            if (answer.when().test(request) && canned.remove(answer)) {
                return identified(answer.answer());
            }
        }
        SimResponse answer;
        try {
            answer = serveFromCarrier(request);
        } catch (CarrierRejection rejection) {
            return refused(request, rejection);
        }
        specification.answer(request, answer);
        return identified(answer);
    }

    private SimResponse serveFromCarrier(SimRequest request) {
        if (at(request, "GET", "AvailablePhoneNumbers.json")) {
            return countries();
        }
        if (at(request, "GET", "AvailablePhoneNumbers", "*")) {
            String code = request.lastSegment().replace(".json", "");
            return countryJson(code).map(c -> SimResponse.json(200, c.toString()))
                    .orElseGet(() -> error(404, 20404, "The requested resource was not found"));
        }
        if (at(request, "GET", "AvailablePhoneNumbers", "*", "*")) {
            return search(request);
        }
        if (at(request, "GET", "IncomingPhoneNumbers.json")) {
            return list(request);
        }
        if (at(request, "POST", "IncomingPhoneNumbers.json")) {
            return purchase(request);
        }
        if (at(request, "GET", "IncomingPhoneNumbers", "*")) {
            return SimResponse.json(200, numberJson(bySid(request)).toString());
        }
        if (at(request, "POST", "IncomingPhoneNumbers", "*")) {
            return update(request);
        }
        if (at(request, "DELETE", "IncomingPhoneNumbers", "*")) {
            OwnedNumber number = bySid(request);
            boolean bought = carrier().timesBought(number.number()) > 0;
            if (bought && number.createdAt().map(t -> t.plus(cooldown).isAfter(carrier().clock().instant())).orElse(false)) {
                return error(409, 21220, "Phone number is in its cooldown period and cannot be released");
            }
            carrier().release(number.number());
            return SimResponse.empty(204);
        }
        return error(404, 20404, "The requested resource " + request.rawPath() + " was not found");
    }

    // ---- identities ---------------------------------------------------------------------------

    String sid(OwnedNumber number) {
        return twilio ? "PN" + number.id().replace("-", "") : number.id();
    }

    private OwnedNumber bySid(SimRequest request) {
        String sid = request.lastSegment().replace(".json", "");
        return carrier().ownedNumbers().stream().filter(n -> sid(n).equals(sid)).findFirst()
                .orElseThrow(() -> new CarrierRejection(CarrierRejection.Reason.NOT_FOUND, "no number " + sid));
    }

    // ---- countries and search -----------------------------------------------------------------

    private SimResponse countries() {
        ObjectNode body = JSON.createObjectNode();
        body.put("uri", accountPath() + "/AvailablePhoneNumbers.json");
        ArrayNode countries = body.putArray("countries");
        Set<String> codes = new LinkedHashSet<>();
        carrier().available().forEach(o -> codes.add(o.countryCode()));
        codes.forEach(code -> countryJson(code).ifPresent(countries::add));
        return SimResponse.json(200, body.toString());
    }

    private Optional<ObjectNode> countryJson(String code) {
        List<AvailableNumber> offers = carrier().available().stream().filter(o -> o.countryCode().equals(code)).toList();
        if (offers.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode country = JSON.createObjectNode();
        country.put("country_code", code);
        country.put("country", new Locale("", code).getDisplayCountry(Locale.ENGLISH));
        country.put("uri", accountPath() + "/AvailablePhoneNumbers/" + code + ".json");
        country.put("beta", false);
        ObjectNode resources = country.putObject("subresource_uris");
        if (offers.stream().anyMatch(o -> o.type() == NumberType.LOCAL)) {
            resources.put("local", accountPath() + "/AvailablePhoneNumbers/" + code + "/Local.json");
        }
        if (offers.stream().anyMatch(o -> o.type() == NumberType.TOLL_FREE)) {
            resources.put("toll_free", accountPath() + "/AvailablePhoneNumbers/" + code + "/TollFree.json");
        }
        if (twilio && offers.stream().anyMatch(o -> o.type() == NumberType.MOBILE)) {
            resources.put("mobile", accountPath() + "/AvailablePhoneNumbers/" + code + "/Mobile.json");
        }
        return Optional.of(country);
    }

    private SimResponse search(SimRequest request) {
        String country = request.segments().get(request.segments().size() - 2);
        NumberType type = switch (request.lastSegment()) {
            case "Local.json" -> NumberType.LOCAL;
            case "TollFree.json" -> NumberType.TOLL_FREE;
            case "Mobile.json" -> twilio ? NumberType.MOBILE : null;
            default -> null;
        };
        if (type == null) {
            return error(404, 20404, "The requested resource " + request.rawPath() + " was not found");
        }
        Optional<String> areaCode = request.param("AreaCode");
        Optional<String> contains = request.param("Contains");
        Optional<String> region = request.param("InRegion");
        Optional<String> locality = request.param("InLocality");
        if (areaCode.isPresent() && !areaCode.get().matches("[2-9][0-9]{2}")) {
            return error(400, 21451, "Invalid area code");
        }
        if (locality.isPresent() && region.isEmpty()) {
            return error(400, 10000, "InLocality requires InRegion");
        }
        if (contains.isPresent() && !contains.get().matches("[0-9a-zA-Z*]{1,16}")) {
            return error(400, 10000, "Contains may hold digits, letters and * only");
        }
        Predicate<AvailableNumber> filter = o -> o.countryCode().equals(country) && o.type() == type
                && areaCode.map(a -> o.number().nationalNumber().startsWith(a)).orElse(true)
                && contains.map(c -> o.number().nationalNumber().contains(c)).orElse(true)
                && region.map(r -> r.equalsIgnoreCase(o.region().orElse(""))).orElse(true)
                && locality.map(l -> l.equalsIgnoreCase(o.locality().orElse(""))).orElse(true);
        // SmsEnabled, MmsEnabled, VoiceEnabled and FaxEnabled are accepted and ignored, as SignalWire documents
        int size = twilio ? request.param("PageSize").map(Integer::parseInt).orElse(50) : 50;
        ObjectNode body = JSON.createObjectNode();
        body.put("uri", request.rawPath());
        ArrayNode numbers = body.putArray("available_phone_numbers");
        for (AvailableNumber offer : carrier().search(filter, size)) {
            ObjectNode item = numbers.addObject();
            String national = offer.number().nationalNumber();
            item.put("friendly_name", "(" + national.substring(0, 3) + ") " + national.substring(3, 6) + "-" + national.substring(6));
            item.put("phone_number", offer.number().e164());
            item.putNull("lata");
            item.put("rate_center", offer.rateCenter().orElse(null));
            item.putNull("latitude");
            item.putNull("longitude");
            item.put("region", offer.region().orElse(null));
            item.putNull("postal_code");
            item.put("iso_country", offer.countryCode());
            // SignalWire sets locality to null; Twilio fills it
            item.put("locality", twilio ? offer.locality().orElse(null) : null);
            ObjectNode capabilities = item.putObject("capabilities");
            capabilities.put("voice", offer.features().contains(NumberFeature.VOICE));
            // SignalWire's recorded answers write SMS and MMS in capitals; Twilio's OpenAPI in lower case
            capabilities.put(twilio ? "sms" : "SMS", offer.features().contains(NumberFeature.SMS));
            capabilities.put(twilio ? "mms" : "MMS", offer.features().contains(NumberFeature.MMS));
            if (twilio) {
                capabilities.put("fax", offer.features().contains(NumberFeature.FAX));
                item.put("address_requirements", "none");
            }
            item.put("beta", false);
        }
        return SimResponse.json(200, body.toString());
    }

    // ---- incoming numbers ---------------------------------------------------------------------

    private SimResponse purchase(SimRequest request) {
        Map<String, List<String>> form = request.form();
        String number = first(form, "PhoneNumber").orElse("");
        if (!number.matches("\\+[0-9]{5,17}")) {
            return error(400, 21401, "'" + number + "' is not a valid phone number");
        }
        OwnedNumber bought = carrier().buy(PhoneNumber.of(number), first(form, "FriendlyName").orElse(null));
        OwnedNumber configured = carrier().update(bought.number(), n -> apply(n, form));
        return SimResponse.json(201, numberJson(configured).toString());
    }

    private SimResponse update(SimRequest request) {
        OwnedNumber current = bySid(request);
        Map<String, List<String>> form = request.form();
        Optional<String> name = first(form, "FriendlyName");
        if (name.isPresent() && (name.get().isEmpty() || name.get().length() > 255)) {
            return error(400, 10000, "FriendlyName must be 1 to 255 characters");
        }
        OwnedNumber updated = carrier().update(current.number(), n -> apply(n, form));
        return SimResponse.json(200, numberJson(updated).toString());
    }

    private static OwnedNumber apply(OwnedNumber number, Map<String, List<String>> form) {
        OwnedNumber.Builder b = number.toBuilder();
        first(form, "FriendlyName").ifPresent(b::name);
        route(form, "Voice", number.voiceRoute()).ifPresent(b::voiceRoute);
        route(form, "Sms", number.messagingRoute()).ifPresent(b::messagingRoute);
        first(form, "StatusCallback").ifPresent(v -> b.attribute("status_callback", v));
        return b.build();
    }

    /** Fields not in the form keep their values, as the LaML API's update does; an empty value clears. */
    private static Optional<Route> route(Map<String, List<String>> form, String prefix, Optional<Route> current) {
        Optional<String> url = first(form, prefix + "Url");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Route route = new Route(URI.create(url.get()), WebhookMethod.valueOf(first(form, prefix + "Method").orElse("POST")),
                Optional.empty(), WebhookMethod.POST);
        Optional<String> fallback = form.containsKey(prefix + "FallbackUrl")
                ? first(form, prefix + "FallbackUrl").filter(v -> !v.isEmpty())
                : current.flatMap(Route::fallbackUrl).map(URI::toString);
        return Optional.of(fallback.isPresent()
                ? route.withFallback(fallback.get(), WebhookMethod.valueOf(first(form, prefix + "FallbackMethod").orElse("POST")))
                : route);
    }

    private SimResponse list(SimRequest request) {
        int size = request.param("PageSize").map(Integer::parseInt).orElse(50);
        if (size < 1 || size > 1000) {
            return error(400, 10000, "PageSize must be between 1 and 1000");
        }
        int page = request.param("Page").map(Integer::parseInt).orElse(0);
        Optional<String> number = request.param("PhoneNumber");
        Optional<String> name = request.param("FriendlyName");
        String filters = number.orElse("") + "|" + name.orElse("") + "|" + size;
        if (page > 0) {
            String expected = pageTokens.get(filters + "#" + page);
            if (expected == null || !expected.equals(request.param("PageToken").orElse(""))) {
                return error(400, 10000, "PageToken is missing or does not belong to this page");
            }
        }
        List<OwnedNumber> matching = carrier().ownedNumbers().stream()
                .filter(n -> number.map(p -> n.number().e164().contains(p.replace("*", ""))).orElse(true))
                .filter(n -> name.map(f -> n.name().orElse("").toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT))).orElse(true))
                .toList();
        int from = Math.min(page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        String query = "PageSize=" + size + number.map(v -> "&PhoneNumber=" + enc(v)).orElse("") + name.map(v -> "&FriendlyName=" + enc(v)).orElse("");
        String base = accountPath() + "/IncomingPhoneNumbers.json?" + query;
        ObjectNode body = JSON.createObjectNode();
        body.put("uri", base + "&Page=" + page);
        body.put("first_page_uri", base + "&Page=0");
        if (to < matching.size()) {
            String token = "PA" + UUID.randomUUID();
            pageTokens.put(filters + "#" + (page + 1), token);
            body.put("next_page_uri", base + "&Page=" + (page + 1) + "&PageToken=" + token);
        } else {
            body.putNull("next_page_uri");
        }
        body.putNull("previous_page_uri");
        body.put("page", page);
        body.put("page_size", size);
        body.put("start", from);
        body.put("end", Math.max(from, to - 1));
        ArrayNode items = body.putArray("incoming_phone_numbers");
        matching.subList(from, to).forEach(n -> items.add(numberJson(n)));
        return SimResponse.json(200, body.toString());
    }

    /** The IncomingPhoneNumber object in the seed's shape, dates in RFC 2822. */
    ObjectNode numberJson(OwnedNumber n) {
        ObjectNode item = JSON.createObjectNode();
        String sid = sid(n);
        item.put("account_sid", accountSid);
        if (!twilio) {
            item.put("account_id", accountSid);
        }
        item.put("address_requirements", "none");
        item.putNull("address_sid");
        item.put("api_version", "2010-04-01");
        item.put("beta", false);
        ObjectNode capabilities = item.putObject("capabilities");
        for (NumberFeature feature : NumberFeature.values()) {
            capabilities.put(feature.name().toLowerCase(Locale.ROOT), n.features().contains(feature));
        }
        if (!twilio) {
            item.put("country_code", "US");
        }
        String date = RFC_2822.format(n.createdAt().orElse(carrier().clock().instant()));
        item.put("date_created", date);
        item.put("date_updated", date);
        item.putNull("emergency_address_sid");
        item.put("emergency_status", "Inactive");
        String national = n.number().nationalNumber();
        item.put("friendly_name", n.name().orElse("(" + national.substring(0, 3) + ") " + national.substring(3, 6) + "-" + national.substring(6)));
        item.putNull("identity_sid");
        item.put("origin", twilio ? "twilio" : "signalwire");
        item.put("phone_number", n.number().e164());
        item.put("sid", sid);
        item.putNull("sms_application_sid");
        routeFields(item, "sms", n.messagingRoute());
        item.put("status_callback", n.attributes().get("status_callback"));
        item.put("status_callback_method", "POST");
        item.putNull("trunk_sid");
        item.put("uri", accountPath() + "/IncomingPhoneNumbers/" + sid + ".json");
        item.putNull("voice_application_sid");
        item.putNull("voice_caller_id_lookup");
        routeFields(item, "voice", n.voiceRoute());
        if (n.type() == NumberType.TOLL_FREE && !twilio) {
            item.put("verification_status", "Unverified");
        }
        if (twilio) {
            // Twilio's answer names the type; its document shows "local" and lists no others
            item.put("type", switch (n.type()) {
                case LOCAL -> "local";
                case TOLL_FREE -> "tollfree";
                case MOBILE -> "mobile";
            });
        }
        return item;
    }

    private static void routeFields(ObjectNode item, String prefix, Optional<Route> route) {
        item.put(prefix + "_url", route.map(r -> r.url().toString()).orElse(null));
        item.put(prefix + "_method", route.map(r -> r.method().name()).orElse("POST"));
        item.put(prefix + "_fallback_url", route.flatMap(Route::fallbackUrl).map(URI::toString).orElse(null));
        item.put(prefix + "_fallback_method", route.filter(r -> r.fallbackUrl().isPresent()).map(r -> r.fallbackMethod().name()).orElse("POST"));
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static SimResponse error(int status, int code, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status);
        return SimResponse.json(status, body.toString());
    }

    private static Optional<String> first(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
