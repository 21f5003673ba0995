package dev.telephony.signalwire;

import dev.telephony.api.Capability;
import dev.telephony.api.NumberInventory;
import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.Secret;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.spi.ProviderBase;
import dev.telephony.http.Authentication;
import dev.telephony.http.RestClient;
import dev.telephony.http.RestProviderBuilder;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * SignalWire's REST API ({@code https://<space>.signalwire.com/api/relay/rest/phone_numbers}),
 * authenticated with HTTP Basic (project id and API token).
 *
 * <pre>{@code
 * TelephonyProvider telephony = SignalWireProvider.builder()
 *         .space("example").projectId("…").apiToken(System.getenv("SIGNALWIRE_TOKEN")).build();
 * }</pre>
 *
 * <p>SignalWire offers no API for porting or for listing regions; those are not declared.
 */
public final class SignalWireProvider extends ProviderBase {
    /** The name it is registered and chosen by. */
    public static final String NAME = "signalwire";
    /** What it can do. */
    public static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(
            Capability.SEARCH_LOCAL, Capability.SEARCH_TOLL_FREE, Capability.SEARCH_BY_AREA_CODE,
            Capability.SEARCH_BY_REGION, Capability.SEARCH_BY_LOCALITY, Capability.SEARCH_STARTS_WITH,
            Capability.SEARCH_CONTAINS, Capability.SEARCH_ENDS_WITH, Capability.SEARCH_BY_FEATURES,
            Capability.PURCHASE, Capability.BULK_PURCHASE, Capability.LIST, Capability.NAMES,
            Capability.VOICE_ROUTING, Capability.MESSAGING_ROUTING, Capability.RELEASE));

    private final RestClient client;
    /** The inventory the purchaser reads through, made with the first of the two to be used. */
    private SignalWireInventory numbers;

    private SignalWireProvider(RestClient client) {
        // the services are made on first use: connecting loads none of their classes
        super(NAME, CAPABILITIES, List.of(), client.events());
        this.client = client;
    }

    @Override
    protected NumberInventory createInventory() {
        return numbers();
    }

    @Override
    protected NumberPurchaser createPurchaser() {
        return new SignalWirePurchaser(client, numbers());
    }

    private synchronized SignalWireInventory numbers() {
        if (numbers == null) {
            numbers = new SignalWireInventory(client);
        }
        return numbers;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "SignalWireProvider[" + client.baseUri() + "]";
    }

    /**
     * The base URL for a space given as a name ({@code example}), a host
     * ({@code example.signalwire.com}) or a URL ({@code https://example.signalwire.com}).
     */
    static URI spaceUrl(String space) {
        String value = space.strip();
        if (value.contains("://")) {
            return URI.create(value);
        }
        if (!value.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*")) {
            throw new ConfigurationException("the SignalWire space must be a name such as 'example', a host or a URL, was '"
                    + value + "'", List.of("space"));
        }
        return URI.create("https://" + (value.contains(".") ? value : value + ".signalwire.com").toLowerCase(Locale.ROOT));
    }

    /** Builds a {@link SignalWireProvider}: a space (or base URL), a project id and an API token are required. */
    public static final class Builder extends RestProviderBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }

        private URI baseUrl;
        private String projectId;
        private Secret apiToken;

        private Builder() {
        }

        /** The space: a name ({@code example}), host or URL. */
        public Builder space(String space) {
            this.baseUrl = spaceUrl(Objects.requireNonNull(space, "space"));
            return this;
        }

        /** Overrides the base URL (a proxy, a simulator). */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        public Builder projectId(String projectId) {
            this.projectId = projectId;
            return this;
        }

        public Builder apiToken(Secret apiToken) {
            this.apiToken = apiToken;
            return this;
        }

        public Builder apiToken(String apiToken) {
            return apiToken(Secret.of("api-token", apiToken));
        }





        public SignalWireProvider build() {
            List<String> missing = new java.util.ArrayList<>();
            if (baseUrl == null) {
                missing.add("space");
            }
            if (projectId == null || projectId.isBlank()) {
                missing.add("project-id");
            }
            if (apiToken == null) {
                missing.add("api-token");
            }
            if (!missing.isEmpty()) {
                throw new ConfigurationException("SignalWire needs " + missing, missing);
            }
            RestClient client = restClient(NAME, baseUrl)
                    .authentication(Authentication.basic(projectId, apiToken))
                    .errors(new SignalWireErrors())
                    
                    .build();
            return new SignalWireProvider(client);
        }
    }
}
