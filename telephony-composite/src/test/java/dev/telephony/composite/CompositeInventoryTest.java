package dev.telephony.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.Capability;
import dev.telephony.api.ListQuery;
import dev.telephony.api.Listing;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.Page;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NumberNotFoundException;
import dev.telephony.api.error.UnsupportedCapabilityException;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One inventory over every member: listings across members, and each number at the member that owns it. */
class CompositeInventoryTest {
    Carriers carriers;
    final List<PhoneNumber> eastNumbers = new ArrayList<>();
    final List<PhoneNumber> westNumbers = new ArrayList<>();

    @BeforeEach
    void own() {
        carriers = new Carriers();
        for (int i = 0; i < 3; i++) {
            PhoneNumber number = PhoneNumber.of("+1646200000" + i);
            carriers.east.own(number, "east line " + i);
            eastNumbers.add(number);
        }
        for (int i = 0; i < 4; i++) {
            PhoneNumber number = PhoneNumber.of("+1303200000" + i);
            carriers.west.own(number, "west line " + i);
            westNumbers.add(number);
        }
    }

    @AfterEach
    void close() {
        carriers.close();
    }

    @Test
    void theListingWalksEveryMemberInTurnTaggingEachNumberWithItsCarrier() {
        CompositeProvider composite = carriers.composite();
        List<OwnedNumber> all = composite.inventory().list(ListQuery.builder().pageSize(2).build()).stream().toList();
        List<PhoneNumber> expected = new ArrayList<>(eastNumbers);
        expected.addAll(westNumbers);
        assertThat(all).extracting(OwnedNumber::number).containsExactlyElementsOf(expected);
        assertThat(all).extracting(n -> Carriers.extension(composite).carrierOf(n).orElseThrow())
                .containsExactly("east", "east", "east", "west", "west", "west", "west");
    }

    @Test
    void theListingIsLazyAndResumesAcrossMembersFromItsTokenAfterARestart() {
        CompositeProvider composite = carriers.composite();
        ListQuery query = ListQuery.builder().pageSize(2).build();
        int before = carriers.east.requestCount() + carriers.west.requestCount();
        Listing<OwnedNumber> listing = composite.inventory().list(query);
        assertThat(carriers.east.requestCount() + carriers.west.requestCount()).as("requests to create a listing").isEqualTo(before);

        List<Page<OwnedNumber>> pages = new ArrayList<>();
        listing.pages().forEach(pages::add);
        assertThat(pages).extracting(p -> p.items().size()).containsExactly(2, 1, 2, 2);
        // the token after east's last page points at west's first
        String intoWest = pages.get(1).nextToken().orElseThrow();
        List<PhoneNumber> rest = carriers.composite().inventory().list(query).resumeFrom(intoWest).stream()
                .map(OwnedNumber::number).toList();
        assertThat(rest).containsExactlyElementsOf(westNumbers);
        // and a token within west resumes within west
        String withinWest = pages.get(2).nextToken().orElseThrow();
        assertThat(carriers.composite().inventory().list(query).resumeFrom(withinWest).stream().map(OwnedNumber::number))
                .containsExactlyElementsOf(westNumbers.subList(2, 4));
    }

