package dev.telephony.compat;

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
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
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
 * The LaML API's answers read as documented (issues 11, 12 and 13): strict reads wherever a
 * reconciliation depends on them, types from the answer and the number, errors mapped by operation
 * and status, the provider's words on a refusal, the owned number a purchase produced, one-number
 * look-ups. The canned answers are our own, in the shapes of SignalWire's recorded traffic and
 * Twilio's published examples.
 */
class LamlFidelityTest {
    private final LamlHarness harness = new LamlHarness(LamlFlavor.SIGNALWIRE_COMPAT);
    private final LamlSimulator simulator = harness.simulator();
    private final TelephonyProvider provider = harness.provider();
    private final String account = "/api/laml/2010-04-01/Accounts/" + LamlHarness.PROJECT;

    @AfterEach
    void close() {
        harness.close();
    }

    private AvailableNumber anOffer() {
        Fixtures.seedStandardOffer(harness.carrier());
        return Fixtures.anOffer(harness, Fixtures.MANHATTAN);
    }

    private String page(String items, String next) {
        return "{\"uri\":\"" + account + "/IncomingPhoneNumbers.json\",\"first_page_uri\":\"" + account
                + "/IncomingPhoneNumbers.json?Page=0\",\"next_page_uri\":" + next + ",\"previous_page_uri\":null,"
                + "\"page\":0,\"page_size\":50,\"start\":0,\"end\":0,\"incoming_phone_numbers\":[" + items + "]}";
    }

    // ---- issue 11: reads that reconcile are strict --------------------------------------------

    @Test
    void aListWithoutItsNumbersAfterALostPurchaseAnswerIsOutcomeUnknownNeverASecondPurchase() {
        AvailableNumber offer = anOffer();
        harness.carrier().faults().injectOnce(RequestKind.PURCHASE, Fault.resetAfterCommit());
        simulator.answerOnce(simulator.listRead(), SimResponse.json(200, "{\"uri\":\"x\",\"next_page_uri\":null,\"page\":0}"));
        assertThatThrownBy(() -> provider.purchaser().purchase(PurchaseRequest.of(offer)))
                .isInstanceOfSatisfying(PurchaseOutcomeUnknownException.class,
                        e -> assertThat(e.numbers()).containsExactly(offer.number()));
        assertThat(harness.carrier().purchases()).containsExactly(offer.number());
        assertThat(harness.carrier().repeatedPurchases()).isEmpty();
        assertThat(simulator.served().stream().filter(simulator.purchaseRequest()).count()).isOne();
    }

    // ---- issue 13: error-shaped successes, bad links, the provider's malformed numbers --------

