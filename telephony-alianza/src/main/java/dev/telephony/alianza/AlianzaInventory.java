package dev.telephony.alianza;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.telephony.alianza.internal.AccountNumber;
import dev.telephony.alianza.internal.NumberConfiguration;
import dev.telephony.alianza.internal.NumberDetails;
import dev.telephony.alianza.internal.SearchResult;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Search ({@code …/telephone-number/search}, toll-free on {@code …/search/tollfree}), the account's
 * numbers ({@code …/account/{accountId}/telephone-number}, one array of them all), details and
 * configuration ({@code …/telephone-number/{telephoneNumber}}) and release ({@code DELETE} on the same path), which refuses a number still assigned.
 */
final class AlianzaInventory implements NumberInventory {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AlianzaInventory.class);
    /**
     * Statuses of a number that is no longer (or not yet) the account's: the public OpenAPI's carrier
     * statuses of a deleted or inventory number, and the search answer's {@code AVAILABLE}.
     */
    private static final Set<String> GONE = Set.of("DELETED", "DELETE_PENDING", "COOLDOWN", "INVENTORY", "INVENTORY_CLAIMED",
            "AVAILABLE");
    /** What a number's details must carry: the guide's example always has them, and ownership is read from them. */
    private static final java.util.Map<String, JsonNodeType> DETAILS = AlianzaAnswers.required(
            "telephoneNumber", JsonNodeType.STRING, "accountId", JsonNodeType.STRING, "status", JsonNodeType.STRING);

    private final RestClient client;
    private final AlianzaAnswers answers;
    private final AlianzaTokenAuthentication authentication;
    private final AlianzaPaths paths;
    private final String accountId;
    private final Set<Capability> capabilities;

    AlianzaInventory(RestClient client, AlianzaAnswers answers, AlianzaTokenAuthentication authentication, AlianzaPaths paths,
                     String accountId, Set<Capability> capabilities) {
        this.client = client;
        this.answers = answers;
        this.authentication = authentication;
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
        if (search == null) {
            throw InvalidRequestException.of("search", "is required");
        }
        Set<Capability> needed = EnumSet.noneOf(Capability.class);
        needed.addAll(search.requiredCapabilities());
        if (search.rateCenter().isPresent()) {
            // the state only qualifies the rate center here: Alianza does not search a state as such
            needed.remove(Capability.SEARCH_BY_REGION);
        }
        Capabilities.require(client.provider(), capabilities, needed);
        HttpRequest request = searchRequest(search);
        HttpResponse response = client.read(request);
        SearchResult found = answers.object(response, SearchResult.class, "a search result",
                AlianzaAnswers.required("telephoneNumbers", JsonNodeType.ARRAY));
        List<AvailableNumber> offered = found.telephoneNumbers().stream()
                // an item the answer itself marks as not available is not on offer
                .filter(item -> item == null || !Boolean.FALSE.equals(item.available()))
                .map(item -> answers.mapped(response, item, AlianzaNumbers::offer, "an available number")).toList();
        // the answer is checked against the search, never relabelled: a toll-free search yields toll-free numbers only
        List<AvailableNumber> matching = offered.stream().filter(offer -> offer.type() == search.type() && search.matches(offer))
                .limit(search.limit()).toList();
        if (matching.size() < Math.min(offered.size(), search.limit())) {
            log.info("{} answered a search with {} numbers, {} of which do not match it; they are left out", client.provider(),
                    offered.size(), offered.size() - offered.stream().filter(o -> o.type() == search.type() && search.matches(o)).count());
        }
        return matching;
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

    /**
     * The account's numbers. Alianza answers the whole list as one array and documents no paging, so
     * the list is asked for once per walk and served in pages of the caller's size here, in the order
     * of the numbers. A page's continuation token is the last number it holds: resuming lists the
     * numbers after it, from a fresh answer, so a restart neither repeats nor skips a number still on
     * the account.
     */
    @Override
    public Listing<OwnedNumber> list(ListQuery query) {
        if (query == null) {
            throw InvalidRequestException.of("list", "is required");
        }
        Capabilities.require(client.provider(), capabilities, query.requiredCapabilities());
        int size = query.pageSize();
        // the answer the walk is serving pages of, and the token of its next page: only that token is served from it
        AtomicReference<Walk> walk = new AtomicReference<>();
        return PagedListing.of(client.provider(), token -> {
            Optional<PhoneNumber> after = token.map(AlianzaInventory::lastListed);
            Walk last = walk.get();
            List<OwnedNumber> all = token.isPresent() && last != null && token.get().equals(last.next().orElse(null))
                    ? last.numbers() : accountNumbers().stream().filter(query::matches).toList();
            List<OwnedNumber> rest = after.isEmpty() ? all
                    : all.stream().filter(n -> n.number().e164().compareTo(after.get().e164()) > 0).toList();
            List<OwnedNumber> page = rest.subList(0, Math.min(size, rest.size()));
            Optional<String> next = rest.size() > size ? Optional.of(page.get(page.size() - 1).number().e164()) : Optional.empty();
            walk.set(new Walk(all, next));
            return new Page<>(page, next);
        });
    }

    /** One answer of the account's numbers, and the token of the next page to serve from it. */
    private record Walk(List<OwnedNumber> numbers, Optional<String> next) {
    }

    /** The account's numbers, once each, in the order of their E.164 form. */
    private List<OwnedNumber> accountNumbers() {
        HttpResponse response = client.read(HttpRequest.get(paths.accountNumbers()));
        List<AccountNumber> items = answers.array(response, AccountNumber.class, "the account's numbers",
                AlianzaAnswers.required("telephoneNumber", JsonNodeType.STRING));
        java.util.TreeMap<String, OwnedNumber> numbers = new java.util.TreeMap<>();
        for (AccountNumber item : items) {
            OwnedNumber owned = answers.mapped(response, item, AlianzaNumbers::owned, "an account number");
            // a released number may linger in the list beside its new record; an active one listed twice is a broken answer
            if (!gone(item.status()) && numbers.putIfAbsent(owned.number().e164(), owned) != null) {
                throw client.unreadable(response, "list of the account's numbers naming " + owned.number() + " once", null);
            }
        }
        return List.copyOf(numbers.values());
    }

    /** A continuation token is the last number of the page before. */
    private static PhoneNumber lastListed(String token) {
        try {
            return PhoneNumber.of(token.strip());
        } catch (RuntimeException notOurs) {
            throw InvalidRequestException.of("continuationToken", "is not a page token of this account's numbers");
        }
    }

    @Override
    public Optional<OwnedNumber> get(PhoneNumber number) {
        requireNumber(number);
        return details(number).map(d -> mapped(d, AlianzaNumbers::owned, "a number's details"));
    }

    /** The number's details when it is the account's; read with retries. */
    Optional<NumberDetails> details(PhoneNumber number) {
        return ours(number, () -> client.read(HttpRequest.get(paths.number(number))));
    }

    /**
     * The number's record when the account has it (or has it on order). The answer must name the
     * number asked about, an account and a status: a record without them is not Alianza's documented
     * answer, and never taken for "not the account's".
     */
    private Optional<NumberDetails> ours(PhoneNumber number, java.util.function.Supplier<HttpResponse> read) {
        HttpResponse response;
        try {
            response = read.get();
        } catch (NotFoundException notOurs) {
            return Optional.empty();
        }
        NumberDetails details = answers.object(response, NumberDetails.class, "a number's details", DETAILS);
        // every value is read now: a record that cannot be used is an error here, not later
        OwnedNumber named = answers.mapped(response, details, AlianzaNumbers::owned, "a number's details");
        if (!named.number().equals(number)) {
            throw answers.unusable(response, "a number's details", "it describes " + named.number() + ", not " + number);
        }
        if (details.accountId() == null || details.accountId().isBlank() || details.status() == null || details.status().isBlank()) {
            // a record without its account or status says nothing of whose the number is: never "not the account's"
            throw answers.unusable(response, "a number's details", "it names no account or no status");
        }
        boolean ours = accountId.equals(details.accountId()) && !gone(details.status());
        return ours ? Optional.of(details) : Optional.empty();
    }

    private static void requireNumber(PhoneNumber number) {
        if (number == null) {
            throw InvalidRequestException.of("number", "is required");
        }
    }

    /** Whether {@code status} says the number has left the account (or never was on it). */
    static boolean gone(String status) {
        return status != null && GONE.contains(status.toUpperCase(Locale.ROOT));
    }

    /** The details of a number of the account, or {@link NumberNotFoundException}. */
    NumberDetails require(PhoneNumber number) {
        requireNumber(number);
        return details(number).orElseThrow(() -> new NumberNotFoundException(number, client.context()));
    }

    @Override
    public OwnedNumber update(PhoneNumber number, NumberUpdate update) {
        requireNumber(number);
        if (update == null) {
            throw InvalidRequestException.of("update", "is required");
        }
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
        if (AlianzaAnswers.hasBody(response)) {
            NumberDetails details = answers.object(response, NumberDetails.class, "a number's details", DETAILS);
            OwnedNumber owned = answers.mapped(response, details, AlianzaNumbers::owned, "a number's details");
            if (!owned.number().equals(number)) {
                throw answers.unusable(response, "a number's details", "it describes " + owned.number() + ", not " + number);
            }
            return owned;
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
        requireNumber(number);
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
            authentication.write(() -> {
                client.reconciliation().release(number, Reconciliation.Release.of(() -> authentication.sendWrite(client, request),
                        () -> details(number).isPresent()));
                return null;
            });
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
