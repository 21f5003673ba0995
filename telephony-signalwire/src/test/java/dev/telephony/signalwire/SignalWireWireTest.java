package dev.telephony.signalwire;

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
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.WebhookMethod;
import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NumberNotFoundException;
import dev.telephony.api.error.PermissionDeniedException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.Redactor;
import dev.telephony.http.RestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SignalWire's wire details that the contract does not see: shapes, links, error bodies, search rules. */
class SignalWireWireTest {
    private final SignalWireHarness harness = new SignalWireHarness();
    private final TelephonyProvider provider = harness.provider();

    @AfterEach
    void close() {
        harness.close();
    }

    /** Our own fixture with every field of the seed's PhoneNumberResponse schema. */
    private static final String FULL_NUMBER = """
            {"id":"0c1ff6ee-6c3f-4a8e-9b0f-4a2a9f0f1b11","number":"+15558675309","name":"Support line",
             "capabilities":["voice","sms","mms","fax"],"number_type":"longcode",
             "e911_address_id":"7d2e1c3b-aaaa-4bbb-8ccc-123456789abc",
             "created_at":"2026-01-05T09:00:00Z","updated_at":"2026-01-06T10:00:00Z","next_billed_at":"2026-02-05T09:00:00Z",
             "call_handler":"laml_webhooks","calling_handler_resource_id":"11111111-2222-4333-8444-555555555555",
             "call_receive_mode":"voice",
             "call_request_url":"https://example.com/voice","call_request_method":"GET",
             "call_fallback_url":"https://example.com/voice-fallback","call_fallback_method":"POST",
             "call_status_callback_url":"https://example.com/status","call_status_callback_method":"POST",
             "call_laml_application_id":"app-1","call_dialogflow_agent_id":"df-1","call_relay_topic":"office",
             "call_relay_topic_status_callback_url":"https://example.com/topic","call_relay_script_url":"https://example.com/swml",
             "call_relay_context":"ctx","call_relay_context_status_callback_url":"https://example.com/ctx",
             "call_relay_application":"relay-app","call_relay_connector_id":"conn-1",
             "call_sip_endpoint_id":"22222222-3333-4444-8555-666666666666","call_verto_resource":"verto",
             "call_video_room_id":"33333333-4444-4555-8666-777777777777",
             "message_handler":"laml_webhooks","messaging_handler_resource_id":"44444444-5555-4666-8777-888888888888",
             "message_request_url":"https://example.com/sms","message_request_method":"POST",
             "message_fallback_url":null,"message_fallback_method":null,
             "message_laml_application_id":"app-2","message_relay_topic":"sms-topic","message_relay_context":"sms-ctx",
             "country_code":"US"}
            """;

    @Test
    void theSeedsFullPhoneNumberObjectIsMappedInFull() throws Exception {
        JsonNode json = RestClient.newMapper().readTree(FULL_NUMBER);
        OwnedNumber number = SignalWireNumbers.owned(json);
        assertThat(number.id()).isEqualTo("0c1ff6ee-6c3f-4a8e-9b0f-4a2a9f0f1b11");
        assertThat(number.number()).isEqualTo(PhoneNumber.of("+15558675309"));
        assertThat(number.name()).contains("Support line");
        assertThat(number.type()).isEqualTo(NumberType.LOCAL);
        assertThat(number.features()).containsExactlyInAnyOrder(NumberFeature.values());
        assertThat(number.createdAt()).hasValueSatisfying(t -> assertThat(t).hasToString("2026-01-05T09:00:00Z"));
        assertThat(number.voiceRoute()).hasValueSatisfying(r -> {
            assertThat(r.url()).hasToString("https://example.com/voice");
            assertThat(r.method()).isEqualTo(WebhookMethod.GET);
            assertThat(r.fallbackUrl()).hasValueSatisfying(u -> assertThat(u).hasToString("https://example.com/voice-fallback"));
        });
        assertThat(number.messagingRoute()).hasValueSatisfying(r -> assertThat(r.fallbackUrl()).isEmpty());
        // every other non-null field has a home among the provider attributes
        json.fieldNames().forEachRemaining(field -> {
            if (!json.get(field).isNull() && !List.of("id", "number", "name", "capabilities", "number_type", "created_at").contains(field)) {
                assertThat(number.attributes()).as(field).containsEntry(field, json.get(field).asText());
            }
        });
        assertThat(number.attributes()).containsEntry("e911_address_id", "7d2e1c3b-aaaa-4bbb-8ccc-123456789abc")
                .containsEntry("next_billed_at", "2026-02-05T09:00:00Z").containsEntry("call_relay_topic", "office");
    }