    @Test
    void restExceptionAndErrorsBodiesAnsweredWithSuccessAreProtocolErrorsNeverEmptyResults() {
        simulator.answerOnce(simulator.listRead(), SimResponse.json(200,
                "{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}"));
        assertThatThrownBy(() -> provider.inventory().get(PhoneNumber.of("+12125550100"))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("error body");
        simulator.answerOnce(simulator.searchRequest(), SimResponse.json(200, "{\"errors\":[{\"code\":\"10000\",\"message\":\"bad\"}]}"));
        assertThatThrownBy(() -> provider.inventory().search(Fixtures.local(Fixtures.MANHATTAN).build())).isInstanceOf(ProtocolException.class);
        simulator.answerOnce(simulator.searchRequest(), SimResponse.json(200, "{\"uri\":\"x\"}"));
        assertThatThrownBy(() -> provider.inventory().search(Fixtures.local(Fixtures.MANHATTAN).build())).isInstanceOf(ProtocolException.class);
        simulator.answerOnce(simulator.listRead(), SimResponse.json(200, "{\"incoming_phone_numbers\":[]}"));
        assertThatThrownBy(() -> provider.inventory().list().stream().count()).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("next_page_uri");
    }

    @Test
    void aNextLinkThatIsNotAUrlIsTheProvidersFaultAndABadTokenTheCallers() {
        simulator.answerOnce(simulator.listRead(), SimResponse.json(200, page("", "\"" + account
                + "/IncomingPhoneNumbers.json?Page=1&PageToken=PA 1|{x}\"")));
        assertThatThrownBy(() -> provider.inventory().list().stream().count()).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("next page link");
        simulator.answerOnce(simulator.listRead(), SimResponse.json(200, page("", "42")));
        assertThatThrownBy(() -> provider.inventory().list().stream().count()).isInstanceOf(ProtocolException.class);
        int before = harness.carrier().requestCount();
        for (String token : List.of(account + "/IncomingPhoneNumbers.json?PageToken=PA 1", account + "/IncomingPhoneNumbers.json?a=%zz|",
                "//evil.example.com" + account + "/IncomingPhoneNumbers.json?Page=1", account + "/IncomingPhoneNumbers.json?Page=1#x",
                account + "/Calls.json?Page=1")) {
            assertThatThrownBy(() -> provider.inventory().list().resumeFrom(token).firstPage()).as(token)
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("continuationToken");
        }
        assertThat(harness.carrier().requestCount()).isEqualTo(before);
    }

    @Test
    void theProvidersMalformedDataIsAProtocolErrorNeverTheCallersInvalidRequest() {
        OwnedNumber number = OwnedNumber.builder("7e1e0000-0000-4000-8000-0000000000aa", PhoneNumber.of("+12125550100")).build();
        String item = simulator.numberJson(number).toString();
        for (String[] spoil : new String[][] {{"\"phone_number\":\"+12125550100\"", "\"phone_number\":\"212-555-0100\""},
                {"\"phone_number\":\"+12125550100\"", "\"phone_number\":12125550100"},
                {"\"capabilities\":{", "\"capabilities\":\"all\",\"spoiled\":{"},
                {"\"date_created\":\"", "\"date_created\":\"not a date "}}) {
            assertThat(item).contains(spoil[0]);
            simulator.answerOnce(simulator.listRead(), SimResponse.json(200, page(item.replace(spoil[0], spoil[1]), "null")));
            assertThatThrownBy(() -> provider.inventory().get(PhoneNumber.of("+12125550100"))).as(spoil[1])
                    .isInstanceOf(ProtocolException.class);
        }
        simulator.answerOnce(simulator.searchRequest(), SimResponse.json(200,
                "{\"uri\":\"x/Local.json\",\"available_phone_numbers\":[{\"phone_number\":\"2125550100\",\"capabilities\":{}}]}"));
        assertThatThrownBy(() -> provider.inventory().search(Fixtures.local(Fixtures.MANHATTAN).build())).isInstanceOf(ProtocolException.class);
    }

    // ---- issue 12.2: a number's type comes from the answer and the number ----------------------

    /** Our own items in the shape of SignalWire's recorded {@code TollFree.json?AreaCode=310} answer: geographic numbers. */
    private static final String RECORDED_TOLL_FREE_SHAPE = """
            {"uri":"/2010-04-01/Accounts/b3877c40-da60-4998-90ad-b792e98472ac/AvailablePhoneNumbers/US/TollFree?AreaCode=310",
             "available_phone_numbers":[
              {"friendly_name":"310-555-0142","phone_number":"+13105550142","lata":null,"rate_center":"HAWTHORNE","latitude":null,
               "longitude":null,"region":"CA","postal_code":null,"iso_country":"US","capabilities":{"voice":true,"SMS":true,"MMS":true},
               "beta":false},
              {"friendly_name":"833-555-0199","phone_number":"+18335550199","lata":null,"rate_center":null,"latitude":null,
               "longitude":null,"region":null,"postal_code":null,"iso_country":"US","capabilities":{"voice":true,"SMS":false,"MMS":false},
               "beta":false},
              {"friendly_name":"310-555-0177","phone_number":"+13105550177","lata":null,"rate_center":"MALIBU","latitude":null,
               "longitude":null,"region":"CA","postal_code":null,"iso_country":"US","capabilities":{"voice":true,"SMS":true,"MMS":true},
               "beta":false}]}""";

    @Test
    void aTollFreeSearchAnsweredWithGeographicNumbersKeepsOnlyTollFreeAndLogsTheRest() {
        simulator.answerOnce(simulator.searchRequest(), SimResponse.json(200, RECORDED_TOLL_FREE_SHAPE));
        LogCapture log = LogCapture.begin().orElseThrow();
        List<AvailableNumber> found;
        try {
            found = provider.inventory().search(NumberSearch.builder().country("US").type(NumberType.TOLL_FREE).limit(10).build());
        } finally {
            log.finish();
        }
        assertThat(found).extracting(o -> o.number().e164()).containsExactly("+18335550199");
        assertThat(found.get(0).type()).isEqualTo(NumberType.TOLL_FREE);
        assertThat(found.get(0).features()).containsExactly(NumberFeature.VOICE);
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("2 of 3 available numbers that do not match"));
    }

