package dev.telephony.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.Secret;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.http.Authentication;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.JsonTokens;
import dev.telephony.http.RestClient;
import dev.telephony.testkit.wire.ReadingParity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Search answers are read straight from their JSON tokens; whatever that reading accepts, the strict
 * tree reading must read to the same values, and whatever the tree reading refuses, the token reading
 * must decline (so the tree reading names the error).
 */
class LamlTokenReadingTest {
    static final String ACCOUNT = "AC" + "0".repeat(32);
    /**
     * Twilio's and SignalWire's item shapes, attributes of every JSON type, and the list's {@code uri}
     * after its items (the type of a number can depend on it).
     */
    static final String DOCUMENTED = "{\"available_phone_numbers\":["
            + "{\"friendly_name\":\"(212) 555-0100\",\"phone_number\":\"+12125550100\",\"lata\":\"132\",\"rate_center\":\"NWYRCYZN01\","
            + "\"latitude\":\"40.7\",\"longitude\":-73.9,\"region\":\"NY\",\"postal_code\":10001,\"iso_country\":\"US\",\"locality\":\"New York\","
            + "\"address_requirements\":\"none\",\"beta\":false,\"capabilities\":{\"voice\":true,\"sms\":true,\"mms\":false,\"fax\":false}},"
            + "{\"friendly_name\":\"\",\"phone_number\":\"+12125550101\",\"lata\":null,\"rate_center\":null,\"latitude\":1.50,"
            + "\"longitude\":null,\"region\":\"NY\",\"postal_code\":null,\"iso_country\":\"US\",\"locality\":null,"
            + "\"capabilities\":{\"voice\":true,\"SMS\":true,\"MMS\":true},\"beta\":true,\"unknown\":[{\"deep\":{}}]},"
            + "{\"phone_number\":\"+18885550102\",\"capabilities\":{}},"
            + "{\"phone_number\":\"+447700900123\",\"iso_country\":\"GB\",\"capabilities\":{\"Voice\":true}}"
            + "],\"uri\":\"/2010-04-01/Accounts/" + ACCOUNT + "/AvailablePhoneNumbers/US/Mobile.json?PageSize=4\",\"end\":3}";

    /** A page of incoming phone numbers: Twilio's full object and SignalWire's shorter one, with and without routes. */
    static final String PAGE = "{\"first_page_uri\":\"/2010-04-01/Accounts/" + ACCOUNT + "/IncomingPhoneNumbers.json?PageSize=2&Page=0\","
            + "\"end\":1,\"previous_page_uri\":null,\"incoming_phone_numbers\":["
            + "{\"account_sid\":\"" + ACCOUNT + "\",\"address_requirements\":\"none\",\"address_sid\":null,\"api_version\":\"2010-04-01\","
            + "\"beta\":false,\"capabilities\":{\"voice\":true,\"sms\":true,\"mms\":true,\"fax\":false},"
            + "\"date_created\":\"Thu, 30 Jul 2015 23:19:04 +0000\",\"date_updated\":\"Thu, 30 Jul 2015 23:19:04 +0000\","
            + "\"emergency_status\":\"Active\",\"friendly_name\":\"(212) 555-0100\",\"origin\":\"twilio\",\"phone_number\":\"+12125550100\","
            + "\"sid\":\"PN" + "1".repeat(32) + "\",\"sms_fallback_method\":\"POST\",\"sms_fallback_url\":\"\",\"sms_method\":\"POST\","
            + "\"sms_url\":\"\",\"status_callback\":\"\",\"voice_caller_id_lookup\":false,\"voice_fallback_method\":\"GET\","
            + "\"voice_fallback_url\":\"https://example.com/fallback\",\"voice_method\":\"get\",\"voice_url\":\"https://example.com/voice\","
            + "\"status\":\"in-use\",\"type\":\"local\",\"subresource_uris\":{\"assigned_add_ons\":\"/x.json\"},\"weight\":2.50},"
            + "{\"sid\":\"PN" + "2".repeat(32) + "\",\"phone_number\":\"+18885550101\",\"friendly_name\":null,"
            + "\"date_created\":\"Tue, 25 Sept 2018 20:00:00 +0000\",\"capabilities\":{\"voice\":true,\"SMS\":false},"
            + "\"sms_url\":\"https://example.com/sms\",\"sms_method\":null,\"voice_url\":null}"
            + "],\"next_page_uri\":\"/2010-04-01/Accounts/" + ACCOUNT + "/IncomingPhoneNumbers.json?PageSize=2&Page=1&PageToken=PA2\","
            + "\"page\":0,\"page_size\":2,\"start\":0}";

