package dev.telephony.compat;

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
import dev.telephony.compat.wire.AvailableNumbers;
import dev.telephony.compat.wire.Countries;
import dev.telephony.compat.wire.IncomingNumbers;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.RestClient;
import dev.telephony.http.UrlPath;
import java.net.URI;
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
    private final RestClient client;
    private final LamlFlavor flavor;
    private final String account;

    /**
     * @param accountPath the encoded path to the account: the API prefix and {@code /Accounts/{Sid}}
     */
    LamlInventory(RestClient client, LamlFlavor flavor, String accountPath) {
        this.client = client;
        this.flavor = flavor;
        this.account = accountPath;
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
        Countries countries = client.readJson(HttpRequest.get(account + "/AvailablePhoneNumbers.json"), Countries.class);
        return countries.countries().stream().map(LamlInventory::region).toList();
    }

    @Override
    public List<Region> regions(String countryCode) {
        Capabilities.require(client.provider(), flavor.capabilities(), Capability.REGIONS);
        String country = Region.country(countryCode, countryCode, Set.of()).countryCode();
        // the LaML API describes countries only: within one, the country itself is the region offered
        Countries.Country found = client.readJson(HttpRequest.get(account + UrlPath.of("AvailablePhoneNumbers", country + ".json")),
                Countries.Country.class);
        return List.of(region(found));
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
        AvailableNumbers found = client.readJson(searchRequest(search, asked), AvailableNumbers.class);
        List<AvailableNumber> offers = new ArrayList<>();
        for (JsonNode item : found.numbers()) {
            AvailableNumber offer = offer(item, search.type());
            // SignalWire accepts SmsEnabled and the like but ignores them: the library applies them itself
            if (offer.features().containsAll(search.features()) && offers.size() < search.limit()) {
                offers.add(offer);
            }
        }
        return List.copyOf(offers);
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

    private AvailableNumber offer(JsonNode item, NumberType type) {
        try {
            return LamlNumbers.offer(item, type);
        } catch (RuntimeException e) {
            throw new ProtocolException("an available number is not in the documented shape: '"
                    + client.redactor().excerpt(item.toString().getBytes(StandardCharsets.UTF_8)) + "'", client.context(), e);
        }
    }

    @Override
    public Listing<OwnedNumber> list(ListQuery query) {
        Capabilities.require(client.provider(), flavor.capabilities(), query.requiredCapabilities());
        HttpRequest first = HttpRequest.get(incomingNumbers())
                .query("PageSize", query.pageSize())
                .query("FriendlyName", query.nameContains().orElse(null))
                .query("PhoneNumber", query.numberContains().orElse(null));
        return PagedListing.of(client.provider(), token -> {
            HttpRequest request = token.map(this::nextPage).orElse(first);
            IncomingNumbers page = client.readJson(request, IncomingNumbers.class);
            List<OwnedNumber> items = page.numbers().stream().map(this::owned).filter(query::matches).toList();
            Optional<String> next = Optional.ofNullable(page.nextPageUri()).filter(n -> !n.isBlank()).map(this::relative);
            return new Page<>(items, next);
        });
    }

    /** The continuation token is {@code next_page_uri}: a path from the host root, kept on this account's list. */
    private String relative(String next) {
        URI uri = URI.create(next);
        String token = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (!token.startsWith(incomingNumbers())) {
            throw new ProtocolException("the next page link leaves this account's numbers", client.context());
        }
        return token;
    }

    private HttpRequest nextPage(String token) {
        // the token goes back to the configured host only, so credentials never follow a link elsewhere
        if (!token.startsWith(incomingNumbers() + "?")) {
            throw InvalidRequestException.of("continuationToken", "is not a page token of this account's numbers");
        }
        return HttpRequest.get(token);
    }

    @Override
    public Optional<OwnedNumber> get(PhoneNumber number) {
        return find(number);
    }

    /** The owned number with exactly this value (the {@code PhoneNumber} filter also matches partial numbers). */
    Optional<OwnedNumber> find(PhoneNumber number) {
        IncomingNumbers page = client.readJson(HttpRequest.get(incomingNumbers()).query("PhoneNumber", number.e164())
                .query("PageSize", 1000), IncomingNumbers.class);
        return page.numbers().stream().map(this::owned).filter(n -> n.number().equals(number)).findFirst();
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
            return owned(client.json(client.retrier().call("update", () -> client.send(request)), JsonNode.class));
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
            throw new dev.telephony.api.error.ConflictException(number + " cannot be released yet: it is in the post-purchase"
                    + " cool-down period; try again later (" + cooldown.reason() + ")", cooldown.context());
        }
    }

    OwnedNumber owned(JsonNode item) {
        try {
            return LamlNumbers.owned(item);
        } catch (RuntimeException e) {
            throw new ProtocolException("a phone number is not in the documented shape: '"
                    + client.redactor().excerpt(item.toString().getBytes(StandardCharsets.UTF_8)) + "'", client.context(), e);
        }
    }

    OwnedNumber owned(HttpResponse response) {
        return owned(client.json(response, JsonNode.class));
    }
}
