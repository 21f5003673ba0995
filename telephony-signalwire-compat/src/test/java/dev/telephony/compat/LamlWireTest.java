package dev.telephony.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.ListQuery;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.Secret;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.InsufficientFundsException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.error.UnsupportedCapabilityException;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.Redactor;
import dev.telephony.http.RestClient;
import dev.telephony.http.RetryAfter;
import dev.telephony.testkit.contract.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** LaML wire details the contract does not see: form encoding, dates, error codes, shapes, cool-down. */
class LamlWireTest {
    private final LamlHarness harness = new LamlHarness(LamlFlavor.SIGNALWIRE_COMPAT);
    private final TelephonyProvider provider = harness.provider();

    @AfterEach
    void close() {
        harness.close();
    }

    /** Our own fixture in the shape of the seed's purchase response, with its non-strict date. */
    private static final String SEED_SHAPE = """
            {"account_id":"b3877c40-da60-4998-90ad-b792e98472ac","account_sid":"b3877c40-da60-4998-90ad-b792e98472ac",
             "address_requirements":"none","address_sid":null,"api_version":"2010-04-01","beta":false,
             "capabilities":{"voice":true,"sms":true,"mms":true,"fax":true},"country_code":"US",
             "date_created":"Tue, 25 Sept 2018 23:00:00 +0000","date_updated":"Wed, 26 Sept 2018 22:00:00 +0000",
             "emergency_address_sid":null,"emergency_status":"Inactive","friendly_name":"(310) 338-6745","identity_sid":null,
             "origin":"signalwire","phone_number":"+13103386745","sid":"b3877c40-da60-4998-90ad-b792e98472pn",
             "sms_application_sid":null,"sms_fallback_method":"POST","sms_fallback_url":null,"sms_method":"POST",
             "sms_url":"https://example.com/sms","status_callback":null,"status_callback_method":"POST","trunk_sid":null,
             "uri":"/api/laml/2010-04-01/Accounts/b3877c40-da60-4998-90ad-b792e98472ac/IncomingPhoneNumbers/b3877c40-da60-4998-90ad-b792e98472pn.json",
             "voice_application_sid":null,"voice_caller_id_lookup":null,"voice_fallback_method":"GET",
             "voice_fallback_url":"https://example.com/fallback","voice_method":"POST","voice_url":"https://example.com/voice",
             "verification_status":"Unverified"}
            """;

    @Test
    void theSeedsResponseObjectIsMappedInFullIncludingItsLooseDates() throws Exception {
        JsonNode json = RestClient.newMapper().readTree(SEED_SHAPE);
        OwnedNumber number = LamlNumbers.owned(json);
        assertThat(number.id()).isEqualTo("b3877c40-da60-4998-90ad-b792e98472pn");
        assertThat(number.number().e164()).isEqualTo("+13103386745");
        assertThat(number.name()).contains("(310) 338-6745");
        assertThat(number.features()).containsExactlyInAnyOrder(NumberFeature.values());
        assertThat(number.createdAt()).contains(Instant.parse("2018-09-25T23:00:00Z"));
        assertThat(number.voiceRoute()).hasValueSatisfying(r -> {
            assertThat(r.url()).hasToString("https://example.com/voice");
            assertThat(r.fallbackUrl()).hasValueSatisfying(u -> assertThat(u).hasToString("https://example.com/fallback"));
            assertThat(r.fallbackMethod().name()).isEqualTo("GET");
        });
        assertThat(number.messagingRoute()).hasValueSatisfying(r -> assertThat(r.url()).hasToString("https://example.com/sms"));
        json.fieldNames().forEachRemaining(field -> {
            if (!json.get(field).isNull() && !List.of("sid", "phone_number", "friendly_name", "capabilities", "date_created").contains(field)) {
                assertThat(number.attributes()).as(field).containsKey(field);
            }
        });
        assertThat(number.attributes()).containsEntry("date_updated", "Wed, 26 Sept 2018 22:00:00 +0000")
                .containsEntry("verification_status", "Unverified").containsEntry("emergency_status", "Inactive");
    }

