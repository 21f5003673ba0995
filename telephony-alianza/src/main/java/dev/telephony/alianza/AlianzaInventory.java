package dev.telephony.alianza;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.telephony.alianza.wire.AccountNumber;
import dev.telephony.alianza.wire.NumberConfiguration;
import dev.telephony.alianza.wire.NumberDetails;
import dev.telephony.alianza.wire.SearchResult;
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
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotFoundException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.spi.Capabilities;
import dev.telephony.api.spi.PagedListing;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.RestClient;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Search ({@code …/telephone-number/search}, toll-free on {@code …/search/tollfree}), the account's
 * numbers ({@code …/account/{accountId}/telephone-number}, paged with {@code firstResultIndex} and
 * {@code maxResult}), details and configuration ({@code …/telephone-number/{telephoneNumber}}) and
 * release ({@code DELETE} on the same path), which refuses a number still assigned.
 */
final class AlianzaInventory implements NumberInventory {
    private static final TypeReference<List<AccountNumber>> ACCOUNT_NUMBERS = new TypeReference<>() { };
    private static final Set<String> GONE = Set.of("DELETED", "INVENTORY", "INVENTORY_CLAIMED", "AVAILABLE");

    private final RestClient client;
    private final AlianzaPaths paths;
    private final String accountId;
    private final Set<Capability> capabilities;

    AlianzaInventory(RestClient client, AlianzaPaths paths, String accountId, Set<Capability> capabilities) {
        this.client = client;
        this.paths = paths;
        this.accountId = accountId;
        this.capabilities = capabilities;
    }

    @Override
    public List<Region> regions() {
        Capabilities.require(client.provider(), capabilities, Capability.REGIONS);
        return List.of();
    }

    @Override
    public List<Region> regions(String countryCode) {
        Capabilities.require(client.provider(), capabilities, Capability.REGIONS);
        return List.of();
    }

    // ---- search -------------------------------------------------------------------------------

    @Override
    public List<AvailableNumber> search(NumberSearch search) {
        Set<Capability> needed = EnumSet.noneOf(Capability.class);
        needed.addAll(search.requiredCapabilities());
        if (search.rateCenter().isPresent()) {
            // the state only qualifies the rate center here: Alianza does not search a state as such
            needed.remove(Capability.SEARCH_BY_REGION);
        }
        Capabilities.require(client.provider(), capabilities, needed);
        HttpRequest request = searchRequest(search);
        SearchResult found = client.readJson(request, SearchResult.class);
        return found.telephoneNumbers().stream()
                .map(item -> mapped(item, i -> AlianzaNumbers.offer(i, search.type()), "an available number"))
                // the API's answer is checked against the search: a toll-free search yields toll-free numbers only
                .filter(offer -> AlianzaNumbers.typeOf(offer.number()) == search.type() && search.matches(offer))
                .limit(search.limit())
                .toList();
    }

    /** The search request, after every rule Alianza's search imposes has been checked. */
    HttpRequest searchRequest(NumberSearch search) {
        if (!search.country().equals("US")) {
            throw InvalidRequestException.of("search.country", "Alianza offers US numbers only, was " + search.country());
        }
        if (search.rateCenter().isPresent() && search.region().isEmpty()) {
            throw InvalidRequestException.of("search.region", "Alianza searches a rate center within a state: give the state with the rate center");
        }
        Optional<String> areaCode = search.areaCode();
        if (search.type() == NumberType.TOLL_FREE) {
            if (areaCode.isPresent() && !AlianzaNumbers.TOLL_FREE_PREFIXES.contains(areaCode.get())) {
                throw InvalidRequestException.of("search.areaCode", "toll-free numbers start with one of "
                        + new TreeSet<>(AlianzaNumbers.TOLL_FREE_PREFIXES) + ", was '" + areaCode.get() + "'");
            }
            if (search.rateCenter().isPresent()) {
                throw InvalidRequestException.of("search.rateCenter", "toll-free numbers have no rate center");
            }
        } else if (areaCode.isPresent() && AlianzaNumbers.TOLL_FREE_PREFIXES.contains(areaCode.get())) {
            throw InvalidRequestException.of("search.areaCode", "'" + areaCode.get() + "' is a toll-free prefix: search with type TOLL_FREE");
        }
        return HttpRequest.get(search.type() == NumberType.TOLL_FREE ? paths.tollFreeSearch() : paths.search())
                .query("npa", areaCode.orElse(null))
                .query("nxx", search.exchange().orElse(null))
                .query("rateCenter", search.rateCenter().orElse(null))
                .query("state", search.rateCenter().isPresent() ? search.region().orElse(null) : null)
                .query("pattern", search.pattern().map(AlianzaInventory::pattern).orElse(null))
                .query("quantity", search.limit());
    }

    /** The guide's wildcard patterns: {@code *1234*} for digits anywhere, {@code *0000} for the last digits. */
    static String pattern(DigitPattern pattern) {
        return switch (pattern.kind()) {
            case CONTAINS -> "*" + pattern.digits() + "*";
            case ENDS_WITH -> "*" + pattern.digits();
            case STARTS_WITH -> pattern.digits() + "*";
        };
    }

    // ---- the account's numbers ----------------------------------------------------------------

