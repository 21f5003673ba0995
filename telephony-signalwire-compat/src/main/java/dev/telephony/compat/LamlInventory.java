package dev.telephony.compat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
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
import dev.telephony.api.RegionKind;
import dev.telephony.api.Route;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotFoundException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.spi.Capabilities;
import dev.telephony.api.spi.PagedListing;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.compat.internal.Countries;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.JsonTokens;
import dev.telephony.http.RestClient;
import dev.telephony.http.UrlPath;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Search, regions, list, get, update and release over {@code /Accounts/{Sid}/…}. */
final class LamlInventory implements NumberInventory {
    /** The logger, made when first used: connecting logs nothing, so it need not start the logging backend. */
    private static final class Log {
        static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LamlInventory.class);
    }

    private final RestClient client;
    private final LamlFlavor flavor;
    private final String account;
    private final LamlAnswers answers;

    /**
     * @param accountPath the encoded path to the account: the API prefix and {@code /Accounts/{Sid}}
     */
    LamlInventory(RestClient client, LamlFlavor flavor, String accountPath) {
        this.client = client;
        this.flavor = flavor;
        this.account = accountPath;
        this.answers = new LamlAnswers(client);
    }

    String incomingNumbers() {
        return account + "/IncomingPhoneNumbers.json";
    }

    String incomingNumber(String sid) {
        return account + UrlPath.of("IncomingPhoneNumbers", sid + ".json");
    }

    @Override
    public List<Region> regions() {
        Capabilities.require(client.provider(), flavor.capabilities(), Capability.REGIONS);
        HttpResponse response = client.read(HttpRequest.get(account + "/AvailablePhoneNumbers.json"));
        JsonNode body = answers.body(response, "country list");
        return answers.items(response, body, "countries").stream().map(c -> region(response, c)).toList();
    }

    @Override
    public List<Region> regions(String countryCode) {
        Capabilities.require(client.provider(), flavor.capabilities(), Capability.REGIONS);
        String country = Region.country(countryCode, countryCode, Set.of()).countryCode();
        // the LaML API describes countries only: within one, the country itself is the region offered
        HttpResponse response = client.read(HttpRequest.get(account + UrlPath.of("AvailablePhoneNumbers", country + ".json")));
        return List.of(region(response, answers.body(response, "country")));
    }

    private Region region(HttpResponse response, JsonNode json) {
        try {
            Countries.Country country = client.mapper().treeToValue(json, Countries.Country.class);
            if (country.countryCode() == null || country.countryCode().isBlank()) {
                throw new IllegalArgumentException("a country without country_code");
            }
            return region(country);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw answers.unusable(response, "a country is not in the documented shape: '"
                    + client.redactor().excerpt(json.toString().getBytes(StandardCharsets.UTF_8)) + "'", e);
        }
    }

    private static Region region(Countries.Country country) {
        Set<NumberType> types = EnumSet.noneOf(NumberType.class);
        Map<String, String> resources = country.subresourceUris() == null ? Map.of() : country.subresourceUris();
        if (resources.containsKey("local")) {
            types.add(NumberType.LOCAL);
        }
        if (resources.containsKey("toll_free")) {
            types.add(NumberType.TOLL_FREE);
        }
        if (resources.containsKey("mobile")) {
            types.add(NumberType.MOBILE);
        }
        return new Region(country.countryCode(), country.country() == null ? country.countryCode() : country.country(),
                RegionKind.COUNTRY, country.countryCode(), Optional.empty(), types);
    }

    @Override
    public List<AvailableNumber> search(NumberSearch search) {
        Capabilities.require(client.provider(), flavor.capabilities(), search.requiredCapabilities());
        // more results when the library filters some out itself
        int asked = search.features().isEmpty() ? search.limit() : 100;
        HttpResponse response = client.read(searchRequest(search, asked));
        List<AvailableNumber> read = JsonTokens.read(response, LamlInventory::offersFromTokens).orElseGet(() -> offers(response));
        List<AvailableNumber> offers = new ArrayList<>();
        int unlike = 0;
        for (AvailableNumber offer : read) {
            if (!answeredFor(search, offer)) {
                unlike++;
            } else if (offer.features().containsAll(search.features()) && offers.size() < search.limit()) {
                // SignalWire accepts SmsEnabled and the like but ignores them: the library applies them itself
                offers.add(offer);
            }
        }
        if (unlike > 0) {
            Log.LOG.info("{} answered {} of {} available numbers that do not match the search (type, area code, digits, region "
                    + "or locality); they were dropped", client.provider(), unlike, read.size());
        }
        return List.copyOf(offers);
    }

    /** Every available number of a search answer, read strictly from its tree. */
    List<AvailableNumber> offers(HttpResponse response) {
        JsonNode body = answers.body(response, "available number list");
        List<JsonNode> items = answers.items(response, body, "available_phone_numbers");
        // a uri of the wrong type is the provider's broken answer, never an IllegalArgumentException
        Optional<NumberType> list = client.mapped(response, "available number list", () -> LamlNumbers.listKind(body));
        List<AvailableNumber> offers = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            offers.add(offer(response, item, list));
        }
        return offers;
    }

    /**
     * Every available number of a search answer read straight from its tokens: an object with an
     * {@code available_phone_numbers} array and none of the fields of a REST exception. Anything else
     * declines, and {@link #offers(HttpResponse)} reads the answer and names what is wrong.
     */
    static List<AvailableNumber> offersFromTokens(JsonParser answer) throws IOException {
        ListFields<LamlNumbers.OfferFields> list = listFromTokens(answer, "available_phone_numbers", LamlNumbers::offerFields);
        Optional<NumberType> kind = LamlNumbers.listKind(list.uri);
        List<AvailableNumber> offers = new ArrayList<>(list.items.size());
        for (LamlNumbers.OfferFields item : list.items) {
            offers.add(item.offer(kind));
        }
        return offers;
    }

    /** What a token reader takes of a list answer: its items, its {@code uri}, and its {@code next_page_uri} if it has one. */
    private static final class ListFields<T> {
        private List<T> items;
        private String uri;
        private boolean hasNext;
        private String next;
    }

    /**
     * A list answer read from its tokens: an object with the array {@code field} of objects, each read by
     * {@code item}, string (or null) {@code uri} and {@code next_page_uri}, and none of the fields of a
     * REST exception; anything else declines.
     */
    private static <T> ListFields<T> listFromTokens(JsonParser answer, String field, JsonTokens.Reader<T> item) throws IOException {
        JsonTokens.next(answer, JsonToken.START_OBJECT);
        ListFields<T> list = new ListFields<>();
        boolean code = false;
        boolean message = false;
        for (String name = answer.nextFieldName(); name != null; name = answer.nextFieldName()) {
            answer.nextToken();
            switch (name) {
                case "more_info", "errors" -> throw JsonTokens.decline();
                case "code" -> {
                    code = true;
                    answer.skipChildren();
                }
                case "message" -> {
                    message = true;
                    answer.skipChildren();
                }
                case "uri" -> list.uri = JsonTokens.text(answer);
                case "next_page_uri" -> {
                    list.hasNext = true;
                    list.next = JsonTokens.text(answer);
                }
                default -> {
                    if (name.equals(field)) {
                        list.items = JsonTokens.objects(answer, item);
                    } else {
                        answer.skipChildren();
                    }
                }
            }
        }
        if (list.items == null || code && message) {
            throw JsonTokens.decline();
        }
        return list;
    }

    /**
     * Whether a result is one of what was searched for, by what the answer says about it: its type,
     * area code and digits always, its region and locality where the answer names them. SignalWire's
     * recorded traffic answers {@code TollFree.json?AreaCode=310} with geographic 310 numbers; they are
     * dropped, never relabelled.
     */
    static boolean answeredFor(NumberSearch search, AvailableNumber offer) {
        return search.admits(offer) && offer.countryCode().equals(search.country());
    }

    HttpRequest searchRequest(NumberSearch search, int asked) {
        if (search.locality().isPresent() && search.region().isEmpty()) {
            throw InvalidRequestException.of("search.locality", "the LaML API needs search.region (InRegion) with a locality");
        }
        if (search.areaCode().isPresent() && !search.country().equals("US") && !search.country().equals("CA")) {
            throw InvalidRequestException.of("search.areaCode", "the LaML API searches by area code in the US and Canada only");
        }
        String resource = switch (search.type()) {
            case LOCAL -> "Local.json";
            case TOLL_FREE -> "TollFree.json";
            case MOBILE -> "Mobile.json";
        };
        HttpRequest request = HttpRequest.get(account + UrlPath.of("AvailablePhoneNumbers", search.country(), resource))
                .query("AreaCode", search.areaCode().orElse(null))
                .query("Contains", search.pattern().map(p -> p.digits()).orElse(null))
                .query("InRegion", search.region().orElse(null))
                .query("InLocality", search.locality().orElse(null))
                .query("PageSize", asked);
        for (var feature : search.features()) {
            String name = switch (feature) {
                case VOICE -> "VoiceEnabled";
                case SMS -> "SmsEnabled";
                case MMS -> "MmsEnabled";
                case FAX -> "FaxEnabled";
            };
            request = request.query(name, "true");
        }
        return request;
    }

    private AvailableNumber offer(HttpResponse response, JsonNode item, Optional<NumberType> list) {
        try {
            return LamlNumbers.offer(item, list);
        } catch (RuntimeException e) {
            throw answers.unusable(response, "an available number is not in the documented shape (" + e.getMessage() + "): '"
                    + client.redactor().excerpt(item.toString().getBytes(StandardCharsets.UTF_8)) + "'", e);
        }
    }

    @Override
    public Listing<OwnedNumber> list(ListQuery query) {
        Capabilities.require(client.provider(), flavor.capabilities(), query.requiredCapabilities());
        HttpRequest first = HttpRequest.get(incomingNumbers())
                .query("PageSize", query.pageSize())
                .query("FriendlyName", query.nameContains().orElse(null))
                .query("PhoneNumber", query.numberContains().orElse(null));
        // the API's filters are looser than the query's (PhoneNumber matches patterns): the query has the last word
        return PagedListing.readingAhead(client.provider(), pages(first, query::matches), client.executor());
    }

    /** The pages that start with {@code first}, each read strictly, followed by {@code next_page_uri}. */
    private PagedListing.PageFetcher<OwnedNumber> pages(HttpRequest first, java.util.function.Predicate<OwnedNumber> keep) {
        return token -> {
            HttpRequest request = token.map(this::nextPage).orElse(first);
            HttpResponse response = client.read(request);
            ListPage page = JsonTokens.read(response, LamlInventory::pageFromTokens).orElseGet(() -> page(response));
            return new Page<>(page.items().stream().filter(keep).toList(), page.next().map(next -> relative(response, next)));
        };
    }

    /** A page of incoming phone numbers as the answer gives it: its numbers and {@code next_page_uri}, not yet checked. */
    record ListPage(List<OwnedNumber> items, Optional<String> next) {
    }

    /** A page of incoming phone numbers, read strictly from its tree. */
    ListPage page(HttpResponse response) {
        JsonNode body = answers.body(response, "incoming phone number list");
        List<OwnedNumber> items = answers.items(response, body, "incoming_phone_numbers").stream()
                .map(item -> owned(response, item)).toList();
        return new ListPage(items, answers.next(response, body));
    }

    /**
     * A page of incoming phone numbers read straight from its tokens: an object with an
     * {@code incoming_phone_numbers} array, a {@code next_page_uri} that is a string or null, and none of
     * the fields of a REST exception. Anything else declines, and {@link #page(HttpResponse)} reads the
     * answer and names what is wrong.
     */
    static ListPage pageFromTokens(JsonParser answer) throws IOException {
        ListFields<OwnedNumber> list = listFromTokens(answer, "incoming_phone_numbers", LamlNumbers::owned);
        if (!list.hasNext) {
            throw JsonTokens.decline();
        }
        return new ListPage(List.copyOf(list.items), Optional.ofNullable(list.next).filter(n -> !n.isBlank()));
    }

    /** The continuation token is {@code next_page_uri}: a path from the host root, kept on this account's list. */
    private String relative(HttpResponse response, String next) {
        URI uri;
        try {
            uri = new URI(next);
        } catch (URISyntaxException e) {
            throw answers.unusable(response, "the next page link is not a URL", e);
        }
        if (!incomingNumbers().equals(uri.getRawPath()) || uri.getRawQuery() == null) {
            throw answers.unusable(response, "the next page link leaves this account's numbers", null);
        }
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** A caller's continuation token: the path and query of a page of this account's numbers. */
    private HttpRequest nextPage(String token) {
        URI uri;
        try {
            uri = new URI(token);
        } catch (URISyntaxException e) {
            throw InvalidRequestException.of("continuationToken", "is not a page token of this account's numbers");
        }
        // the token goes back to the configured host only, so credentials never follow a link elsewhere
        if (uri.isAbsolute() || uri.getRawAuthority() != null || uri.getRawFragment() != null
                || !incomingNumbers().equals(uri.getRawPath()) || uri.getRawQuery() == null) {
            throw InvalidRequestException.of("continuationToken", "is not a page token of this account's numbers");
        }
        return HttpRequest.get(token);
    }

    @Override
    public Optional<OwnedNumber> get(PhoneNumber number) {
        return find(number);
    }

    /**
     * The owned number with exactly this value, asked of the API by {@code PhoneNumber=}: the filter also
     * matches partial numbers, so the answer is matched exactly, following further pages if it has any.
     */
    Optional<OwnedNumber> find(PhoneNumber number) {
        // read page by page: the number is nearly always on the first, and a page read ahead would be wasted
        return PagedListing.of(client.provider(), pages(HttpRequest.get(incomingNumbers()).query("PhoneNumber", number.e164()), n -> true))
                .stream().filter(n -> n.number().equals(number)).findFirst();
    }

    private OwnedNumber require(PhoneNumber number) {
        return find(number).orElseThrow(() -> new NumberNotFoundException(number, client.context()));
    }

    @Override
    public OwnedNumber update(PhoneNumber number, NumberUpdate update) {
        Capabilities.require(client.provider(), flavor.capabilities(), update.requiredCapabilities());
        OwnedNumber current = require(number);
        Map<String, String> form = new LinkedHashMap<>();
        update.name().ifPresent(n -> form.put("FriendlyName", n));
        update.voiceRoute().ifPresent(r -> routeFields(form, "Voice", r));
        update.messagingRoute().ifPresent(r -> routeFields(form, "Sms", r));
        HttpRequest request = HttpRequest.post(incomingNumber(current.id())).form(form);
        try {
            // the form carries the new values, so repeating it after an outage changes nothing more
            return owned(client.retrier().call("update", () -> client.send(request)));
        } catch (NotFoundException gone) {
            throw new NumberNotFoundException(number, gone.context());
        }
    }

    /** The form fields of a route: {@code VoiceUrl}, {@code VoiceMethod}, {@code VoiceFallbackUrl}, … */
    static void routeFields(Map<String, String> form, String prefix, Route route) {
        form.put(prefix + "Url", route.url().toString());
        form.put(prefix + "Method", route.method().name());
        // an empty value clears a fallback set earlier: the update changes only the fields it names
        form.put(prefix + "FallbackUrl", route.fallbackUrl().map(URI::toString).orElse(""));
        form.put(prefix + "FallbackMethod", route.fallbackMethod().name());
    }

    @Override
    public void release(PhoneNumber number) {
        Capabilities.require(client.provider(), flavor.capabilities(), Capability.RELEASE);
        OwnedNumber current = require(number);
        HttpRequest request = HttpRequest.delete(incomingNumber(current.id()));
        try {
            client.reconciliation().release(number, Reconciliation.Release.of(() -> client.send(request), () -> find(number).isPresent()));
        } catch (NotFoundException gone) {
            throw new NumberNotFoundException(number, gone.context());
        } catch (dev.telephony.api.error.ConflictException cooldown) {
            throw new dev.telephony.api.error.ConflictException(number + ": " + cooldown.reason(), cooldown.context(), cooldown);
        }
    }

    /** The IncomingPhoneNumber of an answer, strictly. */
    OwnedNumber owned(HttpResponse response) {
        return owned(response, answers.body(response, "incoming phone number"));
    }

    private OwnedNumber owned(HttpResponse response, JsonNode item) {
        try {
            return LamlNumbers.owned(item);
        } catch (RuntimeException e) {
            throw answers.unusable(response, "a phone number is not in the documented shape (" + e.getMessage() + "): '"
                    + client.redactor().excerpt(item.toString().getBytes(StandardCharsets.UTF_8)) + "'", e);
        }
    }
}