    @Test
    void aLocalSearchNeverLabelsATollFreeNumberLocal() {
        simulator.answerOnce(simulator.searchRequest(), SimResponse.json(200, RECORDED_TOLL_FREE_SHAPE.replace("TollFree?", "Local?")));
        List<AvailableNumber> found = provider.inventory().search(NumberSearch.builder().country("US").areaCode("310").build());
        assertThat(found).extracting(o -> o.number().e164()).containsExactly("+13105550142", "+13105550177");
        assertThat(found).allSatisfy(o -> assertThat(o.type()).isEqualTo(NumberType.LOCAL));
    }

    @Test
    void typesOutsideNorthAmericaComeFromTheNumber() {
        assertThat(LamlNumbers.typeOf(PhoneNumber.of("+448001234567"), java.util.Optional.of(NumberType.LOCAL))).isEqualTo(NumberType.TOLL_FREE);
        assertThat(LamlNumbers.typeOf(PhoneNumber.of("+447400123456"), java.util.Optional.of(NumberType.LOCAL))).isEqualTo(NumberType.MOBILE);
        assertThat(LamlNumbers.typeOf(PhoneNumber.of("+442079460123"), java.util.Optional.of(NumberType.TOLL_FREE))).isEqualTo(NumberType.LOCAL);
        assertThat(LamlNumbers.typeOf(PhoneNumber.of("+19175550100"), java.util.Optional.of(NumberType.MOBILE))).isEqualTo(NumberType.MOBILE);
        assertThat(LamlNumbers.typeOf(PhoneNumber.of("+18005550100"), java.util.Optional.of(NumberType.MOBILE))).isEqualTo(NumberType.TOLL_FREE);
    }

    // ---- issue 12.6: a refused release is a conflict, whatever code it carries -----------------

