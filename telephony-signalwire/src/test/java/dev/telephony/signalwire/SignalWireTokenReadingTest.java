package dev.telephony.signalwire;

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
class SignalWireTokenReadingTest {
    /** Both documented item shapes, the types SignalWire sends, nulls, and fields the library does not read. */
    static final String DOCUMENTED = "{\"links\":{\"self\":\"https://example.signalwire.com/api/relay/rest/phone_numbers/search\"},"
            + "\"data\":["
            + "{\"number\":\"+12125550100\",\"region\":\"NY\",\"city\":\"New York\",\"rate_center\":\"NWYRCYZN01\",\"lata\":\"132\","
            + "\"capabilities\":{\"voice\":true,\"sms\":true,\"mms\":false,\"fax\":false}},"
            + "{\"e164\":\"+12125550101\",\"national_number_formatted\":\"(212) 555-0101\","
            + "\"international_number_formatted\":\"+1 212-555-0101\",\"rate_center\":null,\"region\":\"NY\",\"country_code\":\"US\","
            + "\"capabilities\":[\"voice\",\"sms\",\"video\"],\"extra\":{\"nested\":[1,2,{\"x\":null}]}},"
            + "{\"number\":\"+18885550102\",\"number_type\":\"toll-free\",\"capabilities\":{\"voice\":true,\"sms\":false}},"
            + "{\"number\":\"+16045550103\",\"number_type\":\"longcode\",\"city\":\"\",\"lata\":null,\"capabilities\":[]},"
            + "{\"number\":\"+12125550104\",\"number_type\":null,\"capabilities\":{\"Voice\":true,\"FAX\":true}}"
            + "],\"page\":1}";

    /** A page of the numbers list: routes by webhooks or not, attributes of every JSON type, and {@code links.next}. */
    static final String PAGE = "{\"links\":{\"self\":\"/api/relay/rest/phone_numbers?page_size=2\","
            + "\"next\":\"https://example.signalwire.com/api/relay/rest/phone_numbers?page_size=2&page_token=PA2\",\"prev\":null},"
            + "\"data\":["
            + "{\"id\":\"0c1ff6ee-6c3f-4a8e-9b0f-000000000001\",\"number\":\"+12125550100\",\"name\":\"Front desk\","
            + "\"capabilities\":[\"voice\",\"sms\",\"mms\"],\"number_type\":\"longcode\",\"e911_address_id\":null,"
            + "\"created_at\":\"2026-01-05T09:00:00Z\",\"updated_at\":\"2026-01-05T09:00:00.123+01:00\",\"next_billed_at\":null,"
            + "\"call_handler\":\"laml_webhooks\",\"call_receive_mode\":\"voice\",\"call_request_url\":\"https://example.com/voice\","
            + "\"call_request_method\":\"GET\",\"call_fallback_url\":\"https://example.com/fallback\",\"call_fallback_method\":\"POST\","
            + "\"call_status_callback_url\":\"\",\"message_handler\":\"relay_context\",\"message_request_url\":\"https://example.com/sms\","
            + "\"message_relay_context\":\"office\",\"country_code\":\"US\",\"billing\":{\"rate\":1.50,\"tags\":[\"a\",null]},"
            + "\"port_count\":3,\"verified\":true},"
            + "{\"id\":\"0c1ff6ee-6c3f-4a8e-9b0f-000000000002\",\"number\":\"+18885550101\",\"name\":null,"
            + "\"capabilities\":{\"voice\":true,\"sms\":false},\"number_type\":\"toll-free\",\"created_at\":\"2026-02-01T10:11:12-05:00\","
            + "\"call_handler\":null,\"call_request_url\":null,\"message_handler\":\"laml_webhooks\","
            + "\"message_request_url\":\"https://example.com/sms\",\"message_request_method\":null,\"message_fallback_url\":null}"
            + "]}";

    final RestClient client = RestClient.builder(SignalWireProvider.NAME, URI.create("http://127.0.0.1:9"))
            .authentication(Authentication.basic("project", Secret.of("api-token", "token-for-the-reading-test")))
            .errors(new SignalWireErrors()).build();
    final SignalWireInventory inventory = new SignalWireInventory(client);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void documentedSearchAnswersAreReadFromTheirTokensToWhatTheTreeReads() {
        HttpResponse answer = answer(DOCUMENTED);
        Optional<List<AvailableNumber>> tokens = JsonTokens.read(answer, SignalWireInventory::offersFromTokens);

        assertThat(tokens).isPresent();
        assertThat(tokens.get()).isEqualTo(inventory.offers(answer)).hasSize(5);
        assertThat(tokens.get().get(1).features()).containsExactlyInAnyOrder(NumberFeature.VOICE, NumberFeature.SMS);
        assertThat(tokens.get().get(1).attributes()).containsEntry("national_number_formatted", "(212) 555-0101");
        assertThat(tokens.get().get(2).type()).isEqualTo(NumberType.TOLL_FREE);
        assertThat(tokens.get().get(3).countryCode()).isEqualTo("CA");
        assertThat(tokens.get().get(3).locality()).isEmpty();
        assertThat(JsonTokens.read(answer("{\"data\":[]}"), SignalWireInventory::offersFromTokens)).contains(List.of());
    }

