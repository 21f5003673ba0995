package dev.telephony.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telephony.api.error.ProtocolException;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads, through the SDK's own pipeline (HMAC signing and all), the two resources SDK 1.1.6 reaches only
 * from inside its pollers: a long-running operation by id, and a search result by id. That is what lets
 * a purchase be followed from its id alone after a restart.
 */
final class AzureResources {
    /** The api-version SDK 1.1.6 sends, whatever its service-version setting says. */
    static final String API_VERSION = "2022-12-01";

    private final HttpPipeline pipeline;
    private final String endpoint;
    private final AzureErrors errors;
    private final ObjectMapper json = new ObjectMapper();

    AzureResources(HttpPipeline pipeline, String endpoint, AzureErrors errors) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
        this.errors = errors;
    }

    /** {@code GET /phoneNumbers/operations/{id}}: the operation, or empty when Azure no longer has it. */
    Optional<JsonNode> operation(String operationId) {
        return get("/phoneNumbers/operations/" + encode(operationId));
    }

    /** {@code GET /availablePhoneNumbers/searchResults/{id}}: the held search, or empty once it is gone (bought or expired). */
    Optional<JsonNode> searchResult(String searchId) {
        return get("/availablePhoneNumbers/searchResults/" + encode(searchId));
    }

    private Optional<JsonNode> get(String path) {
        return errors.call(() -> {
            HttpRequest request = new HttpRequest(HttpMethod.GET, endpoint + path + "?api-version=" + API_VERSION);
            try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
                int status = response.getStatusCode();
                if (status == 404) {
                    return Optional.empty();
                }
                String body = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
                if (status >= 400) {
                    throw new com.azure.core.exception.HttpResponseException("HTTP " + status, response);
                }
                try {
                    return Optional.of(json.readTree(body));
                } catch (IOException e) {
                    throw new ProtocolException("Azure's answer to GET " + path + " is not JSON", errors.context().withHttpStatus(status), e);
                }
            }
        });
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