    @Test
    void datesAreReadStrictOrLoose() {
        assertThat(LamlNumbers.date("Thu, 30 Jul 2015 20:00:00 +0000")).contains(Instant.parse("2015-07-30T20:00:00Z"));
        assertThat(LamlNumbers.date("Tue, 25 Sept 2018 23:00:00 +0000")).contains(Instant.parse("2018-09-25T23:00:00Z"));
        assertThat(LamlNumbers.date("Wed, 1 Jan 2025 00:00:00 GMT")).contains(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(LamlNumbers.date("not a date")).isEmpty();
    }

    @Test
    void availableNumbersInTheRecordedShapeAreRead() throws Exception {
        // our own item in the shape of SignalWire's recorded Local.json answer (capabilities SMS/MMS in capitals)
        AvailableNumber offer = LamlNumbers.offer(RestClient.newMapper().readTree("""
                {"friendly_name":"206-201-1680","phone_number":"+12062011680","lata":null,"rate_center":"BAINBDG IS",
                 "latitude":null,"longitude":null,"region":"WA","postal_code":null,"iso_country":"US",
                 "capabilities":{"voice":true,"SMS":true,"MMS":false},"beta":false}"""), java.util.Optional.of(NumberType.LOCAL));
        assertThat(offer.number().e164()).isEqualTo("+12062011680");
        assertThat(offer.features()).containsExactlyInAnyOrder(NumberFeature.VOICE, NumberFeature.SMS);
        assertThat(offer.rateCenter()).contains("BAINBDG IS");
        assertThat(offer.locality()).isEmpty();
        assertThat(offer.attributes()).containsEntry("friendly_name", "206-201-1680");
    }

    @Test
    void purchasesAreFormEncodedWithPascalCaseKeysAndAnEncodedPlus() {
        Fixtures.seedStandardOffer(harness.carrier());
        AvailableNumber offer = Fixtures.anOffer(harness, Fixtures.MANHATTAN);
        provider.purchaser().purchase(PurchaseRequest.of(offer).withName("Front desk & co"));
        OwnedNumber bought = harness.carrier().owned(offer.number()).orElseThrow();
        // the simulator decodes the form as a real server does: '+' would have become a space
        assertThat(bought.name()).contains("Front desk & co");
        String form = new String(HttpRequest.post("/x").form(Map.of("PhoneNumber", "+12125550100", "FriendlyName", "a b"))
                .body().orElseThrow(), StandardCharsets.UTF_8);
        assertThat(form).contains("PhoneNumber=%2B12125550100").contains("FriendlyName=a%20b");
    }

    @Test
    void capabilityFiltersSignalWireIgnoresAreAppliedByTheLibrary() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<AvailableNumber> found = provider.inventory().search(NumberSearch.builder().country("US").areaCode(Fixtures.SAN_FRANCISCO)
                .features(NumberFeature.SMS).build());
        assertThat(found).isEmpty();
        assertThat(provider.inventory().search(NumberSearch.builder().country("US").region("CA").limit(3).build())).hasSize(3);
    }

    @Test
    void mobileSearchIsDeclaredForTwilioOnly() {
        assertThatThrownBy(() -> provider.inventory().search(NumberSearch.builder().country("US").type(NumberType.MOBILE).build()))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("signalwire-compat");
        assertThat(LamlFlavor.TWILIO.capabilities()).contains(dev.telephony.api.Capability.SEARCH_MOBILE);
    }

    @Test
    void aReleaseDuringThePostPurchaseCooldownIsAClearTypedError() {
        Fixtures.seedStandardOffer(harness.carrier());
        harness.simulator().cooldown(Duration.ofMinutes(10));
        AvailableNumber offer = Fixtures.anOffer(harness, Fixtures.MANHATTAN);
        provider.purchaser().purchase(PurchaseRequest.of(offer));
        assertThatThrownBy(() -> provider.inventory().release(offer.number()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.httpStatus()).hasValue(409))
                .hasMessageContaining("cool-down").hasMessageContaining(offer.number().e164());
        assertThat(harness.carrier().owned(offer.number())).isPresent();
        harness.clock().advance(Duration.ofMinutes(11));
        provider.inventory().release(offer.number());
        assertThat(harness.carrier().owned(offer.number())).isEmpty();
    }