    @Test
    void documentedPagesOfTheNumbersListAreReadFromTheirTokensToWhatTheTreeReads() {
        HttpResponse answer = answer(PAGE);
        Optional<SignalWireInventory.ListPage> tokens = JsonTokens.read(answer, SignalWireInventory::pageFromTokens);

        assertThat(tokens).isPresent();
        assertThat(tokens.get()).isEqualTo(inventory.page(answer));
        assertThat(tokens.get().next()).contains("https://example.signalwire.com/api/relay/rest/phone_numbers?page_size=2&page_token=PA2");
        OwnedNumber first = tokens.get().items().get(0);
        assertThat(first.voiceRoute()).hasValueSatisfying(route -> assertThat(route.fallbackUrl()).isPresent());
        assertThat(first.messagingRoute()).isEmpty();
        assertThat(first.attributes()).containsEntry("billing", "{\"rate\":1.5,\"tags\":[\"a\",null]}").containsEntry("port_count", "3")
                .containsEntry("verified", "true").containsEntry("call_status_callback_url", "").doesNotContainKey("e911_address_id")
                .doesNotContainKey("name");
        assertThat(tokens.get().items().get(1).messagingRoute()).isPresent();
        assertThat(JsonTokens.read(answer("{\"data\":[],\"links\":{}}"), SignalWireInventory::pageFromTokens))
                .contains(new SignalWireInventory.ListPage(List.of(), Optional.empty()));
    }

    @Test
    void pagesOutsideTheDocumentedShapeAreDeclinedAndLeftToTheTreeReading() {
        String number = "\"id\":\"n1\",\"number\":\"+12125550100\",\"capabilities\":[],\"number_type\":\"longcode\","
                + "\"created_at\":\"2026-01-05T09:00:00Z\"";
        for (String body : List.of("", "[]", "{}", "{\"data\":[]}", "{\"links\":{}}", "{\"data\":[],\"links\":null}",
                "{\"data\":[],\"links\":[]}", "{\"data\":[],\"links\":{\"next\":7}}", "{\"data\":[],\"links\":{},\"errors\":[]}",
                "{\"data\":[1],\"links\":{}}", "{\"data\":[{" + number + ",\"id\":null}],\"links\":{}}",
                "{\"data\":[{" + number.replace("\"longcode\"", "\"mobile\"") + "}],\"links\":{}}",
                "{\"data\":[{" + number.replace("2026-01-05T09:00:00Z", "yesterday") + "}],\"links\":{}}",
                "{\"data\":[{" + number.replace("\"capabilities\":[]", "\"capabilities\":null") + "}],\"links\":{}}",
                "{\"data\":[{" + number + ",\"name\":5}],\"links\":{}}",
                "{\"data\":[{" + number + ",\"call_handler\":\"laml_webhooks\",\"call_request_url\":\"not a url\"}],\"links\":{}}",
                "{\"data\":[{" + number + ",\"call_handler\":\"laml_webhooks\",\"call_request_url\":\"https://x.example\","
                        + "\"call_request_method\":\"PUT\"}],\"links\":{}}",
                "{\"data\":[{" + number + ",\"call_handler\":\"laml_webhooks\",\"call_request_url\":[]}],\"links\":{}}")) {
            HttpResponse answer = answer(body);
            assertThat(JsonTokens.read(answer, SignalWireInventory::pageFromTokens)).as(body).isEmpty();
            assertThat(pageTreeReading(answer)).as(body).isEmpty();
        }
    }

