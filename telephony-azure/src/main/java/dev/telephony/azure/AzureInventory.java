package dev.telephony.azure;

import com.azure.communication.phonenumbers.PhoneNumbersClient;
import com.azure.communication.phonenumbers.models.PhoneNumberAssignmentType;
import com.azure.communication.phonenumbers.models.PhoneNumberCapabilities;
import com.azure.communication.phonenumbers.models.PhoneNumberCapabilityType;
import com.azure.communication.phonenumbers.models.PurchasedPhoneNumber;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.ListQuery;
import dev.telephony.api.Listing;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberInventory;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberType;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.Page;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.Region;
import dev.telephony.api.RegionKind;
import dev.telephony.api.Sleeper;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotFoundException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.error.ReleaseOutcomeUnknownException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.api.spi.Capabilities;
import dev.telephony.api.spi.DateTimes;
import dev.telephony.api.spi.PagedListing;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.api.spi.Retrier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Regions, list and get through {@link PhoneNumbersClient}; search, capability updates and release as
 * Azure's long-running operations, each write sent once through the SDK's pipeline and its operation
 * followed on the injected clock against one deadline.
 */
final class AzureInventory implements NumberInventory {
    private static final Logger log = LoggerFactory.getLogger(AzureInventory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PhoneNumbersClient client;
    private final AzureResources resources;
    private final AzureOperations operations;
    private final AzureErrors errors;
    private final Retrier retrier;
    private final Reconciliation reconciliation;
    private final Sleeper sleeper;
    private final AzureSettings settings;
    /** The threads a listing reads its next page on while the caller works on the current one: made on first use, shut down by {@link #close()}. */
    private java.util.concurrent.ThreadPoolExecutor aheadThreads;
    private boolean closed;
    private final java.util.concurrent.Executor ahead = new java.util.concurrent.Executor() {
        @Override
        public void execute(Runnable task) {
            aheadThreads().execute(task);
        }
    };
    /** Browse, which lives with the reservations whose answers it shares; set once as the provider is built. */
    private volatile AzureHolds holds;

    AzureInventory(PhoneNumbersClient client, AzureResources resources, AzureOperations operations, AzureErrors errors,
                   Retrier retrier, Sleeper sleeper, AzureSettings settings) {
        this.client = client;
        this.resources = resources;
        this.operations = operations;
        this.errors = errors;
        this.retrier = retrier;
        this.reconciliation = new Reconciliation(errors.context(), retrier);
        this.sleeper = sleeper;
        this.settings = settings;
    }

    /** The one reconciliation of this provider's purchases and releases, shared by its purchaser and holds. */
    Reconciliation reconciliation() {
        return reconciliation;
    }

    /**
     * A few daemon threads that end after a minute idle. A listing whose page read ahead waits in their queue
     * fetches it itself when it gets there (see {@link PagedListing}), so several listings at once only read
     * ahead less, never wait on each other.
     */
    private synchronized java.util.concurrent.ExecutorService aheadThreads() {
        if (closed) {
            throw new java.util.concurrent.RejectedExecutionException("the Azure provider is closed");
        }
        if (aheadThreads == null) {
            java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(READ_AHEAD_THREADS,
                    READ_AHEAD_THREADS, 1, java.util.concurrent.TimeUnit.MINUTES, new java.util.concurrent.LinkedBlockingQueue<>(),
                    task -> {
                        Thread thread = new Thread(task, "telephony-azure-list-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            pool.allowCoreThreadTimeOut(true);
            aheadThreads = pool;
        }
        return aheadThreads;
    }

    private static final int READ_AHEAD_THREADS = 4;

    /** Stops reading ahead: a page being fetched finishes, none is started (a listing then fetches on the caller's thread). */
    synchronized void close() {
        closed = true;
        if (aheadThreads != null) {
            aheadThreads.shutdown();
        }
    }

    /** Gives the search its browse: the holds are built after the inventory, which they read. */
    void browseWith(AzureHolds holds) {
        this.holds = holds;
    }

    /** An idempotent read through the SDK, retried on the injected clock. */
    <T> T read(String what, java.util.function.Supplier<T> sdkCall) {
        return retrier.call(what, () -> errors.call(sdkCall));
    }

    @Override
    public List<Region> regions() {
        return read("countries", () -> fromAzure(() -> {
            List<Region> countries = new ArrayList<>();
            client.listAvailableCountries(Context.NONE).forEach(c -> countries.add(
                    Region.country(c.getCountryCode(), c.getLocalizedName() == null ? c.getCountryCode() : c.getLocalizedName(), Set.of())));
            return List.copyOf(countries);
        }));
    }

    @Override
    public List<Region> regions(String countryCode) {
        String country = Region.country(countryCode, countryCode, Set.of()).countryCode();
        return read("regions of " + country, () -> fromAzure(() -> {
            Map<String, Region> found = new LinkedHashMap<>();
            // the offerings say which number types the country offers: the country itself leads the list
            Set<NumberType> offered = EnumSet.noneOf(NumberType.class);
            // an offering that names no type says nothing about which types the country offers
            client.listAvailableOfferings(country, null, null, Context.NONE).forEach(o -> {
                if (o.getPhoneNumberType() != null) {
                    offered.add(AzureNumbers.type(o.getPhoneNumberType().toString(), "to the offerings of " + country));
                }
            });
            found.put("C" + country, Region.country(country, country, offered));
            client.listAvailableLocalities(country, null, Context.NONE).forEach(l -> {
                Optional<String> division = Optional.ofNullable(l.getAdministrativeDivision()).map(d -> d.getAbbreviatedName());
                division.ifPresent(d -> found.putIfAbsent("D" + d, new Region(d,
                        Optional.ofNullable(l.getAdministrativeDivision().getLocalizedName()).orElse(d),
                        RegionKind.ADMINISTRATIVE_DIVISION, country, Optional.empty(), Set.of())));
                found.putIfAbsent("L" + l.getLocalizedName(), new Region(l.getLocalizedName(), l.getLocalizedName(),
                        RegionKind.LOCALITY, country, division, Set.of(NumberType.LOCAL)));
            });
            client.listAvailableGeographicAreaCodes(country, settings.assignmentType(), null, null, Context.NONE)
                    .forEach(a -> found.putIfAbsent("G" + a.getAreaCode(), new Region(a.getAreaCode(), a.getAreaCode(),
                            RegionKind.AREA_CODE, country, Optional.empty(), Set.of(NumberType.LOCAL))));
            client.listAvailableTollFreeAreaCodes(country, Context.NONE)
                    .forEach(a -> found.putIfAbsent("T" + a.getAreaCode(), new Region(a.getAreaCode(), a.getAreaCode(),
                            RegionKind.AREA_CODE, country, Optional.empty(), Set.of(NumberType.TOLL_FREE))));
            return List.copyOf(found.values());
        }));
    }

    /**
     * Runs {@code build}, which makes neutral values of what Azure answered: a value refused there (a
     * country code that is not one) is Azure's malformed answer, never the caller's invalid request.
     */
    private static <T> T fromAzure(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidRequestException ours) {
            if (ours.httpStatus().isPresent()) {
                throw ours;
            }
            throw new dev.telephony.api.error.ProtocolException("Azure's answer carries a value that is not valid: " + ours.reason(),
                    ours.context().withProvider(AzureProvider.NAME), ours);
        }
    }

    @Override
    public List<AvailableNumber> search(NumberSearch search) {
        require(search, "search");
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, search.requiredCapabilities());
        if (search.features().contains(NumberFeature.MMS) || search.features().contains(NumberFeature.FAX)) {
            throw InvalidRequestException.of("search.features", "Azure offers calling and SMS only, not MMS or fax");
        }
        if (!search.holdResults()) {
            // a sample of what is on offer, held for no one: buying one of them reserves exactly it
            return holds.browse(search);
        }
        PhoneNumberCapabilities capabilities = AzureNumbers.capabilities(search.features());
        ObjectNode body = JSON.createObjectNode()
                .put("phoneNumberType", search.type() == NumberType.TOLL_FREE ? "tollFree" : "geographic")
                .put("assignmentType", settings.assignmentType().toString());
        body.putObject("capabilities").put("calling", capabilities.getCalling().toString()).put("sms", capabilities.getSms().toString());
        search.areaCode().ifPresent(a -> body.put("areaCode", a));
        body.put("quantity", search.limit());
        // a search holds numbers for 15 minutes: it is sent again only when Azure answered that it did nothing
        AzureResources.Accepted accepted = refusedOnly("search", () -> resources.startSearch(search.country(), body.toString()));
        String searchId = accepted.header("search-id").orElseThrow(() -> AzureNumbers.malformed("to the search",
                "accepted it without a search-id"));
        JsonNode operation = operations.finish("search", accepted.operationId(), settings.operationTimeout());
        if (AzureOperations.Status.of(operation, errors) == AzureOperations.Status.FAILED) {
            AzureErrors.AzureError error = AzureErrors.AzureError.of(operation.get("error"));
            throw new ConflictException("Azure's search failed: " + (error.message() == null ? "no reason given" : error.message()),
                    error.code() == null ? errors.context() : errors.context().withProviderCode(error.code()));
        }
        JsonNode result = read("search result", () -> resources.searchResult(searchId)).orElseThrow(() -> AzureNumbers.malformed(
                "to the search " + searchId, "is gone although its operation succeeded"));
        return offers(search, result);
    }

    /**
     * The offers of a search result. Azure sells a search whole, so a result with any number that does
     * not match the search (another type, another area code) is dropped whole, never relabelled.
     */
    private List<AvailableNumber> offers(NumberSearch search, JsonNode result) {
        String where = "to the search " + AzureErrors.shorten(result.path("searchId").asText());
        List<PhoneNumber> numbers = new ArrayList<>();
        for (JsonNode number : result.get("phoneNumbers")) {
            if (!number.isTextual()) {
                throw AzureNumbers.malformed(where, "lists a number that is not a string");
            }
            numbers.add(AzureNumbers.number(number.asText(), where));
        }
        if (new HashSet<>(numbers).size() < numbers.size()) {
            throw AzureNumbers.malformed(where, "names a number twice");
        }
        // Azure documents a result of at most the quantity asked ("can be fewer")
        if (numbers.size() > search.limit()) {
            throw AzureNumbers.malformed(where, "holds " + numbers.size() + " numbers, more than the " + search.limit() + " asked for");
        }
        if (numbers.isEmpty()) {
            return List.of();
        }
        NumberType type = AzureNumbers.type(result.path("phoneNumberType").asText(null), where);
        JsonNode caps = result.path("capabilities");
        if (!caps.path("calling").isTextual() || !caps.path("sms").isTextual()) {
            throw AzureNumbers.malformed(where, "lacks the numbers' capabilities");
        }
        Set<NumberFeature> features = AzureNumbers.features(new PhoneNumberCapabilities()
                .setCalling(PhoneNumberCapabilityType.fromString(caps.get("calling").asText()))
                .setSms(PhoneNumberCapabilityType.fromString(caps.get("sms").asText())), where);
        Instant expires;
        try {
            expires = DateTimes.parseOffsetDateTime(result.path("searchExpiresBy").asText("")).toInstant();
        } catch (DateTimeParseException e) {
            throw AzureNumbers.malformed(where, "has no readable searchExpiresBy");
        }
        String searchId = result.get("searchId").asText();
        List<AvailableNumber> offers = new ArrayList<>();
        for (PhoneNumber number : numbers) {
            AvailableNumber.Builder offer = AvailableNumber.builder(number)
                    .type(type)
                    .features(features)
                    .countryCode(search.country())
                    .holdExpiresAt(expires)
                    .attribute(AzurePurchaser.SEARCH_ID, searchId)
                    .attribute(AzurePurchaser.SEARCH_SIZE, String.valueOf(numbers.size()));
            JsonNode cost = result.path("cost");
            if (cost.path("amount").isNumber() && cost.path("currencyCode").isTextual()) {
                offer.attribute("cost", cost.get("amount").asText() + " " + cost.get("currencyCode").asText());
            }
            offers.add(offer.build());
        }
        long unmatched = offers.stream().filter(o -> !search.matches(o)).count();
        if (unmatched > 0) {
            log.warn("Azure's search {} answered {} of {} numbers that do not match the search ({}); the search is dropped whole,"
                    + " as Azure sells it whole", searchId, unmatched, offers.size(), search);
            return List.of();
        }
        return List.copyOf(offers);
    }

    /**
     * A write sent again, within the retry budget, only after Azure answered that it did not act on it
     * (429, or a 5xx answer); never after a lost answer, which may have started it.
     */
    private <T> T refusedOnly(String what, java.util.function.Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RateLimitedException | ProviderUnavailableException limited) {
                if (limited instanceof ProviderUnavailableException && limited.httpStatus().isEmpty()) {
                    throw limited;
                }
                Optional<Duration> wait = retrier.delayAfter(attempt, limited);
                if (attempt >= retrier.policy().maxAttempts() || wait.isEmpty()) {
                    throw limited;
                }
                log.debug("{} refused ({}), sending again in {} ms", what, limited.getClass().getSimpleName(), wait.get().toMillis());
                try {
                    sleeper.sleep(wait.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw limited;
                }
            }
        }
    }

    @Override
    public Listing<OwnedNumber> list(ListQuery query) {
        require(query, "query");
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, query.requiredCapabilities());
        int size = query.pageSize();
        // Azure pages by its own size: a token names Azure's page (its nextLink) and an offset into it
        // the next page is read through the SDK's paged iterable on a thread of ours while the caller works on this one
        return PagedListing.readingAhead(AzureProvider.NAME, token -> {
            String[] position = token.map(AzureInventory::decode).orElse(new String[] {"", "0"});
            String link = position[0];
            int offset = Integer.parseInt(position[1]);
            // SDK 1.1.6 cannot follow a link relative to the endpoint: it is made absolute first
            String absolute = link.isEmpty() ? "" : resources.resolve(link);
            return read("list", () -> {
                Iterator<PagedResponse<PurchasedPhoneNumber>> pages = (absolute.isEmpty()
                        ? client.listPurchasedPhoneNumbers(Context.NONE).iterableByPage()
                        : client.listPurchasedPhoneNumbers(Context.NONE).iterableByPage(absolute)).iterator();
                if (!pages.hasNext()) {
                    throw AzureNumbers.malformed("to the list of the account's numbers", "has no page");
                }
                PagedResponse<PurchasedPhoneNumber> page = pages.next();
                if (page == null || page.getValue() == null) {
                    throw AzureNumbers.malformed("to the list of the account's numbers", "lacks phoneNumbers");
                }
                var context = errors.context(page.getStatusCode(), page.getHeaders(), page.getRequest());
                List<OwnedNumber> all = new ArrayList<>();
                Set<PhoneNumber> seen = new HashSet<>();
                for (PurchasedPhoneNumber n : page.getValue()) {
                    OwnedNumber owned = AzureNumbers.owned(n, "to the list of the account's numbers", context);
                    if (!seen.add(owned.number())) {
                        throw new dev.telephony.api.error.ProtocolException("Azure's answer to the list of the account's numbers"
                                + " names " + owned.number() + " twice on one page", context);
                    }
                    if (query.matches(owned)) {
                        all.add(owned);
                    }
                }
                int end = Math.min(offset + size, all.size());
                List<OwnedNumber> items = offset >= all.size() ? List.of() : all.subList(offset, end);
                Optional<String> next;
                if (end < all.size()) {
                    next = Optional.of(encode(link, end));
                } else {
                    next = Optional.ofNullable(page.getContinuationToken()).filter(t -> !t.isBlank()).map(t -> encode(t, 0));
                }
                return new Page<>(List.copyOf(items), next);
            });
        }, ahead);
    }

