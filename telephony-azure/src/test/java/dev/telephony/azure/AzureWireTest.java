package dev.telephony.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.HoldExpiredException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.contract.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Azure specifics: the operation protocol, holds, signatures, SIP routing and error mapping. */
class AzureWireTest {
    private final AzureHarness harness = new AzureHarness();
    private final TelephonyProvider provider = harness.provider();

    @AfterEach
    void close() {
        harness.close();
    }

    private List<AvailableNumber> search(int limit) {
        return provider.inventory().search(NumberSearch.builder().country("US").areaCode(Fixtures.MANHATTAN).limit(limit).holdResults(true).build());
    }

    @Test
    void aSearchIsALongRunningOperationWhoseOffersCarryTheHold() {
        Fixtures.seedStandardOffer(harness.carrier());
        int before = harness.carrier().requestCount(RequestKind.READ);
        List<AvailableNumber> offers = search(2);
        // POST :search (202), polls of the operation, then GET of the search result
        assertThat(harness.carrier().requestCount(RequestKind.READ) - before).isGreaterThanOrEqualTo(3);
        assertThat(offers).hasSize(2).allSatisfy(o -> {
            assertThat(o.holdExpiresAt()).contains(harness.clock().instant().plus(AzureSimulator.HOLD));
            assertThat(o.attributes()).containsKey("searchId").containsEntry("searchSize", "2");
        });
        // held numbers are not offered to another search
        assertThat(search(50)).extracting(AvailableNumber::number).doesNotContainAnyElementsOf(
                offers.stream().map(AvailableNumber::number).toList());
    }

