package dev.telephony.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telephony.api.PhoneNumber;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Azure's REST resources the library reaches through the SDK's own pipeline (HMAC signing and all)
 * rather than the SDK's methods: the writes that start long-running operations, sent exactly once and
 * answered as soon as Azure accepted them (SDK 1.1.6's {@code begin…} methods poll inside the call, so
 * a failed poll could not be told from a refused write), and the operation and search resources by id,
 * which SDK 1.1.6 reads only from inside its pollers. Every answer is checked for the status and shape
 * Azure documents; anything else is a protocol error.
 */
final class AzureResources {
    /** The api-version SDK 1.1.6 sends, whatever its service-version setting says. */
    static final String API_VERSION = "2022-12-01";
    /** The api-version of browse and reservations, which SDK 1.1.6 does not have. */
    static final String HOLDS_API_VERSION = "2025-04-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpPipeline pipeline;
    private final String endpoint;
    private final URI base;
    private final AzureErrors errors;

    AzureResources(HttpPipeline pipeline, String endpoint, AzureErrors errors) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
        this.base = URI.create(endpoint + "/");
        this.errors = errors;
    }

    /** What Azure answered to a write that starts a long-running operation: 202 and the operation's id. */
    record Accepted(String operationId, HttpHeaders headers, String body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.getValue(name)).map(String::strip).filter(v -> !v.isEmpty());
        }
    }

    /** An answer read whole: its status, headers and body. */
    record Answer(int status, HttpHeaders headers, HttpRequest request, byte[] body) {
    }

    /** A JSON answer and the status it came with (a reservation's 200, 201 or 207). */
    record Json(int status, JsonNode body, HttpHeaders headers, HttpRequest request) {
    }

    // ---- writes: sent once, answered when Azure accepted them ----------------------------------

    /** {@code POST …/countries/{cc}/:search}: accepted with the operation's and the search's ids. */
    Accepted startSearch(String country, String body) {
        return accept(HttpMethod.POST, "/availablePhoneNumbers/countries/" + encode(country) + "/:search", body, null,
                "application/json");
    }

    /** {@code POST /availablePhoneNumbers/:purchase}: accepted with the purchase operation's id. */
    Accepted startPurchase(String searchId) {
        return accept(HttpMethod.POST, "/availablePhoneNumbers/:purchase", JSON.createObjectNode().put("searchId", searchId).toString(),
                null, "application/json");
    }

    /** {@code DELETE /phoneNumbers/{number}}: accepted with the release operation's id. */
    Accepted startRelease(PhoneNumber number) {
        return accept(HttpMethod.DELETE, "/phoneNumbers/" + encode(number.e164()), null, number, null);
    }

    /** {@code PATCH /phoneNumbers/{number}/capabilities}: accepted with the update operation's id. */
    Accepted startCapabilityUpdate(PhoneNumber number, String body) {
        return accept(HttpMethod.PATCH, "/phoneNumbers/" + encode(number.e164()) + "/capabilities", body, number,
                "application/merge-patch+json");
    }

    private Accepted accept(HttpMethod method, String path, String body, PhoneNumber number, String contentType) {
        return accept(method, path, body, number, contentType, API_VERSION);
    }

    private Accepted accept(HttpMethod method, String path, String body, PhoneNumber number, String contentType, String version) {
        Answer answer = exchange(method, path, body, number, contentType, version);
        if (answer.status() != 202) {
            throw errors.unexpected("to " + method + " " + path + " is HTTP " + answer.status() + ", not 202 Accepted",
                    answer.status(), answer.headers(), answer.request());
        }
        String operationId = answer.headers().getValue("operation-id");
        if (operationId == null || operationId.isBlank()) {
            throw errors.unexpected("to " + method + " " + path + " accepted it without an operation-id", 202, answer.headers(),
                    answer.request());
        }
        return new Accepted(operationId.strip(), answer.headers(), new String(answer.body(), StandardCharsets.UTF_8));
    }

    // ---- reads ----------------------------------------------------------------------------------

    /**
     * {@code GET /phoneNumbers/operations/{id}}: the operation, or empty when Azure no longer has it.
     * An answer not in the operation's documented shape ({@link AzureShapes#OPERATION}), or about
     * another operation, is a protocol error.
     */
    Optional<JsonNode> operation(String operationId) {
        return operation(operationId, API_VERSION);
    }

    /** {@link #operation(String)} at another api-version: a reservation purchase's operation is read at the version that started it. */
    Optional<JsonNode> operation(String operationId, String version) {
        return get("/phoneNumbers/operations/" + encode(operationId), version, op -> operationId.equals(op.path("id").asText(null)),
                "is not that operation");
    }

    /**
     * {@code GET /availablePhoneNumbers/searchResults/{id}}: the held search, or empty once it is gone
     * (bought or expired). An answer not in the documented shape ({@link AzureShapes#SEARCH_RESULT}),
     * or about another search, is a protocol error, never "gone" and never "still held".
     */
    Optional<JsonNode> searchResult(String searchId) {
        return get("/availablePhoneNumbers/searchResults/" + encode(searchId), s -> searchId.equals(s.path("searchId").asText(null)),
                "is not that search");
    }

    /** {@code GET path}: the JSON answer, or empty on 404; an answer {@code valid} refuses is a protocol error. */
    private Optional<JsonNode> get(String path, Predicate<JsonNode> valid, String complaint) {
        return get(path, API_VERSION, valid, complaint);
    }

    private Optional<JsonNode> get(String path, String version, Predicate<JsonNode> valid, String complaint) {
        Answer answer = exchange(HttpMethod.GET, path, null, null, null, version);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw errors.unexpected("to GET " + path + " is HTTP " + answer.status() + ", not 200", answer.status(), answer.headers(),
                    answer.request());
        }
        JsonNode json;
        try {
            json = answer.body().length == 0 ? null : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw errors.unexpected("to GET " + path + " is not JSON", 200, answer.headers(), answer.request());
        }
        if (json == null || json.isMissingNode()) {
            throw errors.unexpected("to GET " + path + " is empty", 200, answer.headers(), answer.request());
        }
        if (!valid.test(json)) {
            throw errors.unexpected("to GET " + path + " " + complaint, 200, answer.headers(), answer.request());
        }
        return Optional.of(json);
    }

    /**
     * Sends one request and reads its answer whole. A 404 is handed back (a read may mean "gone" by it);
     * every other status of 300 or more is Azure's error, read from its {@code CommunicationErrorResponse}.
     */
    private Answer exchange(HttpMethod method, String path, String body, PhoneNumber number, String contentType) {
        return exchange(method, path, body, number, contentType, API_VERSION);
    }

    private Answer exchange(HttpMethod method, String path, String body, PhoneNumber number, String contentType, String version) {
        return exchangeUrl(method, endpoint + path + (path.contains("?") ? "&" : "?") + "api-version=" + version, body, number, contentType);
    }

    /** Sends one request to {@code url} (on the endpoint) and reads its answer whole; see {@link #exchange}. */
    private Answer exchangeUrl(HttpMethod method, String url, String body, PhoneNumber number, String contentType) {
        return errors.callOn(number, () -> {
            HttpRequest request = new HttpRequest(method, url);
            if (body != null) {
                request.setHeader(HttpHeaderName.CONTENT_TYPE, contentType);
                request.setBody(BinaryData.fromString(body));
            }
            try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
                BinaryData data = response.getBodyAsBinaryData();
                byte[] bytes = data == null ? new byte[0] : data.toBytes();
                int status = response.getStatusCode();
                if (status >= 300 && !(status == 404 && method == HttpMethod.GET)) {
                    throw errors.fromAnswer(status, response.getHeaders(), request, AzureErrors.AzureError.of(bytes),
                            "Azure answered HTTP " + status, number);
                }
                return new Answer(status, response.getHeaders(), request, bytes);
            }
        });
    }

    // ---- browse and reservations (api-version 2025-04-01) ----------------------------------------

    /** {@code POST …/countries/{cc}/:browse}: a sample of what is on offer, held for no one (200). */
    Json browse(String country, String body) {
        return json(exchange(HttpMethod.POST, "/availablePhoneNumbers/countries/" + encode(country) + "/:browse", body, null,
                "application/json", HOLDS_API_VERSION), "to the browse", 200);
    }

    /**
     * {@code PATCH /availablePhoneNumbers/reservations/{id}} with a merge-patch of its numbers: the
     * reservation as it is afterwards, created (201), changed (200) or changed in part (207).
     */
    Json patchReservation(String reservationId, String body) {
        return json(exchange(HttpMethod.PATCH, reservationPath(reservationId), body, null, "application/merge-patch+json",
                HOLDS_API_VERSION), "to the reservation " + AzureErrors.shorten(reservationId) + "'s change", 200, 201, 207);
    }

    /** {@code GET /availablePhoneNumbers/reservations/{id}}: the reservation, or empty when Azure has none by that id. */
    Optional<JsonNode> reservation(String reservationId) {
        return get(reservationPath(reservationId), HOLDS_API_VERSION, r -> r.isObject(), "is not a reservation");
    }

    /** {@code DELETE /availablePhoneNumbers/reservations/{id}}: 204, its numbers free for anyone again. */
    void deleteReservation(String reservationId) {
        Answer answer = exchange(HttpMethod.DELETE, reservationPath(reservationId), null, null, null, HOLDS_API_VERSION);
        if (answer.status() != 204 && answer.status() != 200) {
            throw errors.unexpected("to DELETE the reservation is HTTP " + answer.status() + ", not 204", answer.status(),
                    answer.headers(), answer.request());
        }
    }

    /** {@code GET /availablePhoneNumbers/reservations} (first page), or the page {@code link} names. */
    Json reservations(Optional<String> link, int pageSize) {
        Answer answer = link.isPresent()
                ? exchangeUrl(HttpMethod.GET, withVersion(resolve(link.get())), null, null, null)
                : exchange(HttpMethod.GET, "/availablePhoneNumbers/reservations?maxPageSize=" + pageSize, null, null, null,
                HOLDS_API_VERSION);
        if (answer.status() == 404) {
            throw errors.unexpected("to the list of reservations is HTTP 404", 404, answer.headers(), answer.request());
        }
        return json(answer, "to the list of reservations", 200);
    }

    /** {@code POST …/reservations/{id}/:purchase}: accepted (202) with the purchase operation's id. */
    Accepted startReservationPurchase(String reservationId, String body) {
        return accept(HttpMethod.POST, reservationPath(reservationId) + "/:purchase", body, null, "application/json",
                HOLDS_API_VERSION);
    }

    private static String reservationPath(String reservationId) {
        return "/availablePhoneNumbers/reservations/" + encode(reservationId);
    }

    /** A next-page link with the api-version it must carry: Azure's links carry it, but one without it would be refused. */
    private static String withVersion(String url) {
        return url.contains("api-version=") ? url : url + (url.contains("?") ? "&" : "?") + "api-version=" + HOLDS_API_VERSION;
    }

    /** The JSON body of an answer with one of the {@code expected} statuses; anything else is a protocol error. */
    private Json json(Answer answer, String what, int... expected) {
        if (java.util.Arrays.stream(expected).noneMatch(s -> s == answer.status())) {
            throw errors.unexpected(what + " is HTTP " + answer.status() + ", which Azure does not document for it", answer.status(),
                    answer.headers(), answer.request());
        }
        JsonNode json;
        try {
            json = answer.body().length == 0 ? null : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw errors.unexpected(what + " is not JSON", answer.status(), answer.headers(), answer.request());
        }
        if (json == null || json.isMissingNode() || json.isNull()) {
            throw errors.unexpected(what + " is empty", answer.status(), answer.headers(), answer.request());
        }
        if (!json.isObject()) {
            throw errors.unexpected(what + " is not a JSON object", answer.status(), answer.headers(), answer.request());
        }
        return new Json(answer.status(), json, answer.headers(), answer.request());
    }

    /**
     * A link Azure gave (a {@code nextLink}), as an absolute URL on the endpoint: Azure's links may be
     * relative to it. A link to another host is refused, so a signed request never leaves the resource.
     */
    String resolve(String link) {
        URI resolved;
        try {
            resolved = base.resolve(link.strip());
        } catch (IllegalArgumentException notALink) {
            throw errors.unexpected("gives a next-page link that is not a URL", 200, null, null);
        }
        if (resolved.getHost() == null || !resolved.getHost().equalsIgnoreCase(base.getHost())
                || !"https".equalsIgnoreCase(resolved.getScheme())) {
            throw errors.unexpected("gives a next-page link away from the endpoint's host", 200, null, null);
        }
        return resolved.toString();
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