    @Test
    void bothDocumentedSearchShapesAreRead() throws Exception {
        var mapper = RestClient.newMapper();
        AvailableNumber current = SignalWireNumbers.offer(mapper.readTree("""
                {"number":"+12062011680","region":"WA","city":"Seattle","rate_center":"SEATTLE","lata":"674",
                 "capabilities":{"voice":true,"sms":true,"mms":false,"fax":false}}"""));
        AvailableNumber legacy = SignalWireNumbers.offer(mapper.readTree("""
                {"e164":"+12062041820","national_number_formatted":"(206) 204-1820",
                 "international_number_formatted":"+1 206-204-1820","rate_center":"SEATTLE","region":"WA",
                 "country_code":"US","capabilities":["voice","sms","mms"]}"""));
        assertThat(current.number().e164()).isEqualTo("+12062011680");
        assertThat(current.features()).containsExactlyInAnyOrder(NumberFeature.VOICE, NumberFeature.SMS);
        assertThat(current.locality()).contains("Seattle");
        assertThat(current.attributes()).containsEntry("lata", "674");
        assertThat(legacy.number().e164()).isEqualTo("+12062041820");
        assertThat(legacy.features()).containsExactlyInAnyOrder(NumberFeature.VOICE, NumberFeature.SMS, NumberFeature.MMS);
        assertThat(legacy.rateCenter()).contains("SEATTLE");
        assertThat(legacy.attributes()).containsEntry("national_number_formatted", "(206) 204-1820");
    }

