package dev.telephony.testkit.memory;

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
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotFoundException;
import dev.telephony.api.spi.Capabilities;
import dev.telephony.api.spi.PagedListing;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.testkit.carrier.RequestKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link NumberInventory} over the carrier state. */
final class InMemoryInventory implements NumberInventory {
    private final CarrierLink link;
    private final Set<Capability> capabilities;

    InMemoryInventory(CarrierLink link, Set<Capability> capabilities) {
        this.link = link;
        this.capabilities = capabilities;
    }

    @Override
    public List<Region> regions() {
        Capabilities.require(link.provider(), capabilities, Capability.REGIONS);
        return link.read("regions", () -> {
            Map<String, Set<NumberType>> countries = new LinkedHashMap<>();
            link.carrier().available().forEach(o -> countries.computeIfAbsent(o.countryCode(),
                    c -> EnumSet.noneOf(NumberType.class)).add(o.type()));
            return countries.entrySet().stream()
                    .map(e -> Region.country(e.getKey(), new Locale("", e.getKey()).getDisplayCountry(Locale.ENGLISH), e.getValue()))
                    .toList();
        });
    }

    @Override
    public List<Region> regions(String countryCode) {
        Capabilities.require(link.provider(), capabilities, Capability.REGIONS);
        String country = Region.country(countryCode, countryCode, Set.of()).countryCode();
        return link.read("regions of " + country, () -> {
            Map<String, Region> found = new LinkedHashMap<>();
            for (AvailableNumber offer : link.carrier().available()) {
                if (!offer.countryCode().equals(country)) {
                    continue;
                }
                offer.region().ifPresent(r -> found.putIfAbsent("D" + r, new Region(r, r, RegionKind.ADMINISTRATIVE_DIVISION,
                        country, Optional.empty(), Set.of())));
                offer.locality().ifPresent(l -> found.putIfAbsent("L" + l, new Region(l, l, RegionKind.LOCALITY, country,
                        offer.region(), Set.of())));
                offer.rateCenter().ifPresent(rc -> found.putIfAbsent("R" + rc, new Region(rc, rc, RegionKind.RATE_CENTER,
                        country, offer.region(), Set.of())));
                String npa = offer.number().nationalNumber().substring(0, Math.min(3, offer.number().nationalNumber().length()));
                found.putIfAbsent("A" + npa, new Region(npa, npa, RegionKind.AREA_CODE, country, offer.region(), Set.of(offer.type())));
            }
            return List.copyOf(found.values());
        });
    }

    @Override
    public List<AvailableNumber> search(NumberSearch search) {
        Capabilities.require(link.provider(), capabilities, search.requiredCapabilities());
        if (search.holdResults()) {
            // a search that holds is a change at the carrier: sent once, never repeated (a repeat would hold other numbers)
            return link.send(RequestKind.HOLD, "held search", () -> link.carrier().holdSearch(
                    offer -> offer.countryCode().equals(search.country()) && search.matches(offer), search.limit()));
        }
        return link.read("search", () -> link.carrier().search(
                offer -> offer.countryCode().equals(search.country()) && search.matches(offer), search.limit()));
    }

    @Override
    public Listing<OwnedNumber> list(ListQuery query) {
        Capabilities.require(link.provider(), capabilities, query.requiredCapabilities());
        return PagedListing.of(link.provider(), token -> {
            // a token that is not ours is refused before anything reaches the carrier
            Optional<PhoneNumber> after = token.map(InMemoryInventory::decodeToken);
            return link.read("list", () -> listPage(query, after));
        });
    }

    private Page<OwnedNumber> listPage(ListQuery query, Optional<PhoneNumber> after) {
        List<OwnedNumber> page = link.carrier().ownedPage(after, query::matches, query.pageSize() + 1);
        boolean more = page.size() > query.pageSize();
        List<OwnedNumber> items = more ? new ArrayList<>(page.subList(0, query.pageSize())) : page;
        Optional<String> next = more ? Optional.of(encodeToken(items.get(items.size() - 1).number())) : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public Optional<OwnedNumber> get(PhoneNumber number) {
        return link.read("get", () -> link.carrier().owned(number));
    }

    @Override
    public OwnedNumber update(PhoneNumber number, NumberUpdate update) {
        Capabilities.require(link.provider(), capabilities, update.requiredCapabilities());
        try {
            // a partial update carries its own values, so sending it again after an outage is safe
            return link.retrier().call("update", () -> link.send(RequestKind.UPDATE, "update",
                    () -> link.carrier().update(number, update::applyTo)));
        } catch (NotFoundException e) {
            throw new NumberNotFoundException(number, e.context());
        }
    }

    @Override
    public void release(PhoneNumber number) {
        Capabilities.require(link.provider(), capabilities, Capability.RELEASE);
        try {
            link.reconciliation().release(number, new Reconciliation.Release() {
                @Override
                public void send() {
                    link.send(RequestKind.RELEASE, "release", () -> {
                        link.carrier().release(number);
                        return null;
                    });
                }

                @Override
                public boolean stillOwned() {
                    return get(number).isPresent();
                }
            });
        } catch (NotFoundException e) {
            throw new NumberNotFoundException(number, e.context());
        }
    }

    static String encodeToken(PhoneNumber last) {
        return "after:" + last.digits();
    }

    static PhoneNumber decodeToken(String token) {
        String digits = token.startsWith("after:") ? token.substring("after:".length()) : "";
        if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw dev.telephony.api.error.InvalidRequestException.of("continuationToken", "is not a token this provider issued");
        }
        try {
            return PhoneNumber.of("+" + digits);
        } catch (dev.telephony.api.error.InvalidRequestException notANumber) {
            throw dev.telephony.api.error.InvalidRequestException.of("continuationToken", "is not a token this provider issued");
        }
    }
}
