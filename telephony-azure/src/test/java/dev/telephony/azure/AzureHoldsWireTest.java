package dev.telephony.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.HeldNumber;
import dev.telephony.api.Hold;
import dev.telephony.api.HoldPurchase;
import dev.telephony.api.HoldRequest;
import dev.telephony.api.HoldStatus;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.HoldExpiredException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.contract.Fixtures;
import dev.telephony.testkit.wire.SimRequest;
import dev.telephony.testkit.wire.SimResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Azure's browse and reservations (api-version 2025-04-01), sent through the SDK's pipeline: the bodies
 * sent, the answers read (strictly: another shape is a protocol error), per-number errors and 207,
 * expiry on the carrier's clock, the reservation's purchase under lost answers, and buying one number of
 * a browse without buying anything else. Canned answers follow the shapes of the specification's
 * examples, with our own values.
 */
class AzureHoldsWireTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROWSE = "/availablePhoneNumbers/countries/US/:browse";
    private static final String RESERVATIONS = "/availablePhoneNumbers/reservations";

    private final AzureHarness harness = new AzureHarness();
    private final TelephonyProvider provider = harness.provider();

    @AfterEach
    void close() {
        harness.close();
    }

    private List<AvailableNumber> browse(int limit) {
        return provider.inventory().search(Fixtures.local(Fixtures.MANHATTAN).limit(limit).build());
    }

    private static JsonNode body(SimRequest request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + request.body(), e);
        }
    }

    private static String available(String number, String type, String calling, String sms, String status) {
        return "{\"id\":\"" + number.substring(1) + "\",\"countryCode\":\"US\",\"phoneNumber\":\"" + number + "\","
                + "\"capabilities\":{\"calling\":\"" + calling + "\",\"sms\":\"" + sms + "\"},\"phoneNumberType\":\"" + type + "\","
                + "\"assignmentType\":\"application\",\"cost\":{\"amount\":1.5,\"currencyCode\":\"USD\",\"billingFrequency\":\"monthly\"},"
                + "\"status\":\"" + status + "\"}";
    }

    private List<PhoneNumber> owned() {
        return harness.carrier().ownedNumbers().stream().map(OwnedNumber::number).toList();
    }

    // ---- browse ---------------------------------------------------------------------------------

    @Test
    void aSearchWithoutAHoldIsAzuresBrowseOfTheAreaCodesPrefixAndHoldsNothing() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = provider.inventory().search(Fixtures.local(Fixtures.MANHATTAN).features(NumberFeature.SMS).limit(3).build());

        SimRequest sent = harness.simulator().requests("POST", BROWSE).get(0);
        assertThat(sent.param("api-version")).contains(AzureResources.HOLDS_API_VERSION);
        JsonNode body = body(sent);
        assertThat(body.path("phoneNumberType").asText()).isEqualTo("geographic");
        assertThat(body.path("assignmentType").asText()).isEqualTo("application");
        assertThat(body.path("phoneNumberPrefixes").toString()).isEqualTo("[\"1212\"]");
        assertThat(body.path("capabilities").path("sms").asText()).isEqualTo("inbound+outbound");
        assertThat(body.path("capabilities").path("calling").asText()).isEqualTo("none");
        assertThat(offers).hasSize(3).allSatisfy(o -> {
            assertThat(o.holdExpiresAt()).as("a browse holds nothing").isEmpty();
            assertThat(o.attributes()).containsEntry(AzureHolds.SOURCE, AzureHolds.BROWSED).containsEntry("assignmentType", "application")
                    .containsEntry("calling", "inbound+outbound").containsEntry("sms", "inbound+outbound").doesNotContainKey("searchId");
            assertThat(o.number().nationalNumber()).startsWith(Fixtures.MANHATTAN);
        });
        assertThat(harness.simulator().requests("POST", "/availablePhoneNumbers/countries/US/:search")).as("no search LRO").isEmpty();
        assertThat(harness.simulator().reservationCount()).isZero();
        // a browse holds nothing: the same numbers are offered to the next one
        assertThat(browse(50)).extracting(AvailableNumber::number).containsAll(offers.stream().map(AvailableNumber::number).toList());
    }

    @Test
    void aBrowsesOffersCarryTheFactsOfTheAnswerAndOnesThatDoNotMatchAreLeftOut() {
        String answer = "{\"phoneNumbers\":[" + available("+12125550170", "geographic", "inbound", "none", "available") + ","
                + available("+18005550170", "tollFree", "inbound+outbound", "none", "available") + ","
                + available("+12125550171", "geographic", "inbound+outbound", "outbound", "available") + ","
                + available("+12125550172", "geographic", "inbound+outbound", "none", "reserved") + "]}";
        harness.simulator().answer("POST", BROWSE, SimResponse.json(200, answer), 1);

        List<AvailableNumber> offers = browse(10);

        assertThat(offers).extracting(AvailableNumber::number)
                .as("the toll-free number is not a local one; the reserved one is not on offer")
                .containsExactly(PhoneNumber.of("+12125550170"), PhoneNumber.of("+12125550171"));
        assertThat(offers.get(0).features()).containsExactly(NumberFeature.VOICE);
        assertThat(offers.get(1).features()).containsExactlyInAnyOrder(NumberFeature.VOICE, NumberFeature.SMS);
        assertThat(offers.get(0).type()).isEqualTo(NumberType.LOCAL);
        assertThat(offers.get(0).attributes()).containsEntry("cost", "1.5 USD").containsEntry("calling", "inbound");
    }

    @Test
    void aBrowseAnswerInAnotherShapeIsAProtocolErrorNeverAnEmptyResult() {
        String good = available("+12125550170", "geographic", "inbound", "none", "available");
        List<String> bodies = List.of("{}", "{\"phoneNumbers\":{}}", "{\"phoneNumbers\":[42]}", "[]",
                "{\"phoneNumbers\":[" + good.replace("\"countryCode\":\"US\",", "") + "]}",
                "{\"phoneNumbers\":[" + good.replace("\"phoneNumber\":\"+12125550170\",", "") + "]}",
                "{\"phoneNumbers\":[" + good.replace("\"assignmentType\":\"application\",", "") + "]}",
                "{\"phoneNumbers\":[" + good.replace("+12125550170", "2125550170") + "]}",
                "{\"phoneNumbers\":[" + good.replace("\"inbound\"", "\"sideways\"") + "]}",
                "{\"phoneNumbers\":[" + good.replace("\"geographic\"", "\"satellite\"") + "]}",
                "{\"phoneNumbers\":[" + good.replace("\"available\"", "\"pending\"") + "]}",
                "{\"phoneNumbers\":[" + good.replace("\"countryCode\":\"US\"", "\"countryCode\":\"U5A\"") + "]}",
                "{\"phoneNumbers\":[" + good.replace("\"amount\":1.5", "\"amount\":\"cheap\"") + "]}",
                "{\"phoneNumbers\":[" + good + "," + good + "]}");
        for (String body : bodies) {
            harness.simulator().answer("POST", BROWSE, SimResponse.json(200, body), 1);
            assertThatThrownBy(() -> browse(5)).as(body).isInstanceOf(ProtocolException.class);
        }
        harness.simulator().answer("POST", BROWSE, SimResponse.json(201, "{\"phoneNumbers\":[" + good + "]}"), 1);
        assertThatThrownBy(() -> browse(5)).as("a status Azure does not document for a browse").isInstanceOf(ProtocolException.class);
        harness.simulator().answer("POST", BROWSE, SimResponse.json(200, "{\"phoneNumbers\":[]}"), 1);
        assertThat(browse(5)).as("an empty list is an empty answer").isEmpty();
    }

    // ---- reservations ---------------------------------------------------------------------------

    @Test
    void aHoldIsAReservationPatchedUnderANewIdWithEachNumbersAvailablePhoneNumber() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = browse(2);

        Hold hold = provider.holds().create(HoldRequest.ofOffers(offers));

        List<SimRequest> patches = harness.simulator().requests("PATCH", RESERVATIONS + "/");
        assertThat(patches).hasSize(1);
        SimRequest patch = patches.get(0);
        assertThat(patch.lastSegment()).isEqualTo(hold.id()).matches("[0-9a-f-]{36}");
        assertThat(patch.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/merge-patch+json"));
        assertThat(patch.param("api-version")).contains(AzureResources.HOLDS_API_VERSION);
        JsonNode entries = body(patch).path("phoneNumbers");
        for (AvailableNumber offer : offers) {
            JsonNode entry = entries.path(offer.number().digits());
            assertThat(entry.path("countryCode").asText()).isEqualTo("US");
            assertThat(entry.path("phoneNumberType").asText()).isEqualTo("geographic");
            assertThat(entry.path("assignmentType").asText()).isEqualTo("application");
            assertThat(entry.path("capabilities").path("calling").asText()).isEqualTo(offer.attributes().get("calling"));
        }
        assertThat(hold.status()).isEqualTo(HoldStatus.ACTIVE);
        assertThat(hold.held()).containsExactlyInAnyOrderElementsOf(offers.stream().map(AvailableNumber::number).toList());
        assertThat(hold.expiresAt()).isEqualTo(harness.clock().instant().plus(AzureSimulator.HOLD));
        assertThat(harness.carrier().requestCount(RequestKind.HOLD)).isEqualTo(1);
        // the reservation is the carrier's own hold: the carrier offers its numbers to no one else
        offers.forEach(o -> assertThat(harness.carrier().isAvailable(o.number())).as("%s, reserved", o.number()).isFalse());
        assertThat(harness.carrier().hold(harness.carrier().holds().get(0).id())).hasValueSatisfying(
                h -> assertThat(h.held()).containsExactlyInAnyOrderElementsOf(hold.held()));
    }

    @Test
    void browseAndReservationsAreSignedLikeEveryRequestAndRefusedWithTheWrongKey() {
        Fixtures.seedStandardOffer(harness.carrier());
        Hold hold = provider.holds().create(HoldRequest.of(browse(1).get(0)));
        provider.holds().get(hold.id());
        assertThat(harness.simulator().rejectedSignatures()).as("requests whose HMAC signature did not verify").isZero();

        TelephonyProvider wrongKey = harness.connectWithInvalidCredentials();
        assertThatThrownBy(() -> wrongKey.holds().get(hold.id())).isInstanceOf(dev.telephony.api.error.AuthenticationException.class);
        assertThatThrownBy(() -> wrongKey.inventory().search(Fixtures.local(Fixtures.MANHATTAN).build()))
                .isInstanceOf(dev.telephony.api.error.AuthenticationException.class);
        assertThat(harness.simulator().rejectedSignatures()).isEqualTo(2);
    }

    @Test
    void addRemoveGetListAndReleaseAreAzuresReservationCalls() {
        Fixtures.seedStandardOffer(harness.carrier());
        harness.simulator().reservationPageSize(2);
        List<AvailableNumber> offers = browse(4);
        Hold hold = provider.holds().create(HoldRequest.of(offers.get(0)));

        Hold added = provider.holds().add(hold.id(), HoldRequest.ofOffers(offers.subList(1, 3)));
        assertThat(added.held()).hasSize(3);
        JsonNode addition = body(harness.simulator().requests("PATCH", RESERVATIONS + "/").get(1)).path("phoneNumbers");
        assertThat(addition.size()).as("an addition names only the new numbers").isEqualTo(2);

        Hold removed = provider.holds().remove(hold.id(), List.of(offers.get(1).number()));
        JsonNode removal = body(harness.simulator().requests("PATCH", RESERVATIONS + "/").get(2)).path("phoneNumbers");
        assertThat(removal.has(offers.get(1).number().digits())).isTrue();
        assertThat(removal.get(offers.get(1).number().digits()).isNull()).as("merge-patch: null removes").isTrue();
        assertThat(removed.held()).containsExactlyInAnyOrder(offers.get(0).number(), offers.get(2).number());

        assertThat(provider.holds().get(hold.id())).hasValueSatisfying(read -> assertThat(read.held()).hasSize(2));
        String other = provider.holds().create(HoldRequest.of(offers.get(3))).id();
        String third = provider.holds().create(HoldRequest.of(offers.get(1))).id();
        int listsBefore = harness.simulator().requests("GET", RESERVATIONS).size();
        List<Hold> listed = provider.holds().list().stream().toList();
        assertThat(listed).extracting(Hold::id).containsExactlyInAnyOrder(hold.id(), other, third);
        assertThat(listed).allSatisfy(h -> assertThat(h.held()).as("each listed hold is read with its numbers").isNotEmpty());
        assertThat(harness.simulator().requests("GET", RESERVATIONS).stream().skip(listsBefore)
                .filter(r -> r.rawPath().equals(RESERVATIONS)).count()).as("pages of two, linked by nextLink").isEqualTo(2);

        provider.holds().release(other);
        assertThat(provider.holds().get(other)).isEmpty();
        assertThat(harness.carrier().isAvailable(offers.get(3).number())).isTrue();
        assertThatThrownBy(() -> provider.holds().release(other)).isInstanceOf(NotFoundException.class);
        assertThat(owned()).isEmpty();
    }

    @Test
    void aNumberAzureCouldNotReserveIsAnErrorWithAzuresCodeAndWordsAndA207IsStillTheHold() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = browse(2);
        harness.carrier().own(offers.get(1).number(), null);

        Hold hold = provider.holds().create(HoldRequest.ofOffers(offers));

        assertThat(hold.held()).containsExactly(offers.get(0).number());
        assertThat(hold.errors()).singleElement().satisfies(e -> {
            assertThat(e.number()).isEqualTo(offers.get(1).number());
            assertThat(e.errorCode()).contains("FailedToReserveNumber");
            assertThat(e.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains(offers.get(1).number().e164()));
        });

        // Azure's own 207 example: one number reserved, one in error, the reservation still active
        String id = "65c18c7f-8074-4efb-a572-e0df127a9964";
        String partial = "{\"id\":\"" + id + "\",\"expiresAt\":\"2026-01-05T09:15:00Z\",\"phoneNumbers\":{"
                + "\"12125550180\":" + available("+12125550180", "geographic", "outbound", "none", "reserved") + ","
                + "\"12125550181\":" + available("+12125550181", "geographic", "outbound", "none", "error").replace("\"status\":\"error\"}",
                "\"status\":\"error\",\"error\":{\"code\":\"FailedToReserveNumber\",\"message\":\"Failed to add the number.\"}}")
                + "},\"status\":\"active\"}";
        harness.simulator().answer("GET", RESERVATIONS + "/" + id, SimResponse.json(200, partial), 1);
        harness.simulator().answer("PATCH", RESERVATIONS + "/" + id, SimResponse.json(207, partial), 1);
        Hold changed = provider.holds().add(id, HoldRequest.ofOffers(offers.subList(0, 1)));
        assertThat(changed.status()).isEqualTo(HoldStatus.ACTIVE);
        assertThat(changed.held()).containsExactly(PhoneNumber.of("+12125550180"));
        assertThat(changed.number(PhoneNumber.of("+12125550181"))).hasValueSatisfying(n -> {
            assertThat(n.status()).isEqualTo(HeldNumber.Status.ERROR);
            assertThat(n.errorCode()).contains("FailedToReserveNumber");
        });
        assertThat(changed.expiresAt()).isEqualTo(Instant.parse("2026-01-05T09:15:00Z"));
    }

    @Test
    void aReservationAnswerInAnotherShapeIsAProtocolError() {
        String id = "65c18c7f-8074-4efb-a572-e0df127a9964";
        String entry = available("+12125550180", "geographic", "outbound", "none", "reserved");
        String good = "{\"id\":\"" + id + "\",\"expiresAt\":\"2026-01-05T09:15:00Z\",\"phoneNumbers\":{\"12125550180\":" + entry
                + "},\"status\":\"active\"}";
        List<String> bodies = List.of("{}", good.replace("\"status\":\"active\"", "\"status\":\"paused\""),
                good.replace("\"expiresAt\":\"2026-01-05T09:15:00Z\",", ""), good.replace("2026-01-05T09:15:00Z", "soon"),
                good.replace(id, "11111111-2222-3333-4444-555555555555"), good.replace("\"12125550180\":", "\"12125550199\":"),
                good.replace("\"status\":\"reserved\"", "\"status\":\"held\""), good.replace(",\"status\":\"reserved\"", ""),
                good.replace("{\"12125550180\":" + entry + "}", "[]"), good.replace(",\"phoneNumbers\":{\"12125550180\":" + entry + "}", ""));
        for (String body : bodies) {
            harness.simulator().answer("GET", RESERVATIONS + "/" + id, SimResponse.json(200, body), 1);
            assertThatThrownBy(() -> provider.holds().get(id)).as(body).isInstanceOf(ProtocolException.class);
        }
        harness.simulator().answer("GET", RESERVATIONS + "/" + id, SimResponse.json(200, good), 1);
        assertThat(provider.holds().get(id)).hasValueSatisfying(h -> assertThat(h.held()).containsExactly(PhoneNumber.of("+12125550180")));
        harness.simulator().answer("GET", RESERVATIONS, SimResponse.json(200, "{\"reservations\":{}}"), 1);
        assertThatThrownBy(() -> provider.holds().list().firstPage()).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aLostAnswerToAReservationPatchIsSentAgainUnderTheSameIdAndHoldsOnce() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = browse(2);
        harness.faults().injectOnce(RequestKind.HOLD, Fault.resetAfterCommit());

        Hold hold = provider.holds().create(HoldRequest.ofOffers(offers));

        List<SimRequest> patches = harness.simulator().requests("PATCH", RESERVATIONS + "/");
        assertThat(patches).hasSize(2).extracting(SimRequest::lastSegment).containsOnly(hold.id());
        assertThat(patches.get(1).body()).isEqualTo(patches.get(0).body());
        assertThat(harness.simulator().reservationCount()).isEqualTo(1);
        assertThat(hold.held()).hasSize(2);
    }

    @Test
    void aReservationExpiresFifteenMinutesAfterItsLastChangeAndAtMostTwoHoursAfterCreation() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = browse(20);
        Instant created = harness.clock().instant();
        Hold hold = provider.holds().create(HoldRequest.of(offers.get(0)));
        assertThat(hold.expiresAt()).isEqualTo(created.plus(Duration.ofMinutes(15)));
        for (int i = 1; i <= 11; i++) {
            harness.clock().advance(Duration.ofMinutes(10));
            hold = provider.holds().add(hold.id(), HoldRequest.of(offers.get(i)));
        }
        assertThat(hold.expiresAt()).as("capped two hours after creation").isEqualTo(created.plus(Duration.ofHours(2)));
        Hold last = hold;
        harness.clock().advance(Duration.between(harness.clock().instant(), hold.expiresAt()));

        assertThat(provider.holds().get(hold.id())).hasValueSatisfying(read -> {
            assertThat(read.status()).isEqualTo(HoldStatus.EXPIRED);
            assertThat(read.held()).isEmpty();
            assertThat(read.numbers()).allSatisfy(n -> assertThat(n.status()).isEqualTo(HeldNumber.Status.EXPIRED));
        });
        int before = harness.carrier().requestCount();
        assertThatThrownBy(() -> provider.holds().purchase(HoldPurchase.of(last))).isInstanceOf(HoldExpiredException.class);
        assertThat(harness.carrier().requestCount()).as("nothing sent to buy a hold known to have expired").isEqualTo(before);
        assertThatThrownBy(() -> provider.holds().purchase(HoldPurchase.of(last.id()))).isInstanceOf(HoldExpiredException.class);
        assertThat(harness.simulator().requests("POST", RESERVATIONS)).isEmpty();
        assertThatThrownBy(() -> provider.holds().add(last.id(), HoldRequest.of(offers.get(15)))).isInstanceOf(ConflictException.class);
        assertThat(harness.carrier().isAvailable(offers.get(0).number())).isTrue();
    }

    // ---- purchase -------------------------------------------------------------------------------

    @Test
    void aSingleNumberOfABrowseIsBoughtWithoutBuyingAnythingElse() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = browse(5);
        AvailableNumber chosen = offers.get(3);

        PurchaseOrder placed = provider.purchaser().purchase(PurchaseRequest.of(chosen));
        assertThat(placed.status()).isEqualTo(PurchaseStatus.PENDING);
        assertThat(placed.attributes()).containsKey(AzureHolds.RESERVATION_ID).hasEntrySatisfying("operationId",
                id -> assertThat(id).startsWith("reservationPurchase_"));
        PurchaseOrder done = provider.purchaser().await(placed.id(), Duration.ofMinutes(5));

        assertThat(done.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(done.purchased()).containsExactly(chosen.number());
        assertThat(owned()).containsExactly(chosen.number());
        assertThat(harness.carrier().purchases()).containsExactly(chosen.number());
        JsonNode reserved = body(harness.simulator().requests("PATCH", RESERVATIONS + "/").get(0)).path("phoneNumbers");
        assertThat(reserved.size()).as("the reservation names exactly the number bought").isEqualTo(1);
        assertThat(reserved.has(chosen.number().digits())).isTrue();
        offers.stream().filter(o -> !o.equals(chosen)).forEach(o -> assertThat(harness.carrier().isAvailable(o.number())).isTrue());
        assertThat(harness.reconnect().purchaser().order(placed.id())).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo(PurchaseStatus.COMPLETED);
            assertThat(o.purchased()).containsExactly(chosen.number());
        });
    }

    @Test
    void aHoldsPurchaseIsAzuresReservationPurchaseWithTheAgreementWhenAsked() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = browse(3);
        harness.simulator().requireAgreementToNotResell(offers.get(0).number());
        Hold plain = provider.holds().create(HoldRequest.of(offers.get(1)));
        Hold restricted = provider.holds().create(HoldRequest.of(offers.get(0)));
        assertThat(restricted.number(offers.get(0).number()).orElseThrow().offer().attributes())
                .containsEntry(AzureHolds.AGREEMENT, "true");

        PurchaseOrder first = provider.purchaser().await(provider.holds().purchase(HoldPurchase.of(plain)).id(), Duration.ofMinutes(5));
        assertThat(first.purchased()).containsExactly(offers.get(1).number());
        SimRequest sent = harness.simulator().requests("POST", RESERVATIONS + "/" + plain.id() + "/:purchase").get(0);
        assertThat(body(sent).has("agreeToNotResell")).as("no agreement given when none was asked").isFalse();

        int before = harness.carrier().requestCount(RequestKind.PURCHASE);
        assertThatThrownBy(() -> provider.holds().purchase(HoldPurchase.of(restricted)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getMessage()).contains("agreeToNotResell").contains(offers.get(0).number().e164());
                });
        assertThat(harness.carrier().requestCount(RequestKind.PURCHASE)).as("refused before the purchase is sent").isEqualTo(before);

        PurchaseOrder agreed = provider.purchaser().await(provider.holds().purchase(HoldPurchase.of(restricted).agreeingNotToResell()).id(),
                Duration.ofMinutes(5));
        assertThat(agreed.purchased()).containsExactly(offers.get(0).number());
        SimRequest agreedRequest = harness.simulator().requests("POST", RESERVATIONS + "/" + restricted.id() + "/:purchase").get(0);
        assertThat(body(agreedRequest).path("agreeToNotResell").asBoolean()).isTrue();
        assertThat(owned()).containsExactlyInAnyOrder(offers.get(0).number(), offers.get(1).number());

        // a plain purchase of such an offer cannot agree: refused before anything is sent
        AvailableNumber third = offers.get(2);
        harness.simulator().requireAgreementToNotResell(third.number());
        AvailableNumber rebrowsed = browse(10).stream().filter(o -> o.number().equals(third.number())).findFirst().orElseThrow();
        assertThatThrownBy(() -> provider.purchaser().purchase(PurchaseRequest.of(rebrowsed))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("agree");
    }

    @Test
    void azureRefusingAPurchaseWithoutTheAgreementIsATypedRefusalInAzuresWords() {
        Fixtures.seedStandardOffer(harness.carrier());
        Hold hold = provider.holds().create(HoldRequest.of(browse(1).get(0)));
        harness.simulator().answer("POST", RESERVATIONS + "/" + hold.id() + "/:purchase", AzureSimulator.error(400,
                "AgreementToNotResellRequired", "The agreement to not resell is required.", "agreeToNotResell"), 1);

        assertThatThrownBy(() -> provider.holds().purchase(HoldPurchase.of(hold)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.providerCode()).contains("AgreementToNotResellRequired");
                    assertThat(e.httpStatus()).hasValue(400);
                    assertThat(e.getMessage()).contains("agreeToNotResell");
                });
        assertThat(owned()).isEmpty();
        assertThat(harness.simulator().requests("POST", RESERVATIONS + "/" + hold.id() + "/:purchase")).as("sent once").hasSize(1);
    }

    @Test
    void aLostAnswerToAReservationPurchaseIsReconciledFromTheReservationAndNeverSentAgain() {
        Fixtures.seedStandardOffer(harness.carrier());
        for (Fault fault : List.of(Fault.resetAfterCommit(), Fault.malformedBody(), Fault.timeoutAfterCommit())) {
            List<AvailableNumber> offers = browse(2);
            List<PhoneNumber> numbers = offers.stream().map(AvailableNumber::number).toList();
            Hold hold = provider.holds().create(HoldRequest.ofOffers(offers));
            int purchasesBefore = harness.carrier().requestCount(RequestKind.PURCHASE);
            harness.faults().injectOnce(RequestKind.PURCHASE, fault);

            PurchaseOrder placed = provider.holds().purchase(HoldPurchase.of(hold));
            assertThat(placed.status()).as(fault.kind().name()).isEqualTo(PurchaseStatus.PENDING);
            PurchaseOrder done = provider.purchaser().await(placed.id(), Duration.ofMinutes(5));

            assertThat(done.status()).as(fault.kind().name()).isEqualTo(PurchaseStatus.COMPLETED);
            assertThat(done.purchased()).containsExactlyInAnyOrderElementsOf(numbers);
            assertThat(harness.carrier().requestCount(RequestKind.PURCHASE) - purchasesBefore).as("purchase POSTs").isEqualTo(1);
            numbers.forEach(n -> assertThat(harness.carrier().timesBought(n)).isEqualTo(1));
        }
        assertThat(harness.carrier().repeatedPurchases()).isEmpty();
    }

    @Test
    void aReservationPurchaseRefusedWithAServerErrorIsSentAgainOnlyAfterTheReservationShowsItActive() {
        Fixtures.seedStandardOffer(harness.carrier());
        AvailableNumber offer = browse(1).get(0);
        harness.faults().injectOnce(RequestKind.PURCHASE, Fault.serverError());

        PurchaseOrder done = provider.purchaser().await(provider.purchaser().purchase(PurchaseRequest.of(offer)).id(), Duration.ofMinutes(5));

        assertThat(done.purchased()).containsExactly(offer.number());
        assertThat(harness.carrier().requestCount(RequestKind.PURCHASE)).isEqualTo(2);
        assertThat(harness.carrier().timesBought(offer.number())).isEqualTo(1);
        assertThat(harness.carrier().repeatedPurchases()).isEmpty();
    }

    @Test
    void aLostPurchaseAnswerThenAnUnreadableReservationIsOutcomeUnknownNeverASecondPurchase() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = browse(2);
        List<PhoneNumber> numbers = offers.stream().map(AvailableNumber::number).toList();
        Hold hold = provider.holds().create(HoldRequest.ofOffers(offers));
        harness.faults().injectOnce(RequestKind.PURCHASE, Fault.resetAfterCommit());
        // the reservation reads fine before the purchase; after it, the read the reconciliation makes is broken
        harness.simulator().answer("GET", RESERVATIONS + "/" + hold.id(),
                r -> harness.simulator().requests("POST", RESERVATIONS + "/" + hold.id() + "/:purchase").isEmpty()
                        ? null : SimResponse.json(200, "{\"status\":\"active\"}"), 100);

        assertThatThrownBy(() -> provider.holds().purchase(HoldPurchase.of(hold)))
                .isInstanceOfSatisfying(PurchaseOutcomeUnknownException.class,
                        e -> assertThat(e.numbers()).containsExactlyInAnyOrderElementsOf(numbers));
        assertThat(harness.carrier().requestCount(RequestKind.PURCHASE)).as("purchase POSTs").isEqualTo(1);
        assertThat(harness.carrier().repeatedPurchases()).isEmpty();
    }

    @Test
    void aPlainPurchaseOfBrowsedNumbersAzureCouldNotReserveIsRefusedAndBuysNothing() {
        Fixtures.seedStandardOffer(harness.carrier());
        AvailableNumber offer = browse(1).get(0);
        Hold someoneElses = harness.reconnect().holds().create(HoldRequest.of(offer));
        assertThat(someoneElses.held()).containsExactly(offer.number());

        assertThatThrownBy(() -> provider.purchaser().purchase(PurchaseRequest.of(offer)))
                .isInstanceOfSatisfying(NumberNotAvailableException.class, e -> {
                    assertThat(e.numbers()).containsExactly(offer.number());
                    assertThat(e.providerCode()).contains("FailedToReserveNumber");
                });
        assertThat(harness.carrier().requestCount(RequestKind.PURCHASE)).isZero();
        assertThat(owned()).isEmpty();
    }

    @Test
    void bareNumbersAreHeldWithTheFactsABrowseByTheNumbersGives() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> offers = browse(2);
        PhoneNumber tollFree = provider.inventory().search(NumberSearch.builder().country("US").type(NumberType.TOLL_FREE).limit(1).build())
                .get(0).number();

        Hold hold = provider.holds().create(HoldRequest.of(offers.get(0).number(), tollFree));

        assertThat(hold.held()).containsExactlyInAnyOrder(offers.get(0).number(), tollFree);
        assertThat(hold.number(tollFree).orElseThrow().offer().type()).isEqualTo(NumberType.TOLL_FREE);
        List<SimRequest> lookUps = harness.simulator().requests("POST", BROWSE);
        assertThat(body(lookUps.get(lookUps.size() - 2)).path("phoneNumberPrefixes").toString())
                .contains(offers.get(0).number().digits()).contains(tollFree.digits());
        assertThatThrownBy(() -> provider.holds().create(HoldRequest.of(PhoneNumber.of("+12125559999"))))
                .isInstanceOf(NumberNotAvailableException.class).hasMessageContaining("+12125559999");
    }
}
