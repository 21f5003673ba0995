package dev.telephony.testkit.contract;

import static dev.telephony.testkit.contract.Fixtures.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.E911Address;
import dev.telephony.api.Address;
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
import dev.telephony.api.Route;
import dev.telephony.api.WebhookMethod;
import dev.telephony.api.error.NumberNotFoundException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Search, list, get, update and release, as every provider must do them. */
public interface NumberInventoryContract extends ProviderContract {

    private static NumberInventory inventory(ProviderHarness h) {
        return h.provider().inventory();
    }

    // ---- search -------------------------------------------------------------------------------

    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void searchByAreaCodeFindsOnlyThatAreaCode(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> found = inventory(h).search(local(Fixtures.BINGHAMTON).limit(50).build());
        assertThat(found).hasSize(10);
        assertThat(found).allSatisfy(offer -> {
            assertThat(offer.number().e164()).startsWith("+1607");
            assertThat(offer.type()).isEqualTo(NumberType.LOCAL);
            assertThat(offer.countryCode()).isEqualTo("US");
        });
        assertThat(found.stream().map(AvailableNumber::number).distinct()).hasSize(10);
    }

    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void searchHonoursTheLimit(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        assertThat(inventory(h).search(local(Fixtures.MANHATTAN).limit(5).build())).hasSize(5);
        assertThat(inventory(h).search(local(Fixtures.MANHATTAN).limit(1).build())).hasSize(1);
    }

    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void searchThatFindsNothingIsAnEmptyList(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        assertThat(inventory(h).search(local(Fixtures.EMPTY_AREA_CODE).build())).isEmpty();
    }

    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE, Capability.SEARCH_CONTAINS})
    default void searchByContainedDigits(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> found = inventory(h).search(local(Fixtures.MANHATTAN).contains("5550111").limit(20).build());
        assertThat(found).extracting(o -> o.number().e164()).containsExactly("+12125550111");
    }

    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_STARTS_WITH})
    default void searchByLeadingDigits(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> found = inventory(h).search(NumberSearch.builder().country("US")
                .startsWith("6071234").limit(50).build());
        assertThat(found).hasSize(10).allSatisfy(o -> assertThat(o.number().e164()).startsWith("+16071234"));
    }

    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE, Capability.SEARCH_ENDS_WITH})
    default void searchByTrailingDigits(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> found = inventory(h).search(local(Fixtures.MANHATTAN).endsWith("0105").limit(20).build());
        assertThat(found).extracting(o -> o.number().e164()).containsExactly("+12125550105");
    }

    @Test
    @RequiresCapability(Capability.SEARCH_TOLL_FREE)
    default void searchTollFreeFindsOnlyTollFree(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> found = inventory(h).search(NumberSearch.builder().country("US")
                .type(NumberType.TOLL_FREE).limit(50).build());
        assertThat(found).hasSize(10).allSatisfy(o -> {
            assertThat(o.type()).isEqualTo(NumberType.TOLL_FREE);
            assertThat(o.number().e164()).startsWith("+1" + Fixtures.TOLL_FREE_PREFIX);
        });
    }

    @Test
    @RequiresCapability(Capability.SEARCH_MOBILE)
    default void searchMobileFindsOnlyMobile(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> found = inventory(h).search(NumberSearch.builder().country("US")
                .type(NumberType.MOBILE).limit(50).build());
        assertThat(found).hasSize(10).allSatisfy(o -> {
            assertThat(o.type()).isEqualTo(NumberType.MOBILE);
            assertThat(o.number().e164()).startsWith("+1" + Fixtures.MOBILE_AREA_CODE);
        });
    }

    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void localSearchLeavesOutTollFreeAndMobile(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        assertThat(inventory(h).search(local(Fixtures.MOBILE_AREA_CODE).limit(50).build())).isEmpty();
    }

    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE, Capability.SEARCH_BY_FEATURES})
    default void searchWithRequiredFeaturesOmitsNumbersLackingThem(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        assertThat(inventory(h).search(local(Fixtures.SAN_FRANCISCO).features(NumberFeature.SMS).build())).isEmpty();
        List<AvailableNumber> voice = inventory(h).search(local(Fixtures.SAN_FRANCISCO).features(NumberFeature.VOICE).limit(3).build());
        assertThat(voice).hasSize(3).allSatisfy(o -> assertThat(o.features()).contains(NumberFeature.VOICE));
        List<AvailableNumber> sms = inventory(h).search(local(Fixtures.MANHATTAN).features(NumberFeature.SMS).limit(3).build());
        assertThat(sms).hasSize(3).allSatisfy(o -> assertThat(o.features()).contains(NumberFeature.SMS));
    }

    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE, Capability.SEARCH_BY_EXCHANGE})
    default void searchByExchange(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        h.carrier().seed().areaCode(Fixtures.BINGHAMTON).exchange("777").firstLine(0).count(5).region("NY")
                .locality("Binghamton").rateCenter("BINGHAMTON").add();
        List<AvailableNumber> found = inventory(h).search(local(Fixtures.BINGHAMTON).exchange("777").limit(50).build());
        assertThat(found).hasSize(5).allSatisfy(o -> assertThat(o.number().e164()).startsWith("+1607777"));
    }

    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_BY_REGION})
    default void searchByRegion(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> found = inventory(h).search(NumberSearch.builder().country("US").region("CA").limit(50).build());
        assertThat(found).hasSize(10).allSatisfy(o -> assertThat(o.number().e164()).startsWith("+1415"));
    }

    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_BY_REGION, Capability.SEARCH_BY_LOCALITY})
    default void searchByLocality(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> found = inventory(h).search(NumberSearch.builder().country("US").region("NY")
                .locality("Binghamton").limit(50).build());
        assertThat(found).hasSize(10).allSatisfy(o -> assertThat(o.number().e164()).startsWith("+1607"));
    }

    @Test
    @RequiresCapability({Capability.SEARCH_LOCAL, Capability.SEARCH_BY_REGION, Capability.SEARCH_BY_RATE_CENTER})
    default void searchByRateCenter(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> found = inventory(h).search(NumberSearch.builder().country("US").region("NY")
                .rateCenter("BINGHAMTON").limit(50).build());
        assertThat(found).hasSize(10).allSatisfy(o -> assertThat(o.number().e164()).startsWith("+1607"));
    }

    @Test
    @RequiresCapability(Capability.REGIONS)
    default void regionsNameTheCountriesAndTheirDivisions(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<Region> countries = inventory(h).regions();
        assertThat(countries).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(RegionKind.COUNTRY);
            assertThat(r.id()).isEqualTo("US");
        });
        List<Region> within = inventory(h).regions("US");
        assertThat(within).isNotEmpty().allSatisfy(r -> assertThat(r.countryCode()).isEqualTo("US"));
    }

    // ---- list ---------------------------------------------------------------------------------

    /** Makes the carrier hold {@code count} owned numbers, +1 646 200 0000 upward, named "line N". */
    private static List<PhoneNumber> own(ProviderHarness h, int count) {
        List<PhoneNumber> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PhoneNumber number = PhoneNumber.of(String.format("+1646200%04d", i));
            h.carrier().own(number, "line " + i);
            numbers.add(number);
        }
        return numbers;
    }

    @Test
    @RequiresCapability(Capability.LIST)
    default void listWalksEveryPageWithoutGapsOrDuplicates(ProviderHarness h) {
        List<PhoneNumber> owned = own(h, 250);
        Listing<OwnedNumber> listing = inventory(h).list(ListQuery.builder().pageSize(50).build());
        int pages = 0;
        List<PhoneNumber> seen = new ArrayList<>();
        for (Page<OwnedNumber> page : listing.pages()) {
            pages++;
            assertThat(page.items()).hasSizeLessThanOrEqualTo(50);
            page.items().forEach(n -> seen.add(n.number()));
        }
        assertThat(pages).isBetween(5, 6);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(owned);
        // iterable again, and streamable, with the same result
        assertThat(listing.stream().map(OwnedNumber::number).collect(Collectors.toSet())).isEqualTo(new HashSet<>(owned));
    }

    @Test
    @RequiresCapability(Capability.LIST)
    default void everyListingEndsNamingEachNumberOnceWithinABoundedNumberOfRequests(ProviderHarness h) {
        List<PhoneNumber> owned = own(h, 130);
        for (ListQuery query : List.of(ListQuery.builder().build(), ListQuery.builder().pageSize(50).build(),
                ListQuery.builder().pageSize(1000).build())) {
            int before = h.carrier().requestCount();
            List<PhoneNumber> seen = new ArrayList<>();
            Iterator<OwnedNumber> it = inventory(h).list(query).iterator();
            while (it.hasNext() && seen.size() <= owned.size()) {
                seen.add(it.next().number());
            }
            assertThat(it.hasNext()).as("the listing goes on after naming every number once (" + query + ")").isFalse();
            assertThat(seen).as("numbers listed (" + query + ")").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(owned);
            assertThat(h.carrier().requestCount() - before).as("requests to list 130 numbers (" + query + ")")
                    .isLessThanOrEqualTo(130 / 10 + 3);
        }
    }

    @Test
    @RequiresCapability(Capability.LIST)
    default void listIsLazy(ProviderHarness h) {
        own(h, 120);
        int before = h.carrier().requestCount();
        Listing<OwnedNumber> listing = inventory(h).list(ListQuery.builder().pageSize(50).build());
        assertThat(h.carrier().requestCount()).as("requests made by creating a listing").isEqualTo(before);
        Iterator<OwnedNumber> it = listing.iterator();
        for (int i = 0; i < 50; i++) {
            it.next();
        }
        // a listing may read one page ahead of its reader (it still holds at most two pages), never more
        assertThat(h.carrier().requestCount() - before).as("requests to read the first 50 of 120").isBetween(1, 2);
        it.next();
        assertThat(h.carrier().requestCount() - before).as("requests to read the 51st").isBetween(1, 3);
    }

    @Test
    @RequiresCapability(Capability.LIST)
    default void listResumesFromAContinuationToken(ProviderHarness h) {
        List<PhoneNumber> owned = own(h, 250);
        ListQuery query = ListQuery.builder().pageSize(50).build();
        Page<OwnedNumber> first = inventory(h).list(query).firstPage();
        assertThat(first.items()).hasSize(50);
        assertThat(first.nextToken()).isPresent();
        // a new provider instance, as after a restart, continues from the token alone
        Listing<OwnedNumber> rest = h.reconnect().inventory().list(query).resumeFrom(first.nextToken().get());
        List<PhoneNumber> all = new ArrayList<>(first.items().stream().map(OwnedNumber::number).toList());
        rest.forEach(n -> all.add(n.number()));
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(owned);
    }

    @Test
    @RequiresCapability({Capability.LIST, Capability.NAMES})
    default void listFiltersByName(ProviderHarness h) {
        own(h, 5);
        h.carrier().own(PhoneNumber.of("+16463330000"), "Support desk");
        List<OwnedNumber> found = inventory(h).list(ListQuery.builder().nameContains("support").build()).stream().toList();
        assertThat(found).extracting(n -> n.number().e164()).containsExactly("+16463330000");
    }

    @Test
    @RequiresCapability(Capability.LIST)
    default void listOfAnEmptyAccountIsEmpty(ProviderHarness h) {
        assertThat(inventory(h).list().stream().toList()).isEmpty();
    }

    // ---- get, update, release -----------------------------------------------------------------

    @Test
    default void getOfANumberNotOwnedIsEmpty(ProviderHarness h) {
        own(h, 1);
        assertThat(inventory(h).get(PhoneNumber.of("+16469999999"))).isEmpty();
    }

    @Test
    @RequiresCapability(Capability.NAMES)
    default void updatedNameIsVisibleInGet(ProviderHarness h) {
        PhoneNumber number = own(h, 1).get(0);
        OwnedNumber updated = inventory(h).update(number, NumberUpdate.builder().name("Sales line").build());
        assertThat(updated.name()).contains("Sales line");
        assertThat(inventory(h).get(number)).hasValueSatisfying(n -> assertThat(n.name()).contains("Sales line"));
    }

    @Test
    @RequiresCapability(Capability.VOICE_ROUTING)
    default void updatedVoiceRouteIsVisibleInGet(ProviderHarness h) {
        PhoneNumber number = own(h, 1).get(0);
        Route route = Route.to("https://example.com/voice", WebhookMethod.POST).withFallback("https://example.com/voice-fallback", WebhookMethod.GET);
        inventory(h).update(number, NumberUpdate.builder().voiceRoute(route).build());
        OwnedNumber read = inventory(h).get(number).orElseThrow();
        assertThat(read.voiceRoute()).hasValueSatisfying(r -> {
            assertThat(r.url()).hasToString("https://example.com/voice");
            assertThat(r.method()).isEqualTo(WebhookMethod.POST);
            assertThat(r.fallbackUrl()).hasValueSatisfying(u -> assertThat(u).hasToString("https://example.com/voice-fallback"));
        });
    }

    @Test
    @RequiresCapability(Capability.MESSAGING_ROUTING)
    default void updatedMessagingRouteIsVisibleInGet(ProviderHarness h) {
        PhoneNumber number = own(h, 1).get(0);
        inventory(h).update(number, NumberUpdate.builder().messagingRoute(Route.to("https://example.com/sms", WebhookMethod.GET)).build());
        assertThat(inventory(h).get(number).orElseThrow().messagingRoute()).hasValueSatisfying(r -> {
            assertThat(r.url()).hasToString("https://example.com/sms");
            assertThat(r.method()).isEqualTo(WebhookMethod.GET);
        });
    }

    @Test
    @RequiresCapability(Capability.CALLER_ID_NAME)
    default void updatedCallerIdNameIsVisibleInGet(ProviderHarness h) {
        PhoneNumber number = own(h, 1).get(0);
        inventory(h).update(number, NumberUpdate.builder().callerIdName("ACME SUPPORT").build());
        assertThat(inventory(h).get(number).orElseThrow().callerIdName()).contains("ACME SUPPORT");
    }

    @Test
    @RequiresCapability(Capability.E911)
    default void updatedE911AddressIsVisibleInGet(ProviderHarness h) {
        PhoneNumber number = own(h, 1).get(0);
        E911Address address = new E911Address("Acme Corporation",
                Address.us("135 Front St", "Binghamton", "NY", "13905").withUnit("Suite 200"));
        inventory(h).update(number, NumberUpdate.builder().e911Address(address).build());
        assertThat(inventory(h).get(number).orElseThrow().e911Address()).contains(address);
    }

    @Test
    @RequiresCapability(Capability.FEATURE_UPDATE)
    default void updatedFeaturesAreVisibleInGet(ProviderHarness h) {
        PhoneNumber number = own(h, 1).get(0);
        inventory(h).update(number, NumberUpdate.builder().features(EnumSet.of(NumberFeature.VOICE)).build());
        assertThat(inventory(h).get(number).orElseThrow().features()).isEqualTo(Set.of(NumberFeature.VOICE));
    }

    @Test
    default void updateOfANumberNotOwnedFailsAsNotFound(ProviderHarness h) {
        own(h, 1);
        PhoneNumber stranger = PhoneNumber.of("+16469999999");
        NumberUpdate update = ContractSupport.anyUpdateThe(h.provider());
        assertThatThrownBy(() -> inventory(h).update(stranger, update))
                .isInstanceOf(NumberNotFoundException.class)
                .hasMessageContaining(stranger.e164());
    }

    @Test
    @RequiresCapability(Capability.RELEASE)
    default void releaseRemovesTheNumberAndNothingElse(ProviderHarness h) {
        List<PhoneNumber> owned = own(h, 3);
        inventory(h).release(owned.get(1));
        assertThat(inventory(h).get(owned.get(1))).isEmpty();
        assertThat(inventory(h).get(owned.get(0))).isPresent();
        assertThat(inventory(h).get(owned.get(2))).isPresent();
        assertThat(h.carrier().releases()).containsExactly(owned.get(1));
        assertThat(h.carrier().ownedNumbers()).extracting(OwnedNumber::number).containsExactly(owned.get(0), owned.get(2));
    }

    @Test
    @RequiresCapability(Capability.RELEASE)
    default void releaseOfANumberNotOwnedFailsAsNotFound(ProviderHarness h) {
        own(h, 1);
        PhoneNumber stranger = PhoneNumber.of("+16469999999");
        assertThatThrownBy(() -> inventory(h).release(stranger))
                .isInstanceOf(NumberNotFoundException.class)
                .hasMessageContaining(stranger.e164());
        assertThat(h.carrier().releases()).isEmpty();
        assertThat(h.carrier().ownedNumbers()).hasSize(1);
    }
}
