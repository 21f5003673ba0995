package dev.telephony.azure;

import com.azure.communication.phonenumbers.PhoneNumbersClient;
import com.azure.communication.phonenumbers.models.PhoneNumberAssignmentType;
import com.azure.communication.phonenumbers.models.PhoneNumberCapabilities;
import com.azure.communication.phonenumbers.models.PhoneNumberSearchOptions;
import com.azure.communication.phonenumbers.models.PhoneNumberSearchResult;
import com.azure.communication.phonenumbers.models.PhoneNumberType;
import com.azure.communication.phonenumbers.models.PurchasedPhoneNumber;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.Context;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
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
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotFoundException;
import dev.telephony.api.error.OperationTimeoutException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.spi.Capabilities;
import dev.telephony.api.spi.PagedListing;
import dev.telephony.api.spi.Retrier;
import dev.telephony.api.spi.Reconciliation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Regions, search, list, get, capability updates and release through {@link PhoneNumbersClient}. */
final class AzureInventory implements NumberInventory {
    private final PhoneNumbersClient client;
    private final AzureErrors errors;
    private final Retrier retrier;
    private final AzureSettings settings;

    AzureInventory(PhoneNumbersClient client, AzureErrors errors, Retrier retrier, AzureSettings settings) {
        this.client = client;
        this.errors = errors;
        this.retrier = retrier;
        this.settings = settings;
    }

    /** An idempotent read through the SDK, retried on the injected clock. */
    <T> T read(String what, java.util.function.Supplier<T> sdkCall) {
        return retrier.call(what, () -> errors.call(sdkCall));
    }

    @Override
    public List<Region> regions() {
        return read("countries", () -> {
            List<Region> countries = new ArrayList<>();
            client.listAvailableCountries(Context.NONE).forEach(c -> countries.add(
                    Region.country(c.getCountryCode(), c.getLocalizedName() == null ? c.getCountryCode() : c.getLocalizedName(), Set.of())));
            return List.copyOf(countries);
        });
    }

    @Override
    public List<Region> regions(String countryCode) {
        String country = Region.country(countryCode, countryCode, Set.of()).countryCode();
        return read("regions of " + country, () -> {
            Map<String, Region> found = new LinkedHashMap<>();
            // the offerings say which number types the country offers: the country itself leads the list
            Set<NumberType> offered = EnumSet.noneOf(NumberType.class);
            client.listAvailableOfferings(country, null, null, Context.NONE).forEach(o -> offered.add(
                    o.getPhoneNumberType() != null && "tollFree".equals(o.getPhoneNumberType().toString())
                            ? NumberType.TOLL_FREE : NumberType.LOCAL));
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
        });
    }

