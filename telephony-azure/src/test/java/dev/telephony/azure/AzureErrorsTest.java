package dev.telephony.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.PermissionDeniedException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.QuotaExceededException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.testkit.time.ManualClock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SDK's exceptions and Azure's error bodies become the neutral types. */
class AzureErrorsTest {
    private final AzureErrors errors = new AzureErrors(ManualClock.standard());

    private TelephonyException translate(int status, String body, Map<String, String> headers) {
        HttpHeaders httpHeaders = new HttpHeaders();
        headers.forEach(httpHeaders::set);
        HttpResponse response = new HttpResponse(new HttpRequest(HttpMethod.GET, "https://x.communication.azure.com/phoneNumbers")) {
            @Override
            public int getStatusCode() {
                return status;
            }

            @Override
            @SuppressWarnings("deprecation")
            public String getHeaderValue(String name) {
                return httpHeaders.getValue(name);
            }

            @Override
            public HttpHeaders getHeaders() {
                return httpHeaders;
            }

            @Override
            public Flux<ByteBuffer> getBody() {
                return Flux.just(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
            }

            @Override
            public Mono<byte[]> getBodyAsByteArray() {
                return Mono.just(body.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public Mono<String> getBodyAsString() {
                return Mono.just(body);
            }

            @Override
            public Mono<String> getBodyAsString(java.nio.charset.Charset charset) {
                return Mono.just(body);
            }
        };
        return errors.translate(new HttpResponseException("Status code " + status + ", \"" + body.replace("\"", "\\\"") + "\"",
                response, Map.of("error", errorOf(body))));
    }

    private static Object errorOf(String body) {
        int code = body.indexOf("\"code\":\"");
        if (code < 0) {
            return Map.of();
        }
        String value = body.substring(code + 8, body.indexOf('"', code + 8));
        return Map.of("code", value, "message", "from Azure");
    }

    private static String body(String code) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"from Azure\"}}";
    }

    @Test
    void statusesAndCodesMapToTheNeutralTypes() {
        assertThat(translate(404, body("NotFound"), Map.of())).isInstanceOf(NotFoundException.class);
        assertThat(translate(401, body("Denied"), Map.of())).isInstanceOf(AuthenticationException.class);
        assertThat(translate(403, body("InsufficientPermissions"), Map.of())).isInstanceOf(PermissionDeniedException.class);
        assertThat(translate(429, body("TooManyRequests"), Map.of("retry-after-ms", "1500")))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofMillis(1500)));
        assertThat(translate(400, body("PhoneNumberQuotaExceeded"), Map.of())).isInstanceOf(QuotaExceededException.class)
                .satisfies(e -> assertThat(e.isRetryable()).isFalse());
        assertThat(translate(503, body("ServiceUnavailable"), Map.of("x-ms-request-id", "req-9")))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                    assertThat(e.requestId()).contains("req-9");
                    assertThat(e.providerCode()).contains("ServiceUnavailable");
                });
    }

    @Test
    void ioFailuresAreUnavailableAndOddAnswersAProtocolError() {
        assertThat(errors.translate(new RuntimeException(new TimeoutException("no answer")))).isInstanceOf(ProviderUnavailableException.class);
        assertThat(errors.translate(new IllegalStateException("missing operation-id header"))).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aFailureOnThisSideIsAProtocolErrorNeverAnOutage() {
        // SDK 1.1.6 fails so on a nextLink relative to the endpoint: a bug here, not Azure unreachable
        assertThat(errors.translate(new RuntimeException(new java.net.MalformedURLException("no protocol: /phoneNumbers?skip=100"))))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.isRetryable()).isFalse());
        assertThat(errors.translate(new java.io.UncheckedIOException(new com.fasterxml.jackson.core.JsonParseException(null, "bad"))))
                .isInstanceOf(ProtocolException.class);
        assertThat(errors.translate(new RuntimeException(new java.net.SocketException("Connection reset"))))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void azuresMessageIsReadFromTheBodyEvenWithQuotesInIt() {
        String body = "{\"error\":{\"code\":\"BadRequest\",\"message\":\"say \\\"hi\\\"\",\"target\":\"quantity\"}}";
        HttpHeaders headers = new HttpHeaders().set("MS-CV", "cv-1");
        TelephonyException e = errors.fromAnswer(400, headers, null, AzureErrors.AzureError.of(body.getBytes(StandardCharsets.UTF_8)),
                "fallback", null);
        assertThat(e).isInstanceOfSatisfying(dev.telephony.api.error.InvalidRequestException.class, invalid -> {
            assertThat(invalid.fieldErrors()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo("quantity");
                assertThat(f.rule()).isEqualTo("say \"hi\"");
            });
            assertThat(invalid.providerCode()).contains("BadRequest");
            assertThat(invalid.requestId()).contains("cv-1");
            assertThat(invalid.httpStatus()).hasValue(400);
        });
    }
}