    final RestClient client = RestClient.builder("twilio", URI.create("http://127.0.0.1:9"))
            .authentication(Authentication.basic(ACCOUNT, Secret.of("auth-token", "token-for-the-reading-test")))
            .errors(new LamlErrors()).build();
    final LamlInventory inventory = new LamlInventory(client, LamlFlavor.TWILIO, "/2010-04-01/Accounts/" + ACCOUNT);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void documentedSearchAnswersAreReadFromTheirTokensToWhatTheTreeReads() {
        HttpResponse answer = answer(DOCUMENTED);
        Optional<List<AvailableNumber>> tokens = JsonTokens.read(answer, LamlInventory::offersFromTokens);

        assertThat(tokens).isPresent();
        assertThat(tokens.get()).isEqualTo(inventory.offers(answer)).hasSize(4);
        assertThat(tokens.get().get(0).attributes()).containsEntry("longitude", "-73.9").containsEntry("postal_code", "10001")
                .containsEntry("beta", "false").containsEntry("latitude", "40.7");
        assertThat(tokens.get().get(1).attributes()).containsEntry("latitude", "1.5").doesNotContainKey("friendly_name");
        assertThat(tokens.get().get(1).features()).containsExactlyInAnyOrder(NumberFeature.VOICE, NumberFeature.SMS, NumberFeature.MMS);
        assertThat(tokens.get().get(0).type()).as("the Mobile list's North American numbers").isEqualTo(NumberType.MOBILE);
        assertThat(tokens.get().get(2).type()).isEqualTo(NumberType.TOLL_FREE);
        assertThat(JsonTokens.read(answer("{\"available_phone_numbers\":[]}"), LamlInventory::offersFromTokens)).contains(List.of());
    }

    @Test
    void documentedPagesOfIncomingNumbersAreReadFromTheirTokensToWhatTheTreeReads() {
        HttpResponse answer = answer(PAGE);
        Optional<LamlInventory.ListPage> tokens = JsonTokens.read(answer, LamlInventory::pageFromTokens);

        assertThat(tokens).isPresent();
        assertThat(tokens.get()).isEqualTo(inventory.page(answer));
        assertThat(tokens.get().next()).hasValueSatisfying(next -> assertThat(next).endsWith("PageToken=PA2"));
        OwnedNumber first = tokens.get().items().get(0);
        assertThat(first.voiceRoute()).hasValueSatisfying(route -> assertThat(route.fallbackUrl()).isPresent());
        assertThat(first.messagingRoute()).isEmpty();
        assertThat(first.attributes()).containsEntry("subresource_uris", "{\"assigned_add_ons\":\"/x.json\"}")
                .containsEntry("weight", "2.5").containsEntry("beta", "false").containsEntry("sms_url", "")
                .doesNotContainKey("address_sid").doesNotContainKey("friendly_name");
        assertThat(tokens.get().items().get(1).type()).isEqualTo(NumberType.TOLL_FREE);
        assertThat(tokens.get().items().get(1).messagingRoute()).isPresent();
        assertThat(JsonTokens.read(answer("{\"incoming_phone_numbers\":[],\"next_page_uri\":null}"), LamlInventory::pageFromTokens))
                .contains(new LamlInventory.ListPage(List.of(), Optional.empty()));
    }