    private static String encode(String link, int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((offset + "|" + link).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            int offset = Integer.parseInt(text.substring(0, bar));
            if (offset < 0) {
                throw new IllegalArgumentException("negative offset");
            }
            return new String[] {text.substring(bar + 1), String.valueOf(offset)};
        } catch (RuntimeException e) {
            throw InvalidRequestException.of("continuationToken", "is not a token this provider issued");
        }
    }

    @Override
    public Optional<OwnedNumber> get(PhoneNumber number) {
        require(number, "number");
        return read("get", () -> getOnce(number));
    }

    /**
     * One read of one number, not retried: empty when Azure says the account does not own it (404, or
     * 403 "not owned by this resource"). An answer that is not that number is a protocol error.
     */
    Optional<OwnedNumber> getOnce(PhoneNumber number) {
        try {
            return Optional.of(errors.callOn(number, () -> {
                var response = client.getPurchasedPhoneNumberWithResponse(number.e164(), Context.NONE);
                var context = errors.context(response.getStatusCode(), response.getHeaders(), response.getRequest());
                OwnedNumber owned = AzureNumbers.owned(response.getValue(), "to get " + number, context);
                if (!owned.number().equals(number)) {
                    throw new dev.telephony.api.error.ProtocolException("Azure's answer to get " + number + " is another number, "
                            + owned.number(), context);
                }
                return owned;
            }));
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    @Override
    public OwnedNumber update(PhoneNumber number, NumberUpdate update) {
        require(number, "number");
        require(update, "update");
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, update.requiredCapabilities());
        Set<NumberFeature> features = update.features().orElseThrow(() -> InvalidRequestException.of("update.features",
                "Azure updates capabilities only: give the features the number should have"));
        if (features.contains(NumberFeature.MMS) || features.contains(NumberFeature.FAX)) {
            throw InvalidRequestException.of("update.features", "Azure numbers carry calling and SMS only");
        }
        Set<NumberFeature> wanted = features.isEmpty() ? EnumSet.noneOf(NumberFeature.class) : EnumSet.copyOf(features);
        return updateCapabilities(number, wanted.contains(NumberFeature.VOICE) ? Direction.INBOUND_OUTBOUND : Direction.NONE,
                wanted.contains(NumberFeature.SMS) ? Direction.INBOUND_OUTBOUND : Direction.NONE);
    }

    /**
     * {@code PATCH …/capabilities}, then its operation followed to the end within the operation time-out,
     * then the number read back. The request carries the wanted state, so sending it again after an
     * outage changes nothing more.
     */
    OwnedNumber updateCapabilities(PhoneNumber number, Direction calling, Direction sms) {
        require(number, "number");
        require(calling, "calling");
        require(sms, "sms");
        String body = JSON.createObjectNode().put("calling", calling.sdk().toString()).put("sms", sms.sdk().toString()).toString();
        AzureResources.Accepted accepted = read("update capabilities", () -> resources.startCapabilityUpdate(number, body));
        JsonNode operation = operations.finish("capability update of " + number, accepted.operationId(), settings.operationTimeout());
        if (AzureOperations.Status.of(operation, errors) == AzureOperations.Status.FAILED) {
            AzureErrors.AzureError error = AzureErrors.AzureError.of(operation.get("error"));
            throw new ConflictException("Azure's capability update of " + number + " failed: "
                    + (error.message() == null ? "no reason given" : error.message()),
                    error.code() == null ? errors.context() : errors.context().withProviderCode(error.code()));
        }
        return get(number).orElseThrow(() -> new NumberNotFoundException(number, errors.context()));
    }

    /**
     * Releases a number: the {@code DELETE} is the write, sent through {@link Reconciliation}; once Azure
     * accepted it, following its operation is a separate step, and a failure there means the release
     * was accepted and its end is not known ({@link ReleaseOutcomeUnknownException}), never "failed".
     */
    @Override
    public void release(PhoneNumber number) {
        require(number, "number");
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, Capability.RELEASE);
        AtomicReference<String> operationId = new AtomicReference<>();
        reconciliation.release(number, Reconciliation.Release.of(
                () -> operationId.set(resources.startRelease(number).operationId()),
                () -> get(number).isPresent()));
        if (operationId.get() == null) {
            // the answer was lost and the account shows the number gone: released
            return;
        }
        JsonNode operation;
        try {
            operation = operations.finish("release of " + number, operationId.get(), settings.operationTimeout());
        } catch (TelephonyException followingFailed) {
            throw new ReleaseOutcomeUnknownException(number, errors.context(), followingFailed);
        }
        if (AzureOperations.Status.of(operation, errors) == AzureOperations.Status.SUCCEEDED) {
            return;
        }
        AzureErrors.AzureError error = AzureErrors.AzureError.of(operation.get("error"));
        ConflictException failed = new ConflictException("Azure's release of " + number + " failed: "
                + (error.message() == null ? "no reason given" : error.message()),
                error.code() == null ? errors.context() : errors.context().withProviderCode(error.code()));
        boolean stillOwned;
        try {
            stillOwned = get(number).isPresent();
        } catch (TelephonyException unreadable) {
            failed.addSuppressed(unreadable);
            throw new ReleaseOutcomeUnknownException(number, errors.context(), failed);
        }
        if (stillOwned) {
            throw failed;
        }
        log.info("Azure reported the release of a number failed, but the account no longer has it: released");
    }

    static <T> T require(T value, String field) {
        if (value == null) {
            throw InvalidRequestException.of(field, "must not be null");
        }
        return value;
    }

    /** How long between polls of Azure's operations (on the injected clock), how long one may take in all, Azure's assignment type. */
    record AzureSettings(Duration pollInterval, Duration operationTimeout, PhoneNumberAssignmentType assignmentType) {
    }
}
