package dev.telephony.compat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.http.RestClient;
import dev.telephony.testkit.wire.SimRequest;
import dev.telephony.testkit.wire.SimResponse;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Twilio's published OpenAPI for API 2010-04-01 ({@code shared/reference/recorded/twilio/twilio_api_v2010.yaml},
 * read where it lies, never copied), as a check on every request the LaML provider sends and every
 * answer the simulator gives. SignalWire's LaML API mirrors it under {@code /api/laml}, with one
 * documented difference: its AccountSid and number sids are UUIDs (SignalWire's own reference gives
 * {@code format: "uuid"}), so for that flavor the sid patterns are UUIDs and nothing else changes.
 *
 * <p>The specification describes successful answers only; error answers are held to Twilio's
 * documented {@code RestException} body ({@code code}, {@code message}, {@code more_info}, {@code status}).
 */
final class LamlSpecification {
    /** Where to find the document when it is not beside the repository (system property). */
    static final String LOCATION_PROPERTY = "telephony.twilio.openapi";
    private static final String RELATIVE = "shared/reference/recorded/twilio/twilio_api_v2010.yaml";
    private static final String UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    private static final Map<Boolean, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private final OpenApiInteractionValidator validator;
    private final String prefix;
    private final List<String> violations = new ArrayList<>();

    /**
     * @param twilio whether the account is Twilio's (sids as Twilio spells them) or SignalWire's (UUIDs)
     * @param prefix the API root's path: {@code /2010-04-01} or {@code /api/laml/2010-04-01}
     */
    LamlSpecification(boolean twilio, String prefix) {
        this.validator = VALIDATORS.computeIfAbsent(twilio, LamlSpecification::validator);
        this.prefix = prefix;
    }

    /** Checks a request as the simulator received it. */
    synchronized void request(SimRequest request) {
        record("request " + describe(request), validator.validateRequest(toRequest(request)));
    }

    /** Checks the simulator's answer to {@code request}. */
    synchronized void answer(SimRequest request, SimResponse response) {
        if (response.status() >= 400) {
            restException(request, response);
            return;
        }
        SimpleResponse.Builder answer = new SimpleResponse.Builder(response.status());
        response.headers().forEach(answer::withHeader);
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        record("answer " + response.status() + " to " + describe(request),
                validator.validateResponse(specPath(request), Request.Method.valueOf(request.method()), answer.build()));
    }

    /** Every violation seen so far. */
    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    private void restException(SimRequest request, SimResponse response) {
        try {
            JsonNode body = RestClient.sharedMapper().readTree(response.body());
            boolean shaped = body != null && body.isObject() && body.path("code").isInt() && body.path("message").isTextual()
                    && body.path("more_info").isTextual() && body.path("status").isInt()
                    && body.path("status").asInt() == response.status();
            if (!shaped) {
                violations.add("answer " + response.status() + " to " + describe(request) + " is not a RestException body: "
                        + response.body());
            }
        } catch (IOException e) {
            violations.add("answer " + response.status() + " to " + describe(request) + " is not JSON: " + response.body());
        }
    }