    @Test
    void aTokenThisCompositeDidNotIssueIsRefusedBeforeAnyRequest() {
        CompositeProvider composite = carriers.composite();
        int before = carriers.east.requestCount() + carriers.west.requestCount();
        Listing<OwnedNumber> listing = composite.inventory().list();
        assertThatThrownBy(() -> listing.resumeFrom("after:16462000000").firstPage())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("continuationToken");
        String north = "cl1." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("north\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> listing.resumeFrom(north).firstPage())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("continuationToken");
        assertThat(carriers.east.requestCount() + carriers.west.requestCount()).isEqualTo(before);
    }

    @Test
    void getUpdateAndReleaseGoToTheMemberThatOwnsTheNumber() {
        CompositeProvider composite = carriers.composite();
        PhoneNumber westLine = westNumbers.get(1);
        assertThat(composite.inventory().get(westLine)).hasValueSatisfying(n -> {
            assertThat(n.name()).contains("west line 1");
            assertThat(n.attributes()).containsEntry(CompositeProvider.CARRIER_ATTRIBUTE, "west");
        });
        OwnedNumber renamed = composite.inventory().update(westLine, NumberUpdate.builder().name("Denver desk").build());
        assertThat(renamed.name()).contains("Denver desk");
        assertThat(carriers.west.owned(westLine).orElseThrow().name()).contains("Denver desk");
        assertThat(carriers.east.requestCount(RequestKind.UPDATE)).isZero();

        composite.inventory().release(westLine);
        assertThat(carriers.west.releases()).containsExactly(westLine);
        assertThat(carriers.east.releases()).isEmpty();
        assertThat(composite.inventory().get(westLine)).isEmpty();
        assertThatThrownBy(() -> composite.inventory().release(westLine)).isInstanceOf(NumberNotFoundException.class)
                .hasMessageContaining(westLine.e164());
    }

    @Test
    void aMemberThatCannotSayWhetherItOwnsANumberFailsTheReadRatherThanAnsweringNo() {
        CompositeProvider composite = carriers.composite();
        carriers.west.faults().inject(RequestKind.READ, Fault.serverError(), 100);
        // east owns it: west's silence does not matter
        assertThat(composite.inventory().get(eastNumbers.get(0))).isPresent();
        // nobody says they own it, and west could not say: the answer is not "nobody"
        assertThatThrownBy(() -> composite.inventory().get(PhoneNumber.of("+19175550000")))
                .isInstanceOf(dev.telephony.api.error.ProviderUnavailableException.class).hasMessageContaining("carrier 'west'");
        assertThatThrownBy(() -> composite.inventory().release(PhoneNumber.of("+19175550000")))
                .isInstanceOf(dev.telephony.api.error.ProviderUnavailableException.class);
        assertThat(carriers.east.releases()).isEmpty();
    }

    @Test
    void anUpdateTheOwningMemberCannotApplyIsRefusedNamingIt() {
        carriers.westCapabilities = Set.copyOf(EnumSet.complementOf(EnumSet.of(Capability.CALLER_ID_NAME)));
        CompositeProvider composite = carriers.composite();
        assertThat(composite.capabilities()).contains(Capability.CALLER_ID_NAME);
        NumberUpdate cnam = NumberUpdate.builder().callerIdName("ACME").build();
        assertThat(composite.inventory().update(eastNumbers.get(0), cnam).callerIdName()).contains("ACME");
        assertThatThrownBy(() -> composite.inventory().update(westNumbers.get(0), cnam))
                .isInstanceOfSatisfying(UnsupportedCapabilityException.class, e -> assertThat(e.capability()).contains(Capability.CALLER_ID_NAME))
                .hasMessageContaining("composite member west");
        assertThat(carriers.west.requestCount(RequestKind.UPDATE)).isZero();
    }

    @Test
    void aNumberTwoMembersClaimIsNotWrittenThroughEither() {
        carriers.west.own(eastNumbers.get(0), "claimed twice");
        CompositeProvider composite = carriers.composite();
        assertThat(composite.inventory().get(eastNumbers.get(0))).hasValueSatisfying(n ->
                assertThat(n.attributes()).containsEntry(CompositeProvider.CARRIER_ATTRIBUTE, "east"));
        assertThatThrownBy(() -> composite.inventory().release(eastNumbers.get(0))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("east, west");
        assertThat(carriers.east.releases()).isEmpty();
        assertThat(carriers.west.releases()).isEmpty();
    }

    @Test
    void listingNeedsEveryMemberToList() {
        carriers.westCapabilities = Set.copyOf(EnumSet.complementOf(EnumSet.of(Capability.LIST)));
        CompositeProvider composite = carriers.composite();
        assertThat(composite.capabilities()).doesNotContain(Capability.LIST);
        assertThatThrownBy(() -> composite.inventory().list()).isInstanceOf(UnsupportedCapabilityException.class);
    }
}