    @Test
    void aReleaseRefusedWith409DuringTheCoolDownIsAConflictWhateverCodeItCarries() {
        for (int code : new int[] {LamlErrors.NUMBER_NOT_AVAILABLE, LamlErrors.NUMBER_UNAVAILABLE_TO_BUY, 21220}) {
            OwnedNumber owned = harness.carrier().own(PhoneNumber.of("+1212555" + (1000 + code % 1000)), "line");
            simulator.answerOnce(simulator.releaseRequest(), SimResponse.json(409, "{\"code\":" + code
                    + ",\"message\":\"Phone number is in its cooldown period\",\"more_info\":\"https://www.twilio.com/docs/errors/"
                    + code + "\",\"status\":409}"));
            assertThatThrownBy(() -> provider.inventory().release(owned.number())).as("code " + code)
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.httpStatus()).hasValue(409);
                        assertThat(e.providerCode()).contains(String.valueOf(code));
                        assertThat(e.requestId()).isPresent();
                    })
                    .hasMessageContaining("cool-down").hasMessageContaining(owned.number().e164())
                    .hasMessageContaining("Phone number is in its cooldown period");
            assertThat(harness.carrier().owned(owned.number())).isPresent();
        }
    }

    // ---- issue 12.7: a refusal keeps the provider's status, code, words and request id ---------

    @Test
    void aRefusedPurchaseCarriesTheStatusCodeMessageAndRequestId() {
        Fixtures.seedStandardOffer(harness.carrier());
        PhoneNumber notOffered = PhoneNumber.of("+12125559999");
        assertThatThrownBy(() -> provider.purchaser().purchase(PurchaseRequest.of(notOffered)))
                .isInstanceOfSatisfying(NumberNotAvailableException.class, e -> {
                    assertThat(e.numbers()).containsExactly(notOffered);
                    assertThat(e.httpStatus()).hasValue(400);
                    assertThat(e.providerCode()).contains(String.valueOf(LamlErrors.NUMBER_UNAVAILABLE_TO_BUY));
                    assertThat(e.requestId()).isPresent();
                    assertThat(e.getMessage()).contains("is not available for purchase");
                });
    }

    // ---- issue 12.10: what a purchase returns, and get asks for one number ---------------------

    @Test
    void aCompletedPurchaseReturnsTheIncomingPhoneNumbersTheApiAnswered() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = provider.inventory().search(Fixtures.local(Fixtures.MANHATTAN).limit(2).build());
        PurchaseOrder order = provider.purchaser().purchase(PurchaseRequest.ofOffers(offers).withName("Front desk"));
        assertThat(order.owned()).extracting(OwnedNumber::number).containsExactlyElementsOf(order.purchased()).hasSize(2);
        for (OwnedNumber owned : order.owned()) {
            OwnedNumber truth = harness.carrier().owned(owned.number()).orElseThrow();
            assertThat(owned.id()).isEqualTo(simulator.sid(truth));
            assertThat(owned.createdAt()).isPresent();
            assertThat(owned.name()).contains("Front desk");
            assertThat(owned.attributes()).containsKey("uri");
        }
    }

    @Test
    void getAsksTheApiForThatOneNumberAndMatchesItExactly() {
        harness.carrier().own(PhoneNumber.of("+12125550100"), "line");
        harness.carrier().own(PhoneNumber.of("+121255501001"), "longer");
        assertThat(provider.inventory().get(PhoneNumber.of("+12125550100"))).hasValueSatisfying(n -> assertThat(n.name()).contains("line"));
        SimRequest sent = simulator.served().get(simulator.served().size() - 1);
        assertThat(sent.query()).containsOnlyKeys("PhoneNumber");
        assertThat(sent.param("PhoneNumber")).contains("+12125550100");
        assertThat(provider.inventory().get(PhoneNumber.of("+1212555010"))).isEmpty();
    }

    // ---- the specification check itself -------------------------------------------------------

    @Test
    void twiliosOpenApiRefusesWhatItDoesNotAllow() {
        LamlSpecification twilio = new LamlSpecification(true, "/2010-04-01");
        String root = "/2010-04-01/Accounts/" + LamlHarness.TWILIO_SID;
        java.util.Map<String, String> auth = java.util.Map.of("authorization", "Basic eDp5");
        twilio.request(SimRequest.of("GET", root + "/IncomingPhoneNumbers.json?PageSize=5000", auth, ""));
        twilio.request(SimRequest.of("GET", "/2010-04-01/Accounts/not-a-sid/IncomingPhoneNumbers.json", auth, ""));
        SimRequest list = SimRequest.of("GET", root + "/IncomingPhoneNumbers.json", auth, "");
        twilio.answer(list, SimResponse.json(200, "{\"incoming_phone_numbers\":[{\"sid\":\"PN1\",\"capabilities\":\"all\"}],"
                + "\"next_page_uri\":null}"));
        twilio.answer(list, SimResponse.json(404, "{\"error\":\"Not Found\"}"));
        assertThat(twilio.violations()).hasSize(4);
        LamlSpecification signalWire = new LamlSpecification(false, "/api/laml/2010-04-01");
        signalWire.request(SimRequest.of("GET", account + "/IncomingPhoneNumbers.json?PageSize=5", auth, ""));
        assertThat(signalWire.violations()).isEmpty();
    }
}
