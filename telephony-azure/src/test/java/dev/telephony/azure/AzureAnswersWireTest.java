package dev.telephony.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NumberNotFoundException;
import dev.telephony.api.error.OperationTimeoutException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.contract.Fixtures;
import dev.telephony.testkit.wire.SimRequest;
import dev.telephony.testkit.wire.SimResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Azure's answers read as Azure documents them, and every other answer a typed error within its
 * deadline. The simulator's canned answers follow the shapes of Azure's published examples and SDK
 * recordings (our own values): {@code PurchasedPhoneNumber}, {@code PhoneNumberSearchResult},
 * {@code PhoneNumberOperation}, {@code CommunicationErrorResponse}.
 */
class AzureAnswersWireTest {
    private static final String NUMBER = "+12125550170";

    private final AzureHarness harness = new AzureHarness();
    private final TelephonyProvider provider = harness.provider();

    @AfterEach
    void close() {
        harness.close();
    }

    /** A provider polling every second of the test clock, giving up after {@code timeout}. */
    private TelephonyProvider pollingEverySecond(Duration timeout) {
        return AzureProvider.builder().connectionString(AzureHarness.CONNECTION_STRING)
                .httpClient(new LoopbackHttpClient(harness.simulator().baseUri()))
                .pollInterval(Duration.ofSeconds(1)).operationTimeout(timeout)
                .clock(harness.clock()).sleeper(harness.clock().sleeper()).random(new SplittableRandom(3)).build();
    }

    private static NumberSearch manhattan() {
        return NumberSearch.builder().country("US").areaCode(Fixtures.MANHATTAN).limit(2).holdResults(true).build();
    }

    private static String purchased(String id, String number) {
        return "{\"id\":\"" + id + "\",\"phoneNumber\":\"" + number + "\",\"countryCode\":\"US\",\"phoneNumberType\":\"geographic\","
                + "\"capabilities\":{\"calling\":\"inbound+outbound\",\"sms\":\"inbound\"},\"assignmentType\":\"application\","
                + "\"purchaseDate\":\"2025-11-02T10:15:00Z\",\"cost\":{\"amount\":1.5,\"currencyCode\":\"USD\",\"billingFrequency\":\"monthly\"}}";
    }

    /** The search operation polled, in {@code status}. */
    private static java.util.function.Function<SimRequest, SimResponse> searchOperation(String status) {
        return r -> operation(r.lastSegment(), status);
    }

    private static SimResponse operation(String id, String status) {
        return SimResponse.json(200, "{\"operationType\":\"search\",\"status\":\"" + status + "\",\"resourceLocation\":null,"
                + "\"createdDateTime\":\"2026-01-05T09:00:00Z\",\"id\":\"" + id + "\",\"lastActionDateTime\":\"2026-01-05T09:00:00Z\"}");
    }

    // ---- errors -----------------------------------------------------------------------------------

