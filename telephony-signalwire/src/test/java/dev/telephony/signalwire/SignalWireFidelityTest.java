package dev.telephony.signalwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import dev.telephony.api.error.ReleaseOutcomeUnknownException;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.contract.Fixtures;
import dev.telephony.testkit.contract.LogCapture;
import dev.telephony.testkit.wire.SimRequest;
import dev.telephony.testkit.wire.SimResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SignalWire's answers read as its documents give them (issues 11, 12 and 13): strict reads wherever
 * a reconciliation depends on them, types from the answer and the number, the provider's words on a
 * refusal, the owned number a purchase produced, and one-number look-ups. The canned answers are our
 * own, in the shapes of SignalWire's published schema and recorded traffic.
 */
class SignalWireFidelityTest {
    private final SignalWireHarness harness = new SignalWireHarness();
    private final SignalWireSimulator simulator = harness.simulator();
    private final TelephonyProvider provider = harness.provider();

    @AfterEach
    void close() {
        harness.close();
    }

    private AvailableNumber anOffer() {
        Fixtures.seedStandardOffer(harness.carrier());
        return Fixtures.anOffer(harness, Fixtures.MANHATTAN);
    }

    // ---- issue 11: reads that reconcile are strict --------------------------------------------

    @Test
    void aListWithoutDataAfterALostPurchaseAnswerIsOutcomeUnknownNeverASecondPurchase() {
        AvailableNumber offer = anOffer();
        harness.carrier().faults().injectOnce(RequestKind.PURCHASE, Fault.resetAfterCommit());
        // a 200 that lacks data once read as "the account owns nothing", and the purchase went again
        simulator.answerOnce(SignalWireSimulator.listRead(), SimResponse.json(200, "{\"links\":{\"self\":\"x\"}}"));
        assertThatThrownBy(() -> provider.purchaser().purchase(PurchaseRequest.of(offer)))
                .isInstanceOfSatisfying(PurchaseOutcomeUnknownException.class,
                        e -> assertThat(e.numbers()).containsExactly(offer.number()));
        assertThat(harness.carrier().purchases()).containsExactly(offer.number());
        assertThat(harness.carrier().repeatedPurchases()).isEmpty();
        assertThat(simulator.served().stream().filter(SignalWireSimulator.purchaseRequest()).count()).isOne();
    }

    @Test
    void anErrorBodyAnsweredWith200ToTheReconcilingReadIsOutcomeUnknown() {
        AvailableNumber offer = anOffer();
        harness.carrier().faults().injectOnce(RequestKind.PURCHASE, Fault.serverError());
        simulator.answerOnce(SignalWireSimulator.listRead(), SimResponse.json(200, "{\"error\":\"Internal Server Error\"}"));
        assertThatThrownBy(() -> provider.purchaser().purchase(PurchaseRequest.of(offer)))
                .isInstanceOf(PurchaseOutcomeUnknownException.class);
        assertThat(simulator.served().stream().filter(SignalWireSimulator.purchaseRequest()).count()).isZero();
    }

    @Test
    void aReleaseWhoseAnswerIsLostAndWhoseCheckIsUnreadableIsOutcomeUnknown() {
        harness.carrier().own(PhoneNumber.of("+12125550100"), "line");
        harness.carrier().faults().injectOnce(RequestKind.RELEASE, Fault.resetAfterCommit());
        // the first read finds the number to release; the second, after the lost answer, is unusable
        simulator.answerOnce(SignalWireSimulator.listRead().and(new Skip(1)), SimResponse.json(200, "{\"data\":[]}"));
        assertThatThrownBy(() -> provider.inventory().release(PhoneNumber.of("+12125550100")))
                .isInstanceOfSatisfying(ReleaseOutcomeUnknownException.class,
                        e -> assertThat(e.numbers()).containsExactly(PhoneNumber.of("+12125550100")));
    }

    /** Lets {@code count} matching requests pass before matching. */
    private static final class Skip implements java.util.function.Predicate<SimRequest> {
        private int left;

        Skip(int count) {
            this.left = count;
        }

        @Override
        public synchronized boolean test(SimRequest request) {
            return left-- <= 0;
        }
    }

    // ---- issue 13: error-shaped 200s, bad links, the provider's malformed numbers -------------