    @Override
    public Listing<OwnedNumber> list(ListQuery query) {
        Capabilities.require(client.provider(), capabilities, query.requiredCapabilities());
        int size = query.pageSize();
        return PagedListing.of(client.provider(), token -> {
            int first = token.map(AlianzaInventory::firstIndex).orElse(0);
            // one more than a page: whether it comes back says whether another page follows
            HttpRequest request = HttpRequest.get(paths.accountNumbers()).query("firstResultIndex", first).query("maxResult", size + 1);
            List<AccountNumber> items = client.json(client.read(request), ACCOUNT_NUMBERS);
            List<OwnedNumber> page = items.stream().limit(size).map(i -> mapped(i, AlianzaNumbers::owned, "an account number"))
                    .filter(query::matches).toList();
            return new Page<>(page, items.size() > size ? Optional.of(String.valueOf(first + size)) : Optional.empty());
        });
    }

    /** A continuation token is the index of the page's first number. */
    private static int firstIndex(String token) {
        try {
            int index = Integer.parseInt(token.strip());
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidRequestException.of("continuationToken", "is not a page token of this account's numbers");
    }

    @Override
    public Optional<OwnedNumber> get(PhoneNumber number) {
        return details(number).map(d -> mapped(d, AlianzaNumbers::owned, "a number's details"));
    }

    /** The number's details when it is the account's; read with retries. */
    Optional<NumberDetails> details(PhoneNumber number) {
        return ours(() -> client.read(HttpRequest.get(paths.number(number))));
    }

    /** The number's details when it is the account's; sent once (for callers that retry themselves). */
    Optional<NumberDetails> detailsOnce(PhoneNumber number) {
        return ours(() -> client.send(HttpRequest.get(paths.number(number))));
    }

    private Optional<NumberDetails> ours(java.util.function.Supplier<HttpResponse> read) {
        try {
            NumberDetails details = client.json(read.get(), NumberDetails.class);
            boolean ours = accountId.equals(details.accountId())
                    && (details.status() == null || !GONE.contains(details.status().toUpperCase(Locale.ROOT)));
            return ours ? Optional.of(details) : Optional.empty();
        } catch (NotFoundException notOurs) {
            return Optional.empty();
        }
    }

    /** The details of a number of the account, or {@link NumberNotFoundException}. */
    NumberDetails require(PhoneNumber number) {
        return details(number).orElseThrow(() -> new NumberNotFoundException(number, client.context()));
    }

    @Override
    public OwnedNumber update(PhoneNumber number, NumberUpdate update) {
        Capabilities.require(client.provider(), capabilities, update.requiredCapabilities());
        NumberConfiguration change = new NumberConfiguration(update.callerIdName().orElse(null),
                update.e911Address().map(e -> AlianzaNumbers.e911Body("update.e911Address", e)).orElse(null), null);
        return configure(number, change);
    }

    /**
     * Sends {@code change} with {@code PUT …/telephone-number/{telephoneNumber}} and returns the number
     * as it is afterwards. The body carries the new values, so repeating it after an outage changes
     * nothing more.
     */
    OwnedNumber configure(PhoneNumber number, NumberConfiguration change) {
        require(number);
        HttpRequest request = client.withJson(HttpRequest.put(paths.number(number)), change);
        HttpResponse response;
        try {
            response = client.retrier().call("configure number", () -> client.send(request));
        } catch (NotFoundException gone) {
            throw new NumberNotFoundException(number, gone.context());
        }
        if (response.body().length > 0) {
            return mapped(client.json(response, NumberDetails.class), AlianzaNumbers::owned, "a number's details");
        }
        return get(number).orElseThrow(() -> new NumberNotFoundException(number, client.context()));
    }

    // ---- release and unassignment -------------------------------------------------------------

    @Override
    public void release(PhoneNumber number) {
        release(number, false);
    }

    /**
     * Releases {@code number}. One still assigned is refused with {@link ConflictException} unless
     * {@code unassignFirst}, so that a number that rings somewhere is never dropped by accident.
     */
    void release(PhoneNumber number, boolean unassignFirst) {
        Capabilities.require(client.provider(), capabilities, Capability.RELEASE);
        NumberDetails details = require(number);
        Optional<Assignment> assignment = assignment(details);
        if (assignment.isPresent()) {
            if (!unassignFirst) {
                throw new ConflictException(number + " is still assigned (" + assignment.get().type() + " "
                        + assignment.get().targetId() + "): unassign it first, or release it with "
                        + "AlianzaExtensions.unassignAndRelease", client.context());
            }
            unassign(number, assignment.get());
        }
        HttpRequest request = HttpRequest.delete(paths.number(number));
        try {
            client.reconciliation().release(number, Reconciliation.Release.of(() -> client.send(request), () -> details(number).isPresent()));
        } catch (NotFoundException gone) {
            throw new NumberNotFoundException(number, gone.context());
        }
    }

    /** What the details say the number is assigned to. */
    Optional<Assignment> assignment(NumberDetails details) {
        try {
            return AlianzaNumbers.assignment(details);
        } catch (RuntimeException e) {
            throw new ProtocolException("a number's assignment is not in the documented shape: " + e.getMessage(), client.context(), e);
        }
    }

    /** Removes {@code number}'s assignment to {@code target}; removing it twice changes nothing more. */
    void unassign(PhoneNumber number, Assignment target) {
        HttpRequest request = HttpRequest.delete(paths.assignment(target, number));
        try {
            client.retrier().call("unassign number", () -> client.send(request));
        } catch (NotFoundException alreadyGone) {
            if (details(number).flatMap(this::assignment).isPresent()) {
                throw alreadyGone;
            }
        }
    }

    <W, T> T mapped(W item, Function<W, T> mapping, String what) {
        try {
            return mapping.apply(item);
        } catch (RuntimeException e) {
            throw new ProtocolException(what + " is not in the documented shape: '"
                    + client.redactor().excerpt(String.valueOf(item).getBytes(StandardCharsets.UTF_8)) + "'", client.context(), e);
        }
    }
}