    @Test
    void anErrorCarriesAzuresStatusCodeMessageTargetAndRequestIdFromItsBody() {
        harness.simulator().answer("POST", "/availablePhoneNumbers/countries/US/:search", new SimResponse(400,
                Map.of("Content-Type", "application/json; charset=utf-8", "MS-CV", "cv-Qw1.0"),
                "{\"error\":{\"code\":\"InvalidInput\",\"message\":\"Area code \\\"212\\\" is not offered; see \\\"areaCodes\\\".\","
                        + "\"target\":\"areaCode\"}}"), 1);
        assertThatThrownBy(() -> provider.inventory().search(manhattan()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(400);
                    assertThat(e.providerCode()).contains("InvalidInput");
                    assertThat(e.requestId()).contains("cv-Qw1.0");
                    assertThat(e.fieldErrors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("areaCode");
                        assertThat(f.rule()).isEqualTo("Area code \"212\" is not offered; see \"areaCodes\".");
                    });
                });
    }

    @Test
    void notOwnedByThisResourceOnOneNumberIsNumberNotFound() {
        PhoneNumber stranger = PhoneNumber.of(NUMBER);
        assertThatThrownBy(() -> provider.unwrap(AzureExtensions.class).updateCapabilities(stranger, Direction.INBOUND, Direction.NONE))
                .isInstanceOfSatisfying(NumberNotFoundException.class, e -> {
                    assertThat(e.number()).isEqualTo(stranger);
                    assertThat(e.httpStatus()).hasValue(403);
                    assertThat(e.providerCode()).contains("InsufficientPermissions");
                    assertThat(e.requestId()).isPresent();
                });
        assertThatThrownBy(() -> provider.inventory().release(stranger)).isInstanceOf(NumberNotFoundException.class);
        harness.simulator().answer("GET", "/phoneNumbers/", new SimResponse(403, Map.of("Content-Type", "application/json"),
                "{\"error\":{\"code\":\"InsufficientPermissions\",\"message\":\"Phone number not owned by this resource.\","
                        + "\"target\":\"phonenumber\"}}"), 1);
        assertThat(provider.inventory().get(stranger)).isEmpty();
    }

    @Test
    void aClientSideFailureIsAProtocolErrorSentOnceNeverAnOutageRetried() {
        for (int i = 0; i < 3; i++) {
            harness.carrier().own(PhoneNumber.of("+1212555018" + i), null);
        }
        // a link away from the endpoint is refused before anything is signed for another host
        harness.simulator().answer("GET", "/phoneNumbers", SimResponse.json(200, "{\"phoneNumbers\":[" + purchased("12125550180", "+12125550180")
                + "],\"nextLink\":\"https://elsewhere.example.com/phoneNumbers?skip=1\"}"), 1);
        int before = harness.carrier().requestCount(RequestKind.READ);
        assertThatThrownBy(() -> provider.inventory().list().stream().toList())
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.isRetryable()).isFalse());
        assertThat(harness.carrier().requestCount(RequestKind.READ) - before).as("reads").isEqualTo(1);
    }

    // ---- listing ----------------------------------------------------------------------------------

    @Test
    void relativeAndAbsoluteNextLinksAreFollowedFromTheEndpoint() {
        for (int i = 0; i < 230; i++) {
            harness.carrier().own(PhoneNumber.of("+1212556" + String.format("%04d", i)), null);
        }
        for (boolean absolute : new boolean[] {false, true}) {
            harness.simulator().absoluteNextLinks(absolute);
            List<OwnedNumber> all = provider.inventory().list().stream().toList();
            assertThat(all).as("absolute links: %s", absolute).hasSize(230).doesNotHaveDuplicates();
        }
    }

    // ---- operations -------------------------------------------------------------------------------

    @Test
    void aRateLimitedPollOfASearchPollsTheSameOperationAndNeverSearchesAgain() {
        Fixtures.seedStandardOffer(harness.carrier());
        harness.simulator().searchRunningPolls(2);
        // the first read is the POST :search, the second its first poll
        harness.faults().injectAt(RequestKind.READ, 2, Fault.rateLimited(Duration.ofSeconds(2)));
        harness.faults().injectAt(RequestKind.READ, 3, Fault.serverError());
        assertThat(provider.inventory().search(manhattan())).hasSize(2);
        assertThat(harness.simulator().searchesStarted()).as("searches POSTed").isEqualTo(1);
    }

    @Test
    @Timeout(120)
    void anOperationStatusAzureDoesNotDocumentIsAProtocolErrorWithinTheDeadline() {
        Fixtures.seedStandardOffer(harness.carrier());
        harness.simulator().answer("GET", "/phoneNumbers/operations/search_", searchOperation("paused"), Integer.MAX_VALUE);
        Duration timeout = Duration.ofSeconds(30);
        assertThatThrownBy(() -> pollingEverySecond(timeout).inventory().search(manhattan()))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("paused");
        assertThat(harness.clock().slept()).isLessThanOrEqualTo(timeout);
    }

    @Test
    @Timeout(120)
    void anOperationStillRunningAtTheDeadlineIsAnOperationTimeoutOnTheTestClock() {
        Fixtures.seedStandardOffer(harness.carrier());
        harness.simulator().answer("GET", "/phoneNumbers/operations/search_", searchOperation("running"), Integer.MAX_VALUE);
        Duration timeout = Duration.ofSeconds(30);
        assertThatThrownBy(() -> pollingEverySecond(timeout).inventory().search(manhattan()))
                .isInstanceOfSatisfying(OperationTimeoutException.class, e -> assertThat(e.lastKnownState()).contains("running"));
        // one deadline bounds the whole wait, on the injected clock
        assertThat(harness.clock().slept()).isEqualTo(timeout);
    }

    @Test
    @Timeout(120)
    void anAnswerInAnotherFormatThanJsonIsATypedErrorNotABlockedCaller() {
        PhoneNumber number = PhoneNumber.of(NUMBER);
        harness.carrier().own(number, null);
        SimResponse xml = new SimResponse(200, Map.of("Content-Type", "application/xml"),
                "<PurchasedPhoneNumber><id>12125550170</id></PurchasedPhoneNumber>");
        harness.simulator().answer("GET", "/phoneNumbers/", xml, 1);
        assertThatThrownBy(() -> provider.inventory().get(number)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("application/xml");

        Fixtures.seedStandardOffer(harness.carrier());
        harness.simulator().answer("GET", "/phoneNumbers/operations/search_", xml, 1);
        assertThatThrownBy(() -> provider.inventory().search(manhattan())).isInstanceOf(ProtocolException.class);

        // an HTML error page keeps its status's meaning
        harness.simulator().alwaysAnswer("GET", "/phoneNumbers/", new SimResponse(503, Map.of("Content-Type", "text/html"),
                "<html><body>Service Unavailable</body></html>"));
        assertThatThrownBy(() -> provider.inventory().get(number)).isInstanceOfSatisfying(ProviderUnavailableException.class,
                e -> assertThat(e.httpStatus()).hasValue(503));
    }

    // ---- shapes -----------------------------------------------------------------------------------

    @Test
    void anEmptyOrIdLessNumberAnswerIsAProtocolError() {
        PhoneNumber number = PhoneNumber.of(NUMBER);
        harness.carrier().own(number, null);
        for (String body : List.of("", "{}", "{\"phoneNumber\":\"" + NUMBER + "\",\"phoneNumberType\":\"geographic\"}", "null")) {
            harness.simulator().answer("GET", "/phoneNumbers/", SimResponse.json(200, body), 1);
            assertThatThrownBy(() -> provider.inventory().get(number)).as("answer '%s'", body).isInstanceOf(ProtocolException.class);
        }
        // and the answer in Azure's documented shape reads
        harness.simulator().answer("GET", "/phoneNumbers/", SimResponse.json(200, purchased("12125550170", NUMBER)), 1);
        OwnedNumber owned = provider.inventory().get(number).orElseThrow();
        assertThat(owned.id()).isEqualTo("12125550170");
        assertThat(owned.type()).isEqualTo(NumberType.LOCAL);
        assertThat(owned.attributes()).containsEntry("sms", "inbound").containsEntry("calling", "inbound+outbound");
    }

    @Test
    void azuresOwnMalformedNumbersAreProtocolErrorsNeverTheCallersInvalidRequest() {
        PhoneNumber number = PhoneNumber.of(NUMBER);
        harness.carrier().own(number, null);
        harness.simulator().answer("GET", "/phoneNumbers/", SimResponse.json(200, purchased("1", "+1-not-a-number")), 1);
        assertThatThrownBy(() -> provider.inventory().get(number)).isInstanceOf(ProtocolException.class)
                .isNotInstanceOf(InvalidRequestException.class);

        harness.simulator().answer("GET", "/phoneNumbers", SimResponse.json(200, "{\"phoneNumbers\":[" + purchased("12", "12") + "]}"), 1);
        assertThatThrownBy(() -> provider.inventory().list().stream().toList()).isInstanceOf(ProtocolException.class);

        Fixtures.seedStandardOffer(harness.carrier());
        harness.simulator().answer("GET", "/availablePhoneNumbers/searchResults/", r -> SimResponse.json(200,
                "{\"searchId\":\"" + r.lastSegment() + "\",\"phoneNumbers\":[\"+1212\"]}"), 1);
        assertThatThrownBy(() -> provider.inventory().search(manhattan())).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aSearchResultIsReadForWhatItIsNotForWhatWasAsked() {
        Fixtures.seedStandardOffer(harness.carrier());
        var offers = provider.inventory().search(manhattan());
        assertThat(offers).hasSize(2).allSatisfy(o -> {
            assertThat(o.type()).isEqualTo(NumberType.LOCAL);
            assertThat(o.holdExpiresAt()).isPresent();
        });
        // a result of another type than searched is not relabelled: Azure sells a search whole, so it is dropped whole
        harness.simulator().answer("GET", "/availablePhoneNumbers/searchResults/", r -> SimResponse.json(200, "{\"searchId\":\""
                + r.lastSegment() + "\",\"phoneNumbers\":[\"+18335550100\"],\"phoneNumberType\":\"tollFree\",\"assignmentType\":\"application\","
                + "\"capabilities\":{\"calling\":\"inbound+outbound\",\"sms\":\"none\"},\"cost\":{\"amount\":2.0,\"currencyCode\":\"USD\","
                + "\"billingFrequency\":\"monthly\"},\"searchExpiresBy\":\"2026-01-05T09:15:00Z\"}"), 1);
        assertThat(provider.inventory().search(manhattan())).isEmpty();
        // a result naming another search is not this search's result
        harness.simulator().answer("GET", "/availablePhoneNumbers/searchResults/", SimResponse.json(200,
                "{\"searchId\":\"another\",\"phoneNumbers\":[]}"), 1);
        assertThatThrownBy(() -> provider.inventory().search(manhattan())).isInstanceOf(ProtocolException.class);
    }

    // ---- documented shapes: every answer checked before it is used --------------------------------

    /** Bodies a successful answer may carry that are not the answer asked for: error shapes with 200, and broken lists. */
    private static final List<String> NOT_A_LIST = List.of(
            "{\"error\":{\"code\":\"InternalError\",\"message\":\"Something went wrong\"}}",
            "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}",
            "{\"messages\":[\"Internal error\"],\"data\":{}}",
            "{}", "42", "[]", "{\"phoneNumbers\":\"not an array\"}", "{\"phoneNumbers\":[null]}", "{\"phoneNumbers\":[42]}");

    @Test
    void aListPageWithoutItsDocumentedNumbersIsAProtocolErrorNeverAnEmptyListing() {
        for (int i = 0; i < 3; i++) {
            harness.carrier().own(PhoneNumber.of("+1212555019" + i), null);
        }
        for (String body : NOT_A_LIST) {
            harness.simulator().answer("GET", "/phoneNumbers", SimResponse.json(200, body), 1);
            assertThatThrownBy(() -> provider.inventory().list().stream().toList()).as("answer %s", body)
                    .isInstanceOf(ProtocolException.class).isNotInstanceOf(InvalidRequestException.class);
        }
        // a next-page link of another type than a string is not a link
        harness.simulator().answer("GET", "/phoneNumbers", SimResponse.json(200, "{\"phoneNumbers\":[" + purchased("12125550190",
                "+12125550190") + "],\"nextLink\":12345}"), 1);
        assertThatThrownBy(() -> provider.inventory().list().stream().toList()).isInstanceOf(ProtocolException.class);
        // and the documented shape still reads: every number the account owns
        assertThat(provider.inventory().list().stream().toList()).hasSize(3);
    }

    @Test
    void aListPageNamingOneNumberTwiceIsAProtocolError() {
        harness.carrier().own(PhoneNumber.of("+12125550191"), null);
        String number = purchased("12125550191", "+12125550191");
        harness.simulator().answer("GET", "/phoneNumbers", SimResponse.json(200, "{\"phoneNumbers\":[" + number + "," + number + "]}"), 1);
        assertThatThrownBy(() -> provider.inventory().list().stream().toList()).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void aNumberLackingAFieldAzureRequiresOrWithOneOfTheWrongTypeIsAProtocolError() throws Exception {
        PhoneNumber number = PhoneNumber.of(NUMBER);
        harness.carrier().own(number, null);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String field : List.of("id", "phoneNumber", "countryCode", "phoneNumberType", "capabilities", "assignmentType",
                "purchaseDate", "cost")) {
            for (boolean remove : new boolean[] {true, false}) {
                var body = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(purchased("12125550170", NUMBER));
                if (remove) {
                    body.remove(field);
                } else {
                    body.put(field, 12345);
                }
                harness.simulator().answer("GET", "/phoneNumbers/", SimResponse.json(200, body.toString()), 1);
                assertThatThrownBy(() -> provider.inventory().get(number)).as("%s %s", field, remove ? "missing" : "a number")
                        .isInstanceOf(ProtocolException.class).hasMessageContaining(field);
            }
        }
        for (String broken : List.of(purchased("12125550170", NUMBER).replace("2025-11-02T10:15:00Z", "31/02/2026 25:61"),
                purchased("12125550170", NUMBER).replace("\"sms\":\"inbound\"", "\"sms\":null"),
                purchased("12125550170", NUMBER).replace("\"amount\":1.5", "\"amount\":\"1.5\""))) {
            harness.simulator().answer("GET", "/phoneNumbers/", SimResponse.json(200, broken), 1);
            assertThatThrownBy(() -> provider.inventory().get(number)).as(broken).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void aSearchResultLackingWhatAzureRequiresOrHoldingMoreThanAskedIsAProtocolError() {
        Fixtures.seedStandardOffer(harness.carrier());
        String cost = ",\"cost\":{\"amount\":1.0,\"currencyCode\":\"USD\",\"billingFrequency\":\"monthly\"}";
        String rest = ",\"phoneNumberType\":\"geographic\",\"assignmentType\":\"application\","
                + "\"capabilities\":{\"calling\":\"inbound+outbound\",\"sms\":\"none\"},\"searchExpiresBy\":\"2126-01-05T09:15:00Z\"";
        // no cost, then three numbers for a search of two, then one number twice
        for (String numbers : List.of("[\"+12127001000\"]" + rest, "[\"+12127001000\",\"+12127001001\",\"+12127001002\"]" + rest + cost,
                "[\"+12127001000\",\"+12127001000\"]" + rest + cost)) {
            harness.simulator().answer("GET", "/availablePhoneNumbers/searchResults/", r -> SimResponse.json(200,
                    "{\"searchId\":\"" + r.lastSegment() + "\",\"phoneNumbers\":" + numbers + "}"), 1);
            assertThatThrownBy(() -> provider.inventory().search(manhattan())).as(numbers).isInstanceOf(ProtocolException.class);
        }
        for (String body : NOT_A_LIST) {
            harness.simulator().answer("GET", "/availablePhoneNumbers/searchResults/", SimResponse.json(200, body), 1);
            assertThatThrownBy(() -> provider.inventory().search(manhattan())).as(body).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void anOperationLackingWhatAzureRequiresOrAboutAnotherOperationIsAProtocolError() {
        Fixtures.seedStandardOffer(harness.carrier());
        List<java.util.function.Function<SimRequest, SimResponse>> broken = List.of(
                r -> operation("search_another", "succeeded"),
                r -> SimResponse.json(200, "{\"error\":{\"code\":\"InternalError\",\"message\":\"Something went wrong\"}}"),
                r -> SimResponse.json(200, operation(r.lastSegment(), "succeeded").body().replace("2026-01-05T09:00:00Z", "31/02/2026 25:61")),
                r -> SimResponse.json(200, operation(r.lastSegment(), "succeeded").body().replace("\"operationType\":\"search\",", "")),
                r -> SimResponse.json(200, operation(r.lastSegment(), "failed").body().replace("}", ",\"error\":{\"code\":42}}")));
        for (var answer : broken) {
            harness.simulator().answer("GET", "/phoneNumbers/operations/search_", answer, 1);
            assertThatThrownBy(() -> provider.inventory().search(manhattan())).isInstanceOf(ProtocolException.class);
        }
        assertThat(provider.inventory().search(manhattan())).hasSize(2);
    }

    @Test
    void regionsAndSipAnswersWithoutTheirDocumentedListsAreProtocolErrorsNeverEmpty() {
        Fixtures.seedStandardOffer(harness.carrier());
        String error = "{\"error\":{\"code\":\"InternalError\",\"message\":\"Something went wrong\"}}";
        harness.simulator().answer("GET", "/availablePhoneNumbers/countries", SimResponse.json(200, error), 1);
        assertThatThrownBy(() -> provider.inventory().regions()).isInstanceOf(ProtocolException.class);
        harness.simulator().answer("GET", "/availablePhoneNumbers/countries", SimResponse.json(200,
                "{\"countries\":[{\"localizedName\":\"United States\"}]}"), 1);
        assertThatThrownBy(() -> provider.inventory().regions()).isInstanceOf(ProtocolException.class);
        for (String list : List.of("localities", "areaCodes", "offerings")) {
            harness.simulator().answer("GET", "/availablePhoneNumbers/countries/US/" + list, SimResponse.json(200, error), 1);
            assertThatThrownBy(() -> provider.inventory().regions("US")).as(list).isInstanceOf(ProtocolException.class);
        }
        harness.simulator().answer("GET", "/availablePhoneNumbers/countries/US/areaCodes", SimResponse.json(200,
                "{\"areaCodes\":[{}]}"), 1);
        assertThatThrownBy(() -> provider.inventory().regions("US")).isInstanceOf(ProtocolException.class);
        assertThat(provider.inventory().regions("US")).isNotEmpty();

        AzureSipRouting sip = provider.unwrap(AzureExtensions.class).sipRouting();
        for (String body : List.of(error, "{\"routes\":[]}", "{\"trunks\":{\"sbc.example.com\":{}},\"routes\":[]}",
                "{\"trunks\":{},\"routes\":[{\"name\":\"r\"}]}")) {
            harness.simulator().answer("GET", "/sip", SimResponse.json(200, body), 1);
            assertThatThrownBy(sip::trunks).as(body).isInstanceOf(ProtocolException.class);
        }
        assertThat(sip.trunks()).isEmpty();
    }
}