    @Test
    void listFollowsNextPageUriWithItsPageToken() {
        for (int i = 0; i < 5; i++) {
            harness.carrier().own(PhoneNumber.of("+1646200000" + i), "line " + i);
        }
        var first = provider.inventory().list(ListQuery.builder().pageSize(2).build()).firstPage();
        // the listing's token wraps the API's next_page_uri
        assertThat(first.nextToken()).hasValueSatisfying(t -> assertThat(providerToken(t))
                .startsWith("/api/laml/2010-04-01/Accounts/" + LamlHarness.PROJECT + "/IncomingPhoneNumbers.json?")
                .contains("Page=1").contains("PageToken=PA"));
        assertThat(provider.inventory().list(ListQuery.builder().pageSize(2).build()).stream().count()).isEqualTo(5);
    }

    /** The provider's token inside a listing's token: {@code tl1.<base64url of it>.<check>}. */
    private static String providerToken(String listingToken) {
        assertThat(listingToken).startsWith("tl1.");
        return new String(java.util.Base64.getUrlDecoder().decode(listingToken.substring(4, listingToken.lastIndexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private final LamlErrors errors = new LamlErrors();

    private static final HttpRequest PURCHASE = HttpRequest.post("/2010-04-01/Accounts/AC1/IncomingPhoneNumbers.json")
            .form(Map.of("PhoneNumber", "+12125550100"));
    private static final HttpRequest SEARCH = HttpRequest.get("/2010-04-01/Accounts/AC1/AvailablePhoneNumbers/US/Local.json");

    private RuntimeException translate(int status, String body) {
        return translate(HttpRequest.get("/x"), status, body);
    }

    private RuntimeException translate(HttpRequest request, int status, String body) {
        HttpResponse response = new HttpResponse(status, Map.of("Retry-After", List.of("5")), body.getBytes(StandardCharsets.UTF_8));
        return errors.translate(request, response, ErrorContext.of("twilio").withHttpStatus(status),
                RetryAfter.parse(response.header("Retry-After"), harness.clock()), new Redactor(List.of(Secret.of("t", LamlHarness.TOKEN))));
    }

    private static String flat(int code, String message, int status) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":\"https://www.twilio.com/docs/errors/"
                + code + "\",\"status\":" + status + "}";
    }

    @Test
    void signalWireAndTwilioCodesAreMapped() {
        assertThat(translate(401, flat(20003, "Authentication Error", 401))).isInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertThat(((AuthenticationException) e).providerCode()).contains("20003"));
        assertThat(translate(404, flat(20404, "Not found", 404))).isInstanceOf(NotFoundException.class);
        assertThat(translate(429, flat(20429, "Too Many Requests", 429)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(5)));
        assertThat(translate(PURCHASE, 400, flat(21401, "Invalid Phone Number", 400)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("phoneNumber"));
        assertThat(translate(SEARCH, 400, flat(21451, "Invalid area code", 400))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("search.areaCode");
        assertThat(translate(PURCHASE, 400, flat(21422, "PhoneNumber is not available", 400))).isInstanceOf(NumberNotAvailableException.class);
        assertThat(translate(402, flat(4001, "Insufficient balance", 402))).isInstanceOf(InsufficientFundsException.class);
        assertThat(translate(409, flat(21220, "cooldown", 409))).isInstanceOf(ConflictException.class);
        assertThat(translate(422, "{\"errors\":[{\"code\":\"invalid\",\"message\":\"bad FriendlyName\",\"attribute\":\"FriendlyName\"}]}"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("FriendlyName"));
        assertThat(translate(503, "<html>down " + LamlHarness.TOKEN + "</html>")).hasMessageContaining("down")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(LamlHarness.TOKEN));
    }

    @Test
    void searchesTheApiCannotRunAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> provider.inventory().search(NumberSearch.builder().country("US").locality("Seattle").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("search.locality");
        assertThatThrownBy(() -> provider.inventory().search(NumberSearch.builder().country("GB").areaCode("20").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("search.areaCode");
        assertThat(harness.carrier().requestCount()).isZero();
    }
}