    @Override
    public List<AvailableNumber> search(NumberSearch search) {
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, search.requiredCapabilities());
        if (search.features().contains(NumberFeature.MMS) || search.features().contains(NumberFeature.FAX)) {
            throw InvalidRequestException.of("search.features", "Azure offers calling and SMS only, not MMS or fax");
        }
        PhoneNumberType type = search.type() == NumberType.TOLL_FREE ? PhoneNumberType.TOLL_FREE : PhoneNumberType.GEOGRAPHIC;
        PhoneNumberCapabilities capabilities = AzureNumbers.capabilities(search.features());
        PhoneNumberSearchOptions options = new PhoneNumberSearchOptions().setQuantity(search.limit());
        search.areaCode().ifPresent(options::setAreaCode);
        PhoneNumberSearchResult result = read("search", () -> {
            SyncPoller<?, PhoneNumberSearchResult> poller = client.beginSearchAvailablePhoneNumbers(search.country(), type,
                    settings.assignmentType(), capabilities, options, Context.NONE);
            poller.setPollInterval(settings.pollInterval());
            PollResponse<?> last = poller.waitForCompletion(settings.operationTimeout());
            if (last.getStatus() != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
                throw new ProtocolException("Azure's search ended " + last.getStatus(), errors.context());
            }
            return poller.getFinalResult();
        });
        if (result == null || result.getPhoneNumbers() == null) {
            return List.of();
        }
        List<AvailableNumber> offers = new ArrayList<>();
        for (String number : result.getPhoneNumbers()) {
            AvailableNumber.Builder offer = AvailableNumber.builder(PhoneNumber.of(number))
                    .type(search.type())
                    .features(AzureNumbers.features(result.getCapabilities()))
                    .countryCode(search.country())
                    .holdExpiresAt(result.getSearchExpiresBy() == null ? null : result.getSearchExpiresBy().toInstant())
                    .attribute(AzurePurchaser.SEARCH_ID, result.getSearchId())
                    .attribute(AzurePurchaser.SEARCH_SIZE, String.valueOf(result.getPhoneNumbers().size()));
            if (result.getCost() != null) {
                offer.attribute("cost", result.getCost().getAmount() + " " + result.getCost().getCurrencyCode());
            }
            offers.add(offer.build());
        }
        return List.copyOf(offers);
    }

    @Override
    public Listing<OwnedNumber> list(ListQuery query) {
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, query.requiredCapabilities());
        int size = query.pageSize();
        // Azure pages by its own size: a token names Azure's page (its nextLink) and an offset into it
        return PagedListing.of(AzureProvider.NAME, token -> read("list", () -> {
            String[] position = token.map(AzureInventory::decode).orElse(new String[] {"", "0"});
            String link = position[0];
            int offset = Integer.parseInt(position[1]);
            Iterator<PagedResponse<PurchasedPhoneNumber>> pages = (link.isEmpty()
                    ? client.listPurchasedPhoneNumbers(Context.NONE).iterableByPage()
                    : client.listPurchasedPhoneNumbers(Context.NONE).iterableByPage(link)).iterator();
            if (!pages.hasNext()) {
                return new Page<OwnedNumber>(List.of(), Optional.empty());
            }
            PagedResponse<PurchasedPhoneNumber> page = pages.next();
            List<OwnedNumber> all = page.getValue().stream().map(AzureNumbers::owned).filter(query::matches).toList();
            int end = Math.min(offset + size, all.size());
            List<OwnedNumber> items = offset >= all.size() ? List.of() : all.subList(offset, end);
            Optional<String> next;
            if (end < all.size()) {
                next = Optional.of(encode(link, end));
            } else {
                next = Optional.ofNullable(page.getContinuationToken()).filter(t -> !t.isBlank()).map(t -> encode(t, 0));
            }
            return new Page<>(items, next);
        }));
    }

    private static String encode(String link, int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((offset + "|" + link).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            int offset = Integer.parseInt(text.substring(0, bar));
            return new String[] {text.substring(bar + 1), String.valueOf(offset)};
        } catch (RuntimeException e) {
            throw InvalidRequestException.of("continuationToken", "is not a token this provider issued");
        }
    }

    @Override
    public Optional<OwnedNumber> get(PhoneNumber number) {
        try {
            return Optional.of(AzureNumbers.owned(read("get", () -> client.getPurchasedPhoneNumberWithResponse(number.e164(), Context.NONE).getValue())));
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    @Override
    public OwnedNumber update(PhoneNumber number, NumberUpdate update) {
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, update.requiredCapabilities());
        Set<NumberFeature> features = update.features().orElseThrow();
        if (features.contains(NumberFeature.MMS) || features.contains(NumberFeature.FAX)) {
            throw InvalidRequestException.of("update.features", "Azure numbers carry calling and SMS only");
        }
        Set<NumberFeature> wanted = EnumSet.copyOf(features);
        return updateCapabilities(number, wanted.contains(NumberFeature.VOICE) ? Direction.INBOUND_OUTBOUND : Direction.NONE,
                wanted.contains(NumberFeature.SMS) ? Direction.INBOUND_OUTBOUND : Direction.NONE);
    }

    OwnedNumber updateCapabilities(PhoneNumber number, Direction calling, Direction sms) {
        PhoneNumberCapabilities capabilities = new PhoneNumberCapabilities().setCalling(calling.sdk()).setSms(sms.sdk());
        try {
            // the request carries the wanted state, so repeating it after an outage changes nothing more
            PurchasedPhoneNumber updated = read("update capabilities", () -> {
                SyncPoller<?, PurchasedPhoneNumber> poller = client.beginUpdatePhoneNumberCapabilities(number.e164(), capabilities, Context.NONE);
                poller.setPollInterval(settings.pollInterval());
                finish(poller.waitForCompletion(settings.operationTimeout()), "capability update of " + number);
                return poller.getFinalResult();
            });
            return AzureNumbers.owned(updated);
        } catch (NotFoundException gone) {
            throw new NumberNotFoundException(number, gone.context());
        }
    }

    @Override
    public void release(PhoneNumber number) {
        Capabilities.require(AzureProvider.NAME, AzureProvider.CAPABILITIES, Capability.RELEASE);
        try {
            new Reconciliation(errors.context(), retrier).release(number, Reconciliation.Release.of(() -> errors.call(() -> {
                SyncPoller<?, ?> poller = client.beginReleasePhoneNumber(number.e164(), Context.NONE);
                poller.setPollInterval(settings.pollInterval());
                return finish(poller.waitForCompletion(settings.operationTimeout()), "release of " + number);
            }), () -> get(number).isPresent()));
        } catch (NotFoundException gone) {
            throw new NumberNotFoundException(number, gone.context());
        }
    }

    private PollResponse<?> finish(PollResponse<?> last, String what) {
        if (last.getStatus() == LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
            return last;
        }
        if (last.getStatus() == LongRunningOperationStatus.FAILED) {
            throw new ProtocolException("Azure's " + what + " failed", errors.context());
        }
        throw new OperationTimeoutException(what, String.valueOf(last.getStatus()), errors.context());
    }

    /** How long the SDK's pollers wait between polls and in all; Azure's assignment type. */
    record AzureSettings(Duration pollInterval, Duration operationTimeout, PhoneNumberAssignmentType assignmentType) {
    }
}