    @Test
    void pagesOutsideTheDocumentedShapeAreDeclinedAndLeftToTheTreeReading() {
        String number = "\"sid\":\"PN1\",\"phone_number\":\"+12125550100\",\"capabilities\":{},"
                + "\"date_created\":\"Thu, 30 Jul 2015 23:19:04 +0000\"";
        for (String body : List.of("", "[]", "{}", "{\"incoming_phone_numbers\":[]}", "{\"next_page_uri\":null}",
                "{\"incoming_phone_numbers\":[],\"next_page_uri\":5}", "{\"incoming_phone_numbers\":{},\"next_page_uri\":null}",
                "{\"incoming_phone_numbers\":[],\"next_page_uri\":null,\"code\":20404,\"message\":\"gone\"}",
                "{\"incoming_phone_numbers\":[],\"next_page_uri\":null,\"more_info\":\"x\"}",
                "{\"incoming_phone_numbers\":[null],\"next_page_uri\":null}",
                "{\"incoming_phone_numbers\":[{" + number.replace("\"sid\":\"PN1\"", "\"sid\":\"\"") + "}],\"next_page_uri\":null}",
                "{\"incoming_phone_numbers\":[{" + number.replace("Thu, 30 Jul 2015", "yesterday") + "}],\"next_page_uri\":null}",
                "{\"incoming_phone_numbers\":[{" + number.replace("\"capabilities\":{}", "\"capabilities\":[]") + "}],\"next_page_uri\":null}",
                "{\"incoming_phone_numbers\":[{" + number + ",\"type\":7}],\"next_page_uri\":null}",
                "{\"incoming_phone_numbers\":[{" + number + ",\"friendly_name\":{}}],\"next_page_uri\":null}",
                "{\"incoming_phone_numbers\":[{" + number + ",\"voice_url\":\"not a url\"}],\"next_page_uri\":null}",
                "{\"incoming_phone_numbers\":[{" + number + ",\"voice_url\":\"https://x.example\",\"voice_method\":1}],\"next_page_uri\":null}")) {
            HttpResponse answer = answer(body);
            assertThat(JsonTokens.read(answer, LamlInventory::pageFromTokens)).as(body).isEmpty();
            assertThat(pageTreeReading(answer)).as(body).isEmpty();
        }
    }

    @Test
    void aRepeatedKeyOfAPageIsItsLastValueAsTheTreeReadsIt() {
        String body = "{\"next_page_uri\":\"x\",\"incoming_phone_numbers\":[{\"sid\":\"PN1\",\"sid\":\"PN2\",\"phone_number\":\"+12125550100\","
                + "\"capabilities\":{},\"date_created\":\"Thu, 30 Jul 2015 23:19:04 +0000\",\"status\":\"in-use\",\"origin\":\"x\","
                + "\"status\":\"gone\",\"voice_url\":\"https://a.example\",\"voice_url\":null}],\"next_page_uri\":null}";
        Optional<LamlInventory.ListPage> tokens = JsonTokens.read(answer(body), LamlInventory::pageFromTokens);

        assertThat(tokens).isPresent().isEqualTo(pageTreeReading(answer(body)));
        assertThat(tokens.get().items().get(0).id()).isEqualTo("PN2");
        assertThat(tokens.get().items().get(0).attributes()).containsEntry("status", "gone");
        assertThat(tokens.get().items().get(0).voiceRoute()).isEmpty();
        assertThat(tokens.get().next()).isEmpty();
    }

    @Test
    void whateverTheTokenReadingAcceptsOfASpoiledPageTheTreeReadsTheSame() {
        ReadingParity.check(PAGE, 300, body -> JsonTokens.read(answer(body), LamlInventory::pageFromTokens), body -> pageTreeReading(answer(body)));
    }

    private Optional<LamlInventory.ListPage> pageTreeReading(HttpResponse answer) {
        try {
            return Optional.of(inventory.page(answer));
        } catch (ProtocolException refused) {
            return Optional.empty();
        }
    }