    private void record(String what, ValidationReport report) {
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).filter(m -> !formValueReadAsNumber(m)).toList();
        if (!errors.isEmpty()) {
            StringBuilder text = new StringBuilder(what).append(':');
            errors.forEach(m -> text.append("\n    ").append(m.getKey()).append(": ").append(m.getMessage()));
            violations.add(text.toString());
        }
    }

    /**
     * The validator reads a form value of digits ({@code PhoneNumber=+12125550100}) as a number, and an
     * empty one ({@code SmsFallbackUrl=}, which clears a URL) as null, and then finds neither is the
     * string the schema asks for. Every value of a form body is a string on the wire, so this one
     * message is the validator's reading, not the request's fault.
     */
    private static boolean formValueReadAsNumber(ValidationReport.Message message) {
        return message.getKey().equals("validation.request.body.schema.type")
                && message.getMessage().matches("(?s).*Instance type \\((integer|number|boolean|null)\\) does not match any allowed primitive type "
                + "\\(allowed: \\[\"string\"]\\).*");
    }

    private Request toRequest(SimRequest request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), specPath(request));
        request.headers().forEach(builder::withHeader);
        request.query().forEach(builder::withQueryParam);
        if (request.body() != null && !request.body().isEmpty()) {
            builder.withBody(request.body());
        }
        return builder.build();
    }

    /** The path as the specification writes it: SignalWire's {@code /api/laml} prefix left out. */
    private String specPath(SimRequest request) {
        String path = request.rawPath();
        return path.startsWith("/api/laml/") && prefix.startsWith("/api/laml/") ? path.substring("/api/laml".length()) : path;
    }

    private static String describe(SimRequest request) {
        return request.method() + " " + request.rawPath() + (request.query().isEmpty() ? "" : " " + request.query());
    }

    // ---- the document -------------------------------------------------------------------------

    private static OpenApiInteractionValidator validator(boolean twilio) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser().read(location().toString(), null, options);
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException("Twilio's OpenAPI document at " + location() + " could not be read");
        }
        // only the resources the provider uses: the rest of the 2010-04-01 API plays no part
        Paths kept = new Paths();
        api.getPaths().forEach((path, item) -> {
            if (path.contains("/AvailablePhoneNumbers") || path.matches(".*/IncomingPhoneNumbers(/\\{Sid})?\\.json")) {
                kept.addPathItem(path, item);
            }
        });
        api.setPaths(kept);
        if (!twilio) {
            signalWireSids(api);
        }
        return OpenApiInteractionValidator.createFor(api).build();
    }

    /** SignalWire's AccountSid and number sids are UUIDs where Twilio's are AC… and PN…. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void signalWireSids(OpenAPI api) {
        for (PathItem item : api.getPaths().values()) {
            for (var operation : item.readOperations()) {
                for (Parameter parameter : Optional.ofNullable(operation.getParameters()).orElse(List.of())) {
                    if ("path".equals(parameter.getIn()) && Set.of("AccountSid", "Sid").contains(parameter.getName())) {
                        uuid(parameter.getSchema());
                    }
                }
            }
            for (Parameter parameter : Optional.ofNullable(item.getParameters()).orElse(List.of())) {
                if ("path".equals(parameter.getIn()) && Set.of("AccountSid", "Sid").contains(parameter.getName())) {
                    uuid(parameter.getSchema());
                }
            }
        }
        Schema number = api.getComponents().getSchemas().get("api.v2010.account.incoming_phone_number");
        Map<String, Schema> properties = number.getProperties();
        uuid(properties.get("account_sid"));
        uuid(properties.get("sid"));
        // fields SignalWire's own reference adds to the object it answers
        properties.put("account_id", new io.swagger.v3.oas.models.media.StringSchema().pattern(UUID));
        properties.put("country_code", new io.swagger.v3.oas.models.media.StringSchema().nullable(true));
        properties.put("verification_status", new io.swagger.v3.oas.models.media.StringSchema());
        // SignalWire's recorded search answers spell two capabilities in capitals, as Twilio's SDKs read them
        for (Map.Entry<String, Schema> entry : api.getComponents().getSchemas().entrySet()) {
            if (entry.getKey().startsWith("api.v2010.account.available_phone_number_country.")) {
                Schema capabilities = (Schema) entry.getValue().getProperties().get("capabilities");
                if (capabilities != null && capabilities.getProperties() != null) {
                    capabilities.getProperties().put("SMS", new io.swagger.v3.oas.models.media.BooleanSchema());
                    capabilities.getProperties().put("MMS", new io.swagger.v3.oas.models.media.BooleanSchema());
                }
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static void uuid(Schema schema) {
        schema.setPattern(UUID);
        schema.setMinLength(null);
        schema.setMaxLength(null);
    }

    private static Path location() {
        String configured = System.getProperty(LOCATION_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Twilio's OpenAPI document (" + RELATIVE + ") is in no folder above "
                + Path.of("").toAbsolutePath() + "; set -D" + LOCATION_PROPERTY + "=<path>");
    }
}
