package dev.telephony.signalwire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.DigitPattern;
import dev.telephony.api.ListQuery;
import dev.telephony.api.Listing;
import dev.telephony.api.NumberInventory;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberType;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.Page;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.Region;
import dev.telephony.api.Route;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotFoundException;
import dev.telephony.api.spi.Capabilities;
import dev.telephony.api.spi.PagedListing;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.JsonTokens;
import dev.telephony.http.RestClient;
import dev.telephony.http.UrlPath;
import dev.telephony.signalwire.internal.UpdateBody;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Search, list, get, update and release over {@code /api/relay/rest/phone_numbers}. */
final class SignalWireInventory implements NumberInventory {
    static final String NUMBERS = "/api/relay/rest/phone_numbers";
    /** The most results SignalWire returns for one search. */
    static final int MAX_RESULTS = 100;

    /** The logger, made when first used: connecting logs nothing, so it need not start the logging backend. */
    private static final class Log {
        static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SignalWireInventory.class);
    }

    private final RestClient client;
    private final SignalWireAnswers answers;

    SignalWireInventory(RestClient client) {
        this.client = client;
        this.answers = new SignalWireAnswers(client);
    }

    @Override
    public List<Region> regions() {
        throw new dev.telephony.api.error.UnsupportedCapabilityException(client.provider(), Capability.REGIONS);
    }

    @Override
    public List<Region> regions(String countryCode) {
        return regions();
    }

    @Override
    public List<AvailableNumber> search(NumberSearch search) {
        Capabilities.require(client.provider(), SignalWireProvider.CAPABILITIES, search.requiredCapabilities());
        HttpRequest request = searchRequest(search);
        HttpResponse response = client.read(request);
        List<AvailableNumber> read = JsonTokens.read(response, SignalWireInventory::offersFromTokens)
                .orElseGet(() -> offers(response));
        List<AvailableNumber> offers = new ArrayList<>();
        int unlike = 0;
        for (AvailableNumber offer : read) {
            if (!answeredFor(search, offer)) {
                unlike++;
            } else if (offer.features().containsAll(search.features()) && offers.size() < search.limit()) {
                // SignalWire has no feature filter: the library applies it, never drops it silently
                offers.add(offer);
            }
        }
        if (unlike > 0) {
            Log.LOG.info("{} answered {} of {} search results that do not match the search (type, area code, pattern, region "
                    + "or city); they were dropped", client.provider(), unlike, read.size());
        }
        return List.copyOf(offers);
    }

    /** Every result of a search answer, read strictly from its tree. */
    List<AvailableNumber> offers(HttpResponse response) {
        List<JsonNode> items = answers.data(response, answers.body(response, "search result list"), "search result list");
        List<AvailableNumber> offers = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            offers.add(offer(response, item));
        }
        return offers;
    }

    /**
     * Every result of a search answer read straight from its tokens: an object with a {@code data}
     * array of results and no error field. Anything else declines, and {@link #offers(HttpResponse)}
     * reads the answer and names what is wrong.
     */
    static List<AvailableNumber> offersFromTokens(JsonParser answer) throws IOException {
        JsonTokens.next(answer, JsonToken.START_OBJECT);
        List<AvailableNumber> offers = null;
        for (String field = answer.nextFieldName(); field != null; field = answer.nextFieldName()) {
            answer.nextToken();
            switch (field) {
                case "error", "errors" -> throw JsonTokens.decline();
                case "data" -> offers = JsonTokens.objects(answer, SignalWireNumbers::offer);
                default -> answer.skipChildren();
            }
        }
        if (offers == null) {
            throw JsonTokens.decline();
        }
        return offers;
    }

    /**
     * Whether a result is one of what was searched for, by what the answer says about it: its type,
     * country (for local numbers), area code and digits always, its region and city where the answer names them. SignalWire has
     * answered a toll-free search with geographic numbers; such results are dropped, never relabelled.
     */
    static boolean answeredFor(NumberSearch search, AvailableNumber offer) {
        // SignalWire's search takes no country: a local number of another North American country is not what was asked for
        return search.admits(offer) && (search.type() != NumberType.LOCAL || offer.countryCode().equals(search.country()));
    }

    /** The search request, refusing before any call what SignalWire cannot do or combine. */
    HttpRequest searchRequest(NumberSearch search) {
        if (!search.country().equals("US") && !search.country().equals("CA")) {
            throw InvalidRequestException.of("search.country", "SignalWire searches North American numbers only (US, CA), was " + search.country());
        }
        boolean tollFree = search.type() == NumberType.TOLL_FREE;
        if (tollFree && (search.region().isPresent() || search.locality().isPresent())) {
            throw InvalidRequestException.of("search.region", "SignalWire searches toll-free numbers by prefix only, not by region or city");
        }
        if (search.region().isPresent() && search.areaCode().isPresent()) {
            throw InvalidRequestException.of("search.region", "SignalWire cannot combine a region with an area code");
        }
        if (search.locality().isPresent() && search.region().isEmpty()) {
            throw InvalidRequestException.of("search.locality", "SignalWire needs search.region with a city");
        }
        if (search.locality().isPresent() && search.pattern().isPresent()) {
            throw InvalidRequestException.of("search.locality", "SignalWire cannot combine a city with a digit pattern");
        }
        search.pattern().ifPresent(p -> {
            if (p.digits().length() < 3 || p.digits().length() > 7) {
                throw InvalidRequestException.of("search.pattern", "SignalWire matches 3 to 7 digits, was " + p.digits().length());
            }
        });
        int asked = search.features().isEmpty() ? search.limit() : MAX_RESULTS;
        HttpRequest request = HttpRequest.get(NUMBERS + "/search")
                .query("number_type", tollFree ? "toll-free" : "local")
                .query("areacode", search.areaCode().orElse(null))
                .query("region", search.region().orElse(null))
                .query("city", search.locality().orElse(null))
                .query("max_results", asked);
        if (search.pattern().isPresent()) {
            DigitPattern pattern = search.pattern().get();
            String parameter = switch (pattern.kind()) {
                case STARTS_WITH -> "starts_with";
                case CONTAINS -> "contains";
                case ENDS_WITH -> "ends_with";
            };
            request = request.query(parameter, pattern.digits());
        }
        return request;
    }

    private AvailableNumber offer(HttpResponse response, JsonNode item) {
        try {
            return SignalWireNumbers.offer(item);
        } catch (RuntimeException e) {
            throw answers.unusable(response, "a search result is not a number SignalWire documents (" + e.getMessage() + "): "
                    + client.redactor().excerpt(item.toString().getBytes(StandardCharsets.UTF_8)), e);
        }
    }

    @Override
    public Listing<OwnedNumber> list(ListQuery query) {
        Capabilities.require(client.provider(), SignalWireProvider.CAPABILITIES, query.requiredCapabilities());
        HttpRequest first = HttpRequest.get(NUMBERS)
                .query("page_size", query.pageSize())
                .query("filter_name", query.nameContains().orElse(null))
                .query("filter_number", query.numberContains().orElse(null));
        return PagedListing.readingAhead(client.provider(), pages(first), client.executor());
    }

    /** The pages that start with {@code first}, each read strictly, followed by {@code links.next}. */
    private PagedListing.PageFetcher<OwnedNumber> pages(HttpRequest first) {
        return token -> {
            HttpRequest request = token.map(this::nextPage).orElse(first);
            HttpResponse response = client.read(request);
            ListPage page = JsonTokens.read(response, SignalWireInventory::pageFromTokens).orElseGet(() -> page(response));
            return new Page<>(page.items(), page.next().map(next -> relative(response, next)));
        };
    }

    /** A page of the numbers list as the answer gives it: its numbers and {@code links.next}, not yet checked. */
    record ListPage(List<OwnedNumber> items, Optional<String> next) {
    }

    /** A page of the numbers list, read strictly from its tree. */
    ListPage page(HttpResponse response) {
        JsonNode body = answers.body(response, "phone number list");
        List<OwnedNumber> items = answers.data(response, body, "phone number list").stream()
                .map(item -> owned(response, item)).toList();
        return new ListPage(items, answers.next(response, body));
    }

    /**
     * A page of the numbers list read straight from its tokens: an object with a {@code data} array of
     * phone-number objects, a {@code links} object whose {@code next} is a string or null, and no error
     * field. Anything else declines, and {@link #page(HttpResponse)} reads the answer and names what is wrong.
     */
    static ListPage pageFromTokens(JsonParser answer) throws IOException {
        JsonTokens.next(answer, JsonToken.START_OBJECT);
        List<OwnedNumber> items = null;
        Optional<String> next = null;
        for (String field = answer.nextFieldName(); field != null; field = answer.nextFieldName()) {
            answer.nextToken();
            switch (field) {
                case "error", "errors" -> throw JsonTokens.decline();
                case "data" -> items = JsonTokens.objects(answer, SignalWireNumbers::owned);
                case "links" -> next = next(answer);
                default -> answer.skipChildren();
            }
        }
        if (items == null || next == null) {
            throw JsonTokens.decline();
        }
        return new ListPage(List.copyOf(items), next);
    }

    /** {@code links.next} read from tokens, the parser on the links' first token, as {@link SignalWireAnswers#next} reads it. */
    private static Optional<String> next(JsonParser links) throws IOException {
        if (links.currentToken() != JsonToken.START_OBJECT) {
            throw JsonTokens.decline();
        }
        String next = null;
        for (String field = links.nextFieldName(); field != null; field = links.nextFieldName()) {
            links.nextToken();
            if (field.equals("next")) {
                next = JsonTokens.text(links);
            } else {
                links.skipChildren();
            }
        }
        return Optional.ofNullable(next).filter(n -> !n.isBlank());
    }

    /** The continuation token is the path and query of SignalWire's {@code links.next}. */
    private String relative(HttpResponse response, String next) {
        URI uri;
        try {
            uri = new URI(next);
        } catch (URISyntaxException e) {
            throw answers.unusable(response, "SignalWire's next page link is not a URL", e);
        }
        String token = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (!NUMBERS.equals(uri.getRawPath()) || uri.getRawQuery() == null) {
            throw answers.unusable(response, "SignalWire's next page link leaves the numbers list", null);
        }
        return token;
    }

    /** A caller's continuation token: the path and query of a numbers page, sent to the configured host only. */
    private HttpRequest nextPage(String token) {
        URI uri;
        try {
            uri = new URI(token);
        } catch (URISyntaxException e) {
            throw InvalidRequestException.of("continuationToken", "is not a SignalWire numbers page token");
        }
        // the token goes back to the configured host only, so credentials never follow a link elsewhere
        if (uri.isAbsolute() || uri.getRawAuthority() != null || uri.getRawFragment() != null
                || !NUMBERS.equals(uri.getRawPath()) || uri.getRawQuery() == null) {
            throw InvalidRequestException.of("continuationToken", "is not a SignalWire numbers page token");
        }
        return HttpRequest.get(token);
    }

    @Override
    public Optional<OwnedNumber> get(PhoneNumber number) {
        return find(number);
    }

    /**
     * The owned number with exactly this E.164 value, asked of SignalWire by {@code filter_number}. The
     * filter matches substrings, so the answer is matched exactly, and a longer answer is followed page
     * by page until the number is found or the list ends.
     */
    Optional<OwnedNumber> find(PhoneNumber number) {
        // read page by page: the number is nearly always on the first, and a page read ahead would be wasted
        return PagedListing.of(client.provider(), pages(HttpRequest.get(NUMBERS).query("filter_number", number.e164()))).stream()
                .filter(n -> n.number().equals(number)).findFirst();
    }

    private OwnedNumber require(PhoneNumber number) {
        return find(number).orElseThrow(() -> new NumberNotFoundException(number, client.context()));
    }

    @Override
    public OwnedNumber update(PhoneNumber number, NumberUpdate update) {
        Capabilities.require(client.provider(), SignalWireProvider.CAPABILITIES, update.requiredCapabilities());
        OwnedNumber current = require(number);
        Route voice = update.voiceRoute().orElse(null);
        Route messaging = update.messagingRoute().orElse(null);
        UpdateBody body = new UpdateBody(update.name().orElse(null),
                voice == null ? null : SignalWireNumbers.LAML_WEBHOOKS, url(voice), method(voice),
                // a partial update keeps fields it does not name: an empty value clears an old fallback
                voice == null ? null : voice.fallbackUrl().map(URI::toString).orElse(""),
                voice == null ? null : voice.fallbackMethod().name(),
                messaging == null ? null : SignalWireNumbers.LAML_WEBHOOKS, url(messaging), method(messaging),
                messaging == null ? null : messaging.fallbackUrl().map(URI::toString).orElse(""),
                messaging == null ? null : messaging.fallbackMethod().name());
        HttpRequest request = client.withJson(HttpRequest.put(UrlPath.of("api", "relay", "rest", "phone_numbers", current.id())), body);
        try {
            // the body carries the new values, so repeating it after an outage changes nothing more
            HttpResponse response = client.retrier().call("update", () -> client.send(request));
            return owned(response);
        } catch (NotFoundException gone) {
            throw new NumberNotFoundException(number, gone.context());
        }
    }

    @Override
    public void release(PhoneNumber number) {
        Capabilities.require(client.provider(), SignalWireProvider.CAPABILITIES, Capability.RELEASE);
        // require() matched the number exactly: SignalWire's own filter would also match longer numbers
        OwnedNumber current = require(number);
        HttpRequest request = HttpRequest.delete(UrlPath.of("api", "relay", "rest", "phone_numbers", current.id()));
        try {
            client.reconciliation().release(number, Reconciliation.Release.of(() -> client.send(request), () -> find(number).isPresent()));
        } catch (NotFoundException gone) {
            throw new NumberNotFoundException(number, gone.context());
        }
    }

    /** The phone-number object of an answer, strictly. */
    OwnedNumber owned(HttpResponse response) {
        return owned(response, answers.body(response, "phone number"));
    }

    private OwnedNumber owned(HttpResponse response, JsonNode item) {
        try {
            return SignalWireNumbers.owned(item);
        } catch (RuntimeException e) {
            throw answers.unusable(response, "a phone number is not in the shape SignalWire documents (" + e.getMessage() + "): '"
                    + client.redactor().excerpt(item.toString().getBytes(StandardCharsets.UTF_8)) + "'", e);
        }
    }

    private static String url(Route route) {
        return route == null ? null : route.url().toString();
    }

    private static String method(Route route) {
        return route == null ? null : route.method().name();
    }
}