    @Test
    void aRepeatedKeyOfAPageIsItsLastValueAsTheTreeReadsIt() {
        String body = "{\"links\":{\"next\":\"x\",\"next\":null},\"data\":[{\"id\":\"n1\",\"id\":\"n2\",\"number\":\"+12125550100\","
                + "\"capabilities\":[],\"number_type\":\"longcode\",\"created_at\":\"2026-01-05T09:00:00Z\",\"name\":\"a\",\"name\":\"b\","
                + "\"lata\":\"1\",\"region\":\"NY\",\"lata\":\"2\"}]}";
        Optional<SignalWireInventory.ListPage> tokens = JsonTokens.read(answer(body), SignalWireInventory::pageFromTokens);

        assertThat(tokens).isPresent().isEqualTo(pageTreeReading(answer(body)));
        assertThat(tokens.get().items().get(0).id()).isEqualTo("n2");
        assertThat(tokens.get().items().get(0).attributes()).containsEntry("lata", "2");
        assertThat(tokens.get().next()).isEmpty();
    }

    @Test
    void whateverTheTokenReadingAcceptsOfASpoiledPageTheTreeReadsTheSame() {
        ReadingParity.check(PAGE, 300, body -> JsonTokens.read(answer(body), SignalWireInventory::pageFromTokens), body -> pageTreeReading(answer(body)));
    }

    private Optional<SignalWireInventory.ListPage> pageTreeReading(HttpResponse answer) {
        try {
            return Optional.of(inventory.page(answer));
        } catch (ProtocolException refused) {
            return Optional.empty();
        }
    }

    @Test
    void answersOutsideTheDocumentedShapeAreDeclinedAndLeftToTheTreeReading() {
        for (String body : List.of("", "[]", "null", "{}", "{\"data\":null}", "{\"data\":{}}", "{\"data\":[1]}",
                "{\"data\":[],\"error\":\"x\"}", "{\"errors\":[],\"data\":[]}",
                "{\"data\":[{\"number\":\"+12125550100\"}]}",
                "{\"data\":[{\"number\":\"+12125550100\",\"capabilities\":null}]}",
                "{\"data\":[{\"number\":\"+12125550100\",\"capabilities\":\"voice\"}]}",
                "{\"data\":[{\"number\":\"+12125550100\",\"capabilities\":[\"voice\",1]}]}",
                "{\"data\":[{\"number\":\"+12125550100\",\"capabilities\":{\"voice\":\"yes\"}}]}",
                "{\"data\":[{\"number\":12125550100,\"capabilities\":[]}]}",
                "{\"data\":[{\"number\":\"+12125550100\",\"number_type\":\"\",\"capabilities\":[]}]}",
                "{\"data\":[{\"number\":\"+12125550100\",\"number_type\":\"mobile\",\"capabilities\":[]}]}",
                "{\"data\":[{\"number\":\"\",\"capabilities\":[]}]}",
                "{\"data\":[{\"number\":\"not a number\",\"capabilities\":[]}]}",
                "{\"data\":[{\"number\":\"+12125550100\",\"region\":7,\"capabilities\":[]}]}",
                "{\"data\":[{\"number\":\"+12125550100\",\"country_code\":\"USA\",\"capabilities\":[]}]}",
                "{\"data\":[{\"number\":\"+12125550100\",\"capabilities\":[]}")) {
            HttpResponse answer = answer(body);
            assertThat(JsonTokens.read(answer, SignalWireInventory::offersFromTokens)).as(body).isEmpty();
            assertThat(treeReading(answer)).as(body).isEmpty();
        }
        // a repeated key is its last value to the tree, and so to the token reading
        for (String body : List.of("{\"data\":[{\"number\":\"+12125550199\",\"capabilities\":[]}],\"data\":[]}",
                "{\"data\":[{\"number\":\"+12125550100\",\"number\":\"+12125550101\",\"number_type\":\"toll-free\","
                        + "\"number_type\":null,\"capabilities\":{\"voice\":true},\"capabilities\":[\"sms\"]}]}")) {
            assertThat(JsonTokens.read(answer(body), SignalWireInventory::offersFromTokens)).as(body).isPresent()
                    .isEqualTo(treeReading(answer(body)));
        }
        // except where the token reading would add the values up: a capability named twice is the tree's to read
        String twice = "{\"data\":[{\"number\":\"+12125550100\",\"capabilities\":{\"voice\":true,\"voice\":false}}]}";
        assertThat(JsonTokens.read(answer(twice), SignalWireInventory::offersFromTokens)).isEmpty();
        assertThat(treeReading(answer(twice))).hasValueSatisfying(offers -> assertThat(offers.get(0).features()).isEmpty());
    }

    @Test
    void whateverTheTokenReadingAcceptsOfASpoiledAnswerTheTreeReadsTheSame() {
        ReadingParity.check(DOCUMENTED, 300, body -> JsonTokens.read(answer(body), SignalWireInventory::offersFromTokens), body -> treeReading(answer(body)));
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