    @Test
    void answersOutsideTheDocumentedShapeAreDeclinedAndLeftToTheTreeReading() {
        for (String body : List.of("", "[]", "null", "{}", "{\"available_phone_numbers\":null}", "{\"available_phone_numbers\":{}}",
                "{\"available_phone_numbers\":[\"+12125550100\"]}",
                "{\"available_phone_numbers\":[],\"code\":20500,\"message\":\"Internal Server Error\"}",
                "{\"message\":null,\"available_phone_numbers\":[],\"code\":null}",
                "{\"available_phone_numbers\":[],\"more_info\":\"x\"}", "{\"errors\":[],\"available_phone_numbers\":[]}",
                "{\"available_phone_numbers\":[],\"uri\":7}",
                "{\"available_phone_numbers\":[{\"phone_number\":\"+12125550100\"}]}",
                "{\"available_phone_numbers\":[{\"phone_number\":\"+12125550100\",\"capabilities\":null}]}",
                "{\"available_phone_numbers\":[{\"phone_number\":\"+12125550100\",\"capabilities\":[\"voice\"]}]}",
                "{\"available_phone_numbers\":[{\"phone_number\":\"+12125550100\",\"capabilities\":{\"voice\":1}}]}",
                "{\"available_phone_numbers\":[{\"phone_number\":12125550100,\"capabilities\":{}}]}",
                "{\"available_phone_numbers\":[{\"phone_number\":\"\",\"capabilities\":{}}]}",
                "{\"available_phone_numbers\":[{\"phone_number\":\"+1212\",\"capabilities\":{}}]}",
                "{\"available_phone_numbers\":[{\"phone_number\":\"+12125550100\",\"region\":[],\"capabilities\":{}}]}",
                "{\"available_phone_numbers\":[{\"phone_number\":\"+12125550100\",\"beta\":{},\"capabilities\":{}}]}",
                "{\"available_phone_numbers\":[{\"phone_number\":\"+12125550100\",\"lata\":[1],\"capabilities\":{}}]}",
                "{\"available_phone_numbers\":[{\"phone_number\":\"+12125550100\",\"iso_country\":\"usa\",\"capabilities\":{}}]}",
                "{\"available_phone_numbers\":[{\"phone_number\":\"+12125550100\",\"capabilities\":{}}")) {
            HttpResponse answer = answer(body);
            assertThat(JsonTokens.read(answer, LamlInventory::offersFromTokens)).as(body).isEmpty();
            assertThat(treeReading(answer)).as(body).isEmpty();
        }
        // a repeated key is its last value to the tree, and so to the token reading
        for (String body : List.of("{\"available_phone_numbers\":[{\"phone_number\":\"+12125550199\",\"capabilities\":{}}],"
                        + "\"available_phone_numbers\":[],\"uri\":\"/x/Mobile.json\",\"uri\":\"/x/Local.json\"}",
                "{\"available_phone_numbers\":[{\"phone_number\":\"+12125550100\",\"region\":\"NY\",\"region\":\"NJ\",\"beta\":true,"
                        + "\"beta\":null,\"capabilities\":{\"voice\":true},\"capabilities\":{\"sms\":true}}],\"uri\":\"/x/Mobile.json\"}")) {
            assertThat(JsonTokens.read(answer(body), LamlInventory::offersFromTokens)).as(body).isPresent()
                    .isEqualTo(treeReading(answer(body)));
        }
        // except where the token reading would add the values up: a capability named twice is the tree's to read
        String twice = "{\"available_phone_numbers\":[{\"phone_number\":\"+12125550100\",\"capabilities\":{\"sms\":true,\"sms\":false}}]}";
        assertThat(JsonTokens.read(answer(twice), LamlInventory::offersFromTokens)).isEmpty();
        assertThat(treeReading(answer(twice))).hasValueSatisfying(offers -> assertThat(offers.get(0).features()).isEmpty());
    }

    @Test
    void whateverTheTokenReadingAcceptsOfASpoiledAnswerTheTreeReadsTheSame() {
        ReadingParity.check(DOCUMENTED, 300, body -> JsonTokens.read(answer(body), LamlInventory::offersFromTokens), body -> treeReading(answer(body)));
    }

    /** What the tree reading makes of the answer: its offers, or empty when it refuses it as a protocol error. */
    private Optional<List<AvailableNumber>> treeReading(HttpResponse answer) {
        try {
            return Optional.of(inventory.offers(answer));
        } catch (ProtocolException refused) {
            return Optional.empty();
        }
    }

    private static HttpResponse answer(String body) {
        return new HttpResponse(200, Map.of("Content-Type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8));
    }
}