    @Test
    void searchesSignalWireCannotRunAreRefusedBeforeAnyRequest() {
        var inventory = provider.inventory();
        assertThatThrownBy(() -> inventory.search(NumberSearch.builder().country("US").region("NY").areaCode("212").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("search.region").hasMessageContaining("area code");
        assertThatThrownBy(() -> inventory.search(NumberSearch.builder().country("US").contains("12").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("3 to 7 digits");
        assertThatThrownBy(() -> inventory.search(NumberSearch.builder().country("US").endsWith("12345678").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("search.pattern");
        assertThatThrownBy(() -> inventory.search(NumberSearch.builder().country("US").type(NumberType.TOLL_FREE).region("NY").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("toll-free");
        assertThatThrownBy(() -> inventory.search(NumberSearch.builder().country("US").locality("Albany").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("search.locality");
        assertThatThrownBy(() -> inventory.search(NumberSearch.builder().country("GB").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("search.country");
        assertThat(harness.carrier().requestCount()).isZero();
    }

    @Test
    void searchAsksForMoreWhenTheLibraryFiltersFeaturesItself() {
        var search = NumberSearch.builder().country("US").areaCode("212").features(NumberFeature.SMS).limit(5).build();
        String sent = new SignalWireInventory(null).searchRequest(search).pathAndQuery();
        assertThat(sent).contains("max_results=100").contains("areacode=212").contains("number_type=local")
                .doesNotContain("sms");
    }

    @Test
    void listFollowsLinksNextWithItsPageToken() {
        for (int i = 0; i < 7; i++) {
            harness.carrier().own(PhoneNumber.of("+1646200000" + i), "line " + i);
        }
        var pages = provider.inventory().list(ListQuery.builder().pageSize(3).build()).pages().iterator();
        var first = pages.next();
        assertThat(first.items()).hasSize(3);
        // the listing's token wraps SignalWire's links.next, which goes back to the configured host only
        assertThat(first.nextToken()).hasValueSatisfying(t -> assertThat(providerToken(t))
                .startsWith("/api/relay/rest/phone_numbers?").contains("page_number=1").contains("page_token=PA"));
        assertThat(pages.next().items()).hasSize(3);
        var last = pages.next();
        assertThat(last.items()).hasSize(1);
        assertThat(last.nextToken()).isEmpty();
        assertThatThrownBy(() -> provider.inventory().list().resumeFrom("https://evil.example.com/steal").firstPage())
                .isInstanceOf(InvalidRequestException.class);
    }

    /** The provider's token inside a listing's token: {@code tl1.<base64url of it>.<check>}. */
    private static String providerToken(String listingToken) {
        assertThat(listingToken).startsWith("tl1.");
        return new String(java.util.Base64.getUrlDecoder().decode(listingToken.substring(4, listingToken.lastIndexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aPlusInANumberTravelsAsPercent2BNeverAsASpace() {
        harness.carrier().own(PhoneNumber.of("+12125550100"), "line");
        // the simulator decodes queries as a real server does ('+' = space): the lookup only works if '+' was encoded
        assertThat(provider.inventory().get(PhoneNumber.of("+12125550100"))).isPresent();
    }

    @Test
    void releaseDeletesOnlyANumberThatMatchesExactly() {
        harness.carrier().own(PhoneNumber.of("+12125550100"), "line");
        assertThatThrownBy(() -> provider.inventory().release(PhoneNumber.of("+1212555010")))
                .isInstanceOf(NumberNotFoundException.class);
        assertThat(harness.carrier().releases()).isEmpty();
        assertThat(harness.carrier().ownedNumbers()).hasSize(1);
    }

    private final SignalWireErrors errors = new SignalWireErrors();
    private final Redactor redactor = new Redactor(List.of(dev.telephony.api.Secret.of("t", SignalWireHarness.TOKEN)));

    private RuntimeException translate(int status, String body, Map<String, List<String>> headers) {
        HttpResponse response = new HttpResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
        return errors.translate(dev.telephony.http.HttpRequest.get("/x"), response,
                dev.telephony.api.error.ErrorContext.of("signalwire").withHttpStatus(status),
                dev.telephony.http.RetryAfter.parse(response.header("Retry-After"), harness.clock()), redactor);
    }

    @Test
    void eachErrorBodyShapeIsMapped() {
        assertThat(translate(401, "{\"error\":\"Unauthorized\"}", Map.of())).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Unauthorized");
        assertThat(translate(403, "{\"error\":\"Forbidden\"}", Map.of())).isInstanceOf(PermissionDeniedException.class);
        assertThat(translate(404, "{\"error\":\"Not Found\"}", Map.of())).isInstanceOf(dev.telephony.api.error.NotFoundException.class);
        assertThat(translate(500, "{\"error\":\"Internal Server Error\"}", Map.of())).isInstanceOf(ProviderUnavailableException.class);
        RuntimeException invalid = translate(422, """
                {"errors":[{"code":"invalid_parameter","title":"Invalid Attribute","detail":"must be 3 to 7 digits",
                "status":"422","attribute":"contains"}]}""", Map.of());
        assertThat(invalid).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("contains");
            assertThat(e.providerCode()).contains("invalid_parameter");
        });
        assertThat(translate(429, "{\"error\":\"Too Many Requests\"}", Map.of("Retry-After", List.of("12"))))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(12)));
        assertThat(translate(502, "<html>Bad gateway " + SignalWireHarness.TOKEN + "</html>", Map.of()))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("Bad gateway")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SignalWireHarness.TOKEN));
    }

    @Test
    void anUnparseableSuccessIsAProtocolErrorWithAShortExcerpt() {
        // a first, undisturbed request warms the connection, so a loaded machine cannot turn the spoiled one into a time-out
        provider.inventory().get(PhoneNumber.of("+12125550100"));
        harness.faults().injectOnce(dev.telephony.testkit.carrier.RequestKind.READ, dev.telephony.testkit.carrier.Fault.malformedBody());
        assertThatThrownBy(() -> provider.inventory().get(PhoneNumber.of("+12125550100")))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("<<<not json");
    }

    @Test
    void theProviderNeverShowsItsToken() {
        assertThat(provider.toString()).doesNotContain(SignalWireHarness.TOKEN);
        assertThat(Optional.of(provider).map(Object::toString)).isPresent();
    }

    /**
     * A 429 with Retry-After on one number of a parallel bulk purchase pauses the whole batch: the
     * provider's executor is the test's (it runs each number's task itself, on threads of its own), so
     * which number is in flight is the test's choice; the wait is slept once, on the injected sleeper.
     */
    @Test
    void aRateLimitOnOneNumberOfABulkPurchasePausesTheWholeBatchForTheRetryAfterAndIsSleptOnce() throws Exception {
        var numbers = harness.carrier().seed().areaCode("646").count(3).add().stream().map(AvailableNumber::number).toList();
        var clock = harness.clock();
        var tasks = new java.util.concurrent.LinkedBlockingQueue<Runnable>();
        var sleeping = new java.util.concurrent.CountDownLatch(1);
        var wake = new java.util.concurrent.CountDownLatch(1);
        dev.telephony.api.Sleeper sleeper = d -> {
            sleeping.countDown();
            wake.await();
            clock.sleeper().sleep(d);
        };
        harness.carrier().faults().injectOnce(dev.telephony.testkit.carrier.RequestKind.PURCHASE,
                dev.telephony.testkit.carrier.Fault.rateLimited(Duration.ofSeconds(3)));
        try (TelephonyProvider paced = SignalWireProvider.builder().baseUrl(harness.simulator().baseUri())
                .projectId(SignalWireHarness.PROJECT).apiToken(SignalWireHarness.TOKEN).clock(clock).sleeper(sleeper)
                .random(new java.util.SplittableRandom(3)).executor(tasks::add)
                .httpSettings(dev.telephony.http.HttpSettings.defaults().withResponseTimeout(SignalWireHarness.RESPONSE_TIMEOUT)
                        .withBulkConcurrency(2))
                .build()) {
            var purchase = new java.util.concurrent.FutureTask<>(() -> paced.purchaser()
                    .purchase(dev.telephony.api.PurchaseRequest.ofNumbers(numbers)));
            new Thread(purchase, "bulk purchase").start();
            Runnable first = tasks.take();
            Runnable second = tasks.take();
            Thread limited = new Thread(first, "rate limited");
            limited.start();
            sleeping.await();
            int sentBeforePause = harness.carrier().requestCount(dev.telephony.testkit.carrier.RequestKind.PURCHASE);
            // the second number starts while the batch is paused: it must not send before the wait is over
            Thread held = new Thread(second, "held back");
            held.start();
            while (held.isAlive() && held.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            assertThat(harness.carrier().requestCount(dev.telephony.testkit.carrier.RequestKind.PURCHASE)).isEqualTo(sentBeforePause);
            assertThat(tasks).isEmpty();
            wake.countDown();
            limited.join();
            held.join();
            tasks.take().run();
            var order = purchase.get();
            assertThat(order.purchased()).containsExactlyElementsOf(numbers);
            assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
            assertThat(harness.carrier().repeatedPurchases()).isEmpty();
            assertThat(numbers).allSatisfy(n -> assertThat(harness.carrier().timesBought(n)).isEqualTo(1));
        }
    }
}