    @Test
    void errorShapedAnswersWithStatus200AreProtocolErrorsNeverEmptyResults() {
        simulator.answerOnce(SignalWireSimulator.listRead(), SimResponse.json(200, "{\"error\":\"Unauthorized\"}"));
        assertThatThrownBy(() -> provider.inventory().get(PhoneNumber.of("+12125550100"))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("error body");
        simulator.answerOnce(SignalWireSimulator.searchRequest(), SimResponse.json(200, """
                {"errors":[{"code":"invalid_attribute","title":"Invalid Attribute","detail":"areacode is invalid","status":"422"}]}"""));
        assertThatThrownBy(() -> provider.inventory().search(Fixtures.local(Fixtures.MANHATTAN).build()))
                .isInstanceOf(ProtocolException.class);
        simulator.answerOnce(SignalWireSimulator.listRead(), SimResponse.json(200, "{\"links\":{},\"data\":{}}"));
        assertThatThrownBy(() -> provider.inventory().list().stream().count()).isInstanceOf(ProtocolException.class);
        simulator.answerOnce(SignalWireSimulator.listRead(), SimResponse.json(200, "[]"));
        assertThatThrownBy(() -> provider.inventory().list().stream().count()).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aNextLinkThatIsNotAUrlIsTheProvidersFaultAndABadTokenTheCallers() {
        harness.carrier().own(PhoneNumber.of("+12125550100"), "line");
        simulator.answerOnce(SignalWireSimulator.listRead(), SimResponse.json(200, "{\"links\":{\"self\":\"x\",\"next\":"
                + "\"https://example.signalwire.com/api/relay/rest/phone_numbers?page_token=PA 1|{x}\"},\"data\":[]}"));
        assertThatThrownBy(() -> provider.inventory().list().stream().count()).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("next page link");
        simulator.answerOnce(SignalWireSimulator.listRead(), SimResponse.json(200,
                "{\"links\":{\"self\":\"x\",\"next\":17},\"data\":[]}"));
        assertThatThrownBy(() -> provider.inventory().list().stream().count()).isInstanceOf(ProtocolException.class);
        int before = harness.carrier().requestCount();
        for (String token : List.of("/api/relay/rest/phone_numbers?page_token=PA 1", "/api/relay/rest/phone_numbers?a=%zz|",
                "//evil.example.com/api/relay/rest/phone_numbers?x=1", "/api/relay/rest/phone_numbers/../x?y=1",
                "/api/relay/rest/phone_numbers?x=1#frag")) {
            assertThatThrownBy(() -> provider.inventory().list().resumeFrom(token).firstPage()).as(token)
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("continuationToken");
        }
        assertThat(harness.carrier().requestCount()).isEqualTo(before);
    }

    @Test
    void theProvidersMalformedDataIsAProtocolErrorNeverTheCallersInvalidRequest() {
        String item = SignalWireSimulator.numberJson(OwnedNumber.builder("0c1ff6ee-6c3f-4a8e-9b0f-4a2a9f0f1b11",
                PhoneNumber.of("+12125550100")).build()).put("number", "2125550100").toString();
        simulator.answerOnce(SignalWireSimulator.listRead(), SimResponse.json(200, "{\"links\":{\"self\":\"x\"},\"data\":[" + item + "]}"));
        assertThatThrownBy(() -> provider.inventory().get(PhoneNumber.of("+12125550100"))).isInstanceOf(ProtocolException.class);
        simulator.answerOnce(SignalWireSimulator.searchRequest(), SimResponse.json(200,
                "{\"links\":{},\"data\":[{\"number\":\"12125550100x\",\"capabilities\":[\"voice\"]}]}"));
        assertThatThrownBy(() -> provider.inventory().search(Fixtures.local(Fixtures.MANHATTAN).build())).isInstanceOf(ProtocolException.class);
        for (String broken : List.of("\"number_type\":\"mobile\"", "\"created_at\":\"yesterday\"", "\"capabilities\":\"voice\"",
                "\"id\":7")) {
            String spoiled = item.replace("\"number\":\"2125550100\"", "\"number\":\"+12125550100\"")
                    .replaceFirst("\"" + broken.substring(1, broken.indexOf('"', 1)) + "\":(\"[^\"]*\"|\\[[^]]*]|null)", broken);
            simulator.answerOnce(SignalWireSimulator.listRead(), SimResponse.json(200, "{\"links\":{},\"data\":[" + spoiled + "]}"));
            assertThatThrownBy(() -> provider.inventory().get(PhoneNumber.of("+12125550100"))).as(broken).isInstanceOf(ProtocolException.class);
        }
    }

    // ---- issue 12.2: a number's type comes from the answer and the number ----------------------

    /** Our own items in the shape of SignalWire's recorded toll-free search, which answered geographic 310 numbers. */
    private static final String TOLL_FREE_ANSWERED_WITH_GEOGRAPHIC = """
            {"links":{"self":"https://example.signalwire.com/api/relay/rest/phone_numbers/search?number_type=toll-free"},
             "data":[
              {"number":"+13105550101","region":"CA","city":"Hawthorne","rate_center":"HAWTHORNE","lata":null,
               "capabilities":{"voice":true,"sms":true,"mms":true,"fax":false}},
              {"e164":"+18335550142","national_number_formatted":"(833) 555-0142","international_number_formatted":"+1 833-555-0142",
               "rate_center":null,"region":null,"country_code":"US","capabilities":["voice","sms"]},
              {"number":"+13105550177","region":"CA","city":"Malibu","rate_center":"MALIBU","lata":null,
               "capabilities":{"voice":true,"sms":true,"mms":true,"fax":false}}]}""";

    @Test
    void aTollFreeSearchAnsweredWithGeographicNumbersKeepsOnlyTollFreeAndLogsTheRest() {
        simulator.answerOnce(SignalWireSimulator.searchRequest(), SimResponse.json(200, TOLL_FREE_ANSWERED_WITH_GEOGRAPHIC));
        LogCapture log = LogCapture.begin().orElseThrow();
        List<AvailableNumber> found;
        try {
            found = provider.inventory().search(NumberSearch.builder().country("US").type(NumberType.TOLL_FREE).limit(10).build());
        } finally {
            log.finish();
        }
        assertThat(found).extracting(o -> o.number().e164()).containsExactly("+18335550142");
        assertThat(found.get(0).type()).isEqualTo(NumberType.TOLL_FREE);
        assertThat(found.get(0).features()).containsExactlyInAnyOrder(NumberFeature.VOICE, NumberFeature.SMS);
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("2 of 3 search results that do not match"));
    }

    @Test
    void aLocalSearchNeverReturnsATollFreeNumberOrOneOfAnotherAreaCode() {
        simulator.answerOnce(SignalWireSimulator.searchRequest(), SimResponse.json(200, TOLL_FREE_ANSWERED_WITH_GEOGRAPHIC));
        List<AvailableNumber> found = provider.inventory().search(NumberSearch.builder().country("US").areaCode("310").build());
        assertThat(found).extracting(o -> o.number().e164()).containsExactly("+13105550101", "+13105550177");
        assertThat(found).allSatisfy(o -> assertThat(o.type()).isEqualTo(NumberType.LOCAL));
        simulator.answerOnce(SignalWireSimulator.searchRequest(), SimResponse.json(200, TOLL_FREE_ANSWERED_WITH_GEOGRAPHIC));
        assertThat(provider.inventory().search(Fixtures.local(Fixtures.MANHATTAN).build())).isEmpty();
    }

    private static final String US_AND_CANADIAN_NUMBERS = """
            {"links":{},"data":[
              {"e164":"+13105550101","number_type":"longcode","region":"CA","city":"LOS ANGELES",
               "capabilities":{"voice":true,"sms":true,"mms":false,"fax":false}},
              {"e164":"+14166020188","number_type":"longcode","region":"ON","city":"TORONTO",
               "capabilities":{"voice":true,"sms":true,"mms":false,"fax":false}}]}""";

    @Test
    void aCanadianSearchKeepsOnlyCanadianNumbersSinceSignalWireTakesNoCountry() {
        simulator.answerOnce(SignalWireSimulator.searchRequest(), SimResponse.json(200, US_AND_CANADIAN_NUMBERS));
        List<AvailableNumber> canadian = provider.inventory().search(NumberSearch.builder().country("CA").build());
        assertThat(canadian).extracting(o -> o.number().e164()).containsExactly("+14166020188");
        assertThat(canadian.get(0).countryCode()).as("the country from the number, not from the search").isEqualTo("CA");

        simulator.answerOnce(SignalWireSimulator.searchRequest(), SimResponse.json(200, US_AND_CANADIAN_NUMBERS));
        List<AvailableNumber> american = provider.inventory().search(NumberSearch.builder().country("US").build());
        assertThat(american).extracting(o -> o.number().e164()).containsExactly("+13105550101");
        assertThat(american.get(0).countryCode()).isEqualTo("US");
    }

    @Test
    void anOwnedNumbersTypeIsSignalWiresNumberType() {
        OwnedNumber owned = harness.carrier().own(PhoneNumber.of("+18335550100"), "free");
        assertThat(provider.inventory().get(owned.number())).hasValueSatisfying(n -> assertThat(n.type()).isEqualTo(NumberType.TOLL_FREE));
    }

    // ---- issue 12.7: a refusal keeps SignalWire's status, code, words and request id -----------

    @Test
    void aRefusedPurchaseCarriesSignalWiresStatusCodeMessageAndRequestId() {
        Fixtures.seedStandardOffer(harness.carrier());
        PhoneNumber notOffered = PhoneNumber.of("+12125559999");
        assertThatThrownBy(() -> provider.purchaser().purchase(PurchaseRequest.of(notOffered)))
                .isInstanceOfSatisfying(NumberNotAvailableException.class, e -> {
                    assertThat(e.numbers()).containsExactly(notOffered);
                    assertThat(e.httpStatus()).hasValue(422);
                    assertThat(e.providerCode()).contains(SignalWireSimulator.INVALID_ATTRIBUTE);
                    assertThat(e.requestId()).isPresent();
                    assertThat(e.provider()).contains("signalwire");
                    assertThat(e.getMessage()).contains("not available for purchase");
                });
    }

    // ---- issue 12.10: what a purchase returns, and get asks for one number ---------------------

    @Test
    void aCompletedPurchaseReturnsTheOwnedNumbersSignalWireAnswered() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = provider.inventory().search(Fixtures.local(Fixtures.MANHATTAN).limit(2).build());
        PurchaseOrder order = provider.purchaser().purchase(PurchaseRequest.ofOffers(offers).withName("Front desk"));
        assertThat(order.owned()).hasSize(2);
        for (OwnedNumber owned : order.owned()) {
            OwnedNumber truth = harness.carrier().owned(owned.number()).orElseThrow();
            assertThat(owned.id()).isEqualTo(truth.id());
            assertThat(owned.createdAt()).isEqualTo(truth.createdAt()).isPresent();
            assertThat(owned.name()).contains("Front desk");
        }
        assertThat(order.owned()).extracting(OwnedNumber::number).containsExactlyElementsOf(order.purchased());
    }