    @Test
    void regionsCoverCountriesOfferingsDivisionsLocalitiesAndAreaCodes() {
        Fixtures.seedStandardOffer(harness.carrier());
        assertThat(provider.inventory().regions()).extracting(r -> r.id()).containsExactly("US");
        var within = provider.inventory().regions("US");
        assertThat(within.get(0).kind()).isEqualTo(dev.telephony.api.RegionKind.COUNTRY);
        assertThat(within.get(0).numberTypes()).containsExactlyInAnyOrder(dev.telephony.api.NumberType.LOCAL,
                dev.telephony.api.NumberType.TOLL_FREE);
        assertThat(within).extracting(r -> r.kind()).contains(dev.telephony.api.RegionKind.ADMINISTRATIVE_DIVISION,
                dev.telephony.api.RegionKind.LOCALITY, dev.telephony.api.RegionKind.AREA_CODE);
        assertThat(within).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo("833");
            assertThat(r.numberTypes()).containsExactly(dev.telephony.api.NumberType.TOLL_FREE);
        });
        assertThat(within).anySatisfy(r -> assertThat(r.id()).isEqualTo("Binghamton"));
    }

    @Test
    void aPurchaseIsPendingUntilItsOperationSucceedsAndIsFollowedByIdAfterARestart() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = search(2);
        PurchaseOrder placed = provider.purchaser().purchase(PurchaseRequest.ofOffers(offers));
        assertThat(placed.status()).isEqualTo(PurchaseStatus.PENDING);
        assertThat(placed.attributes()).containsKey("operationId");
        PurchaseOrder done = harness.reconnect().purchaser().await(placed.id(), Duration.ofMinutes(5));
        assertThat(done.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(done.purchased()).containsExactlyElementsOf(offers.stream().map(AvailableNumber::number).toList());
        assertThat(harness.clock().slept()).isLessThanOrEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anExpiredHoldOrAForeignOrPartialOfferIsRefusedWithoutARequest() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = search(2);
        int before = harness.carrier().requestCount();
        assertThatThrownBy(() -> provider.purchaser().purchase(PurchaseRequest.of(offers.get(0))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("every number a search holds");
        assertThatThrownBy(() -> provider.purchaser().purchase(PurchaseRequest.of(PhoneNumber.of("+12125550150"))))
                .isInstanceOf(NumberNotAvailableException.class);
        harness.clock().advance(AzureSimulator.HOLD.plusSeconds(1));
        assertThatThrownBy(() -> provider.purchaser().purchase(PurchaseRequest.ofOffers(offers)))
                .isInstanceOf(HoldExpiredException.class).hasMessageContaining("search again");
        assertThat(harness.carrier().requestCount()).isEqualTo(before);
    }

    @Test
    void everyRequestIsSignedAndABadSignatureIsRefused() {
        Fixtures.seedStandardOffer(harness.carrier());
        search(1);
        assertThat(harness.simulator().rejectedSignatures()).isZero();
        TelephonyProvider wrongKey = harness.connectWithInvalidCredentials();
        assertThatThrownBy(() -> wrongKey.inventory().get(PhoneNumber.of("+12125550100")))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(401);
                    assertThat(e.providerCode()).contains("Denied");
                });
        assertThat(harness.simulator().rejectedSignatures()).isEqualTo(1);
    }

    @Test
    void capabilitiesAreUpdatedByDirectionThroughTheExtension() {
        PhoneNumber number = PhoneNumber.of("+12125550177");
        harness.carrier().own(number, null);
        OwnedNumber updated = provider.unwrap(AzureExtensions.class).updateCapabilities(number, Direction.INBOUND, Direction.NONE);
        assertThat(updated.features()).containsExactly(NumberFeature.VOICE);
        assertThat(updated.attributes()).containsEntry("calling", "inbound").containsEntry("sms", "none");
        assertThat(provider.inventory().get(number).orElseThrow().attributes()).containsEntry("calling", "inbound");
    }

    @Test
    void sipTrunksAndRoutesAreManagedAndChecked() {
        AzureSipRouting sip = provider.unwrap(AzureExtensions.class).sipRouting();
        sip.setTrunk(new SipTrunk("sbc1.example.com", 5061));
        sip.setTrunk(new SipTrunk("sbc2.example.com", 5062));
        assertThat(sip.trunks()).containsExactlyInAnyOrder(new SipTrunk("sbc1.example.com", 5061), new SipTrunk("sbc2.example.com", 5062));
        assertThat(sip.trunk("sbc2.example.com")).contains(new SipTrunk("sbc2.example.com", 5062));

        SipRoute route = new SipRoute("us", Optional.of("US numbers"), "^\\+1\\d{10}$", List.of("sbc1.example.com", "sbc2.example.com"));
        sip.setRoute(route);
        assertThat(sip.routes()).containsExactly(route);
        assertThat(sip.route("us")).contains(route);

        int before = harness.carrier().requestCount(RequestKind.UPDATE);
        assertThatThrownBy(() -> sip.setRoute(new SipRoute("bad", Optional.empty(), ".*", List.of("unknown.example.com"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("unknown.example.com");
        assertThatThrownBy(() -> sip.deleteTrunk("sbc1.example.com")).isInstanceOf(ConflictException.class).hasMessageContaining("us");
        assertThat(harness.carrier().requestCount(RequestKind.UPDATE)).isEqualTo(before);

        sip.deleteRoute("us");
        sip.deleteTrunk("sbc1.example.com");
        assertThat(sip.trunks()).containsExactly(new SipTrunk("sbc2.example.com", 5062));
        assertThat(sip.routes()).isEmpty();
        assertThatThrownBy(() -> new SipTrunk("not a host", 5061)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new SipRoute("r", Optional.empty(), "([", List.of())).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void theSimulatorItselfRefusesARouteToAnUnknownTrunk() {
        // bypassing the library's own check: the service refuses too, and its error is mapped
        var error = AzureSimulator.error(422, "UnprocessableConfiguration", "no such trunk");
        assertThat(error.status()).isEqualTo(422);
        assertThat(error.body()).contains("\"code\":\"UnprocessableConfiguration\"");
    }

    @Test
    void connectionStringsAreReadWithoutShowingTheKey() {
        AzureCredentials credentials = AzureCredentials.parse(dev.telephony.api.Secret.of("c", AzureHarness.CONNECTION_STRING));
        assertThat(credentials.endpointText()).isEqualTo("https://" + AzureHarness.HOST);
        assertThat(credentials.toString()).doesNotContain(AzureHarness.KEY);
        assertThatThrownBy(() -> AzureCredentials.parse(dev.telephony.api.Secret.of("c", "endpoint=http://x.example.com/;accesskey=" + AzureHarness.KEY)))
                .hasMessageContaining("https").satisfies(e -> assertThat(e.getMessage()).doesNotContain(AzureHarness.KEY));
        assertThatThrownBy(() -> AzureCredentials.parse(dev.telephony.api.Secret.of("c", "endpoint=https://x.example.com/;accesskey=" + AzureHarness.KEY + ";extra=1")))
                .hasMessageContaining("unknown part");
        assertThat(provider.toString()).doesNotContain(AzureHarness.KEY);
    }

    @Test
    void aListingReadsAzuresNextPageAheadWhileTheCallerIsOnThisOneAndOnTheCallersThreadOnceTheProviderIsClosed() throws Exception {
        for (int i = 0; i < 250; i++) {
            harness.carrier().own(PhoneNumber.of(String.format("+1646300%04d", i)), "line " + i);
        }
        int before = harness.carrier().requestCount(RequestKind.READ);
        var pages = provider.inventory().list(dev.telephony.api.ListQuery.builder().pageSize(100).build()).pages().iterator();
        assertThat(pages.next().items()).hasSize(100);
        // the second of Azure's three pages is read on a thread of the provider's while the caller holds the first
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (harness.carrier().requestCount(RequestKind.READ) < before + 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(harness.carrier().requestCount(RequestKind.READ)).isEqualTo(before + 2);
        assertThat(pages.next().items()).hasSize(100);
        assertThat(pages.next().items()).hasSize(50);
        assertThat(pages.hasNext()).isFalse();
        provider.close();
        // closed, the provider reads ahead no more: a listing reads each page on the caller's thread, and still names every number once
        List<OwnedNumber> all = provider.inventory().list().stream().toList();
        assertThat(all).hasSize(250).extracting(OwnedNumber::number).doesNotHaveDuplicates();
    }
}