    @Test
    void aPurchaseWhoseAnswerWasLostReturnsTheOwnedNumberTheReconcilingReadFound() {
        AvailableNumber offer = anOffer();
        harness.carrier().faults().injectOnce(RequestKind.PURCHASE, Fault.resetAfterCommit());
        PurchaseOrder order = provider.purchaser().purchase(PurchaseRequest.of(offer));
        assertThat(order.purchased()).containsExactly(offer.number());
        assertThat(order.owned()).singleElement().satisfies(o ->
                assertThat(o.id()).isEqualTo(harness.carrier().owned(offer.number()).orElseThrow().id()));
    }

    @Test
    void getAsksSignalWireForThatOneNumberAndMatchesItExactly() {
        harness.carrier().own(PhoneNumber.of("+12125550100"), "line");
        harness.carrier().own(PhoneNumber.of("+121255501001"), "longer");
        assertThat(provider.inventory().get(PhoneNumber.of("+12125550100")))
                .hasValueSatisfying(n -> assertThat(n.name()).contains("line"));
        SimRequest sent = simulator.served().get(simulator.served().size() - 1);
        assertThat(sent.query()).containsOnlyKeys("filter_number");
        assertThat(sent.param("filter_number")).contains("+12125550100");
        assertThat(provider.inventory().get(PhoneNumber.of("+1212555010"))).isEmpty();
    }
}
