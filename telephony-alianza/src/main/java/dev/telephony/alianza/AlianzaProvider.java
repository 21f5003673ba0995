package dev.telephony.alianza;

import dev.telephony.api.Capability;
import dev.telephony.api.Secret;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.spi.ProviderBase;
import dev.telephony.http.Authentication;
import dev.telephony.http.RestClient;
import dev.telephony.http.RestProviderBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Alianza's v2 API ({@code https://api.alianza.com/v2/partition/{partitionId}/…}): search, orders
 * (asynchronous, in batches), porting, number configuration (caller-ID name, E911, directory
 * listing), release, and assignments through {@link AlianzaExtensions}. JSON both ways; every
 * request carries {@code X-AUTH-TOKEN}, configured or obtained by logging in with a username and
 * password.
 *
 * <pre>{@code
 * TelephonyProvider alianza = AlianzaProvider.builder().partitionId("p-123").accountId("acc_4711")
 *         .credentials("api-user", password).build();
 * alianza.unwrap(AlianzaExtensions.class).assignToIvr(number, "ivr_main");
 * }</pre>
 */
public final class AlianzaProvider extends ProviderBase {
    /** The name the provider is registered and chosen by. */
    public static final String NAME = "alianza";
    /** Alianza's production API root. */
    public static final URI PRODUCTION = URI.create("https://api.alianza.com");
    /**
     * What Alianza's API as the guide documents it can do. Left out: regions, mobile numbers, a state or
     * city on its own (a state only qualifies a rate center), leading digits, feature filters, friendly
     * names, webhook routing and feature switches, none of which the API offers.
     */
    public static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(
            Capability.SEARCH_LOCAL, Capability.SEARCH_TOLL_FREE, Capability.SEARCH_BY_AREA_CODE, Capability.SEARCH_BY_EXCHANGE,
            Capability.SEARCH_BY_RATE_CENTER, Capability.SEARCH_CONTAINS, Capability.SEARCH_ENDS_WITH, Capability.PURCHASE,
            Capability.BULK_PURCHASE, Capability.LIST, Capability.CALLER_ID_NAME, Capability.E911, Capability.RELEASE,
            Capability.PORTING));

    private final RestClient client;
    private final RestClient login;
    private final String partitionId;
    private final String accountId;
    private final AlianzaInventory alianzaInventory;
    private final AlianzaPorting alianzaPorting;

    private AlianzaProvider(RestClient client, RestClient login, AlianzaTokenAuthentication authentication, String partitionId,
                            String accountId) {
        this(client, login, partitionId, accountId, new Parts(client, authentication, partitionId, accountId));
    }

    private AlianzaProvider(RestClient client, RestClient login, String partitionId, String accountId, Parts parts) {
        super(NAME, CAPABILITIES, parts.inventory(), parts.purchaser(), parts.porting(), List.of(parts.assignments()),
                client.events());
        this.client = client;
        this.login = login;
        this.partitionId = partitionId;
        this.accountId = accountId;
        this.alianzaInventory = parts.inventory();
        this.alianzaPorting = parts.porting();
    }

    /**
     * The inventory itself, beneath the argument checks {@link ProviderBase#inventory()} adds: for
     * this package's tests of the requests it builds.
     */
    AlianzaInventory alianzaInventory() {
        return alianzaInventory;
    }

    /** The porting service itself, beneath the argument checks {@link ProviderBase#porting()} adds. */
    AlianzaPorting alianzaPorting() {
        return alianzaPorting;
    }

    /** The services, built on one client, one way of reading answers and one log-in. */
    private record Parts(AlianzaInventory inventory, AlianzaPurchaser purchaser, AlianzaPorting porting,
                         AlianzaAssignments assignments) {
        Parts(RestClient client, AlianzaTokenAuthentication authentication, String partitionId, String accountId) {
            this(client, authentication, new AlianzaPaths(partitionId, accountId), accountId,
                    new AlianzaAnswers(client, authentication::liveSecrets));
        }

        private Parts(RestClient client, AlianzaTokenAuthentication authentication, AlianzaPaths paths, String accountId,
                      AlianzaAnswers answers) {
            this(client, authentication, paths, accountId, answers,
                    new AlianzaInventory(client, answers, authentication, paths, accountId, CAPABILITIES));
        }

        private Parts(RestClient client, AlianzaTokenAuthentication authentication, AlianzaPaths paths, String accountId,
                      AlianzaAnswers answers, AlianzaInventory inventory) {
            this(inventory, new AlianzaPurchaser(client, answers, authentication, paths, accountId, CAPABILITIES, inventory),
                    new AlianzaPorting(client, answers, paths, accountId, CAPABILITIES, inventory),
                    new AlianzaAssignments(client, paths, inventory));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            login.close();
        }
    }

    @Override
    public String toString() {
        return "AlianzaProvider[" + client.baseUri() + ", partition=" + partitionId + ", account=" + accountId + "]";
    }

    /** Builds an {@link AlianzaProvider}: partition, account, and an auth token or a username and password. */
    public static final class Builder extends RestProviderBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }

        private URI baseUrl = PRODUCTION;
        private String partitionId;
        private String accountId;
        private Secret authToken;
        private String username;
        private Secret password;

        private Builder() {
        }

        /** The API root: {@link #PRODUCTION} unless given (the beta host, a proxy or a simulator). */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** The partition Alianza assigned. */
        public Builder partitionId(String partitionId) {
            this.partitionId = partitionId;
            return this;
        }

        /** The account whose numbers are managed. */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** A token to send as {@code X-AUTH-TOKEN}; with credentials too, they replace it once it expires. */
        public Builder authToken(Secret authToken) {
            this.authToken = authToken;
            return this;
        }

        public Builder authToken(String authToken) {
            return authToken(Secret.of("auth-token", authToken));
        }

        /** The username and password exchanged for a token at {@code POST /v2/authorize}. */
        public Builder credentials(String username, Secret password) {
            this.username = username;
            this.password = password;
            return this;
        }

        public Builder credentials(String username, String password) {
            return credentials(username, Secret.of("password", password));
        }





        /** Connects nothing yet: the first request logs in when only credentials are given. */
        public AlianzaProvider build() {
            List<String> missing = new ArrayList<>();
            if (partitionId == null || partitionId.isBlank()) {
                missing.add(AlianzaProviderFactory.PARTITION_ID);
            }
            if (accountId == null || accountId.isBlank()) {
                missing.add(AlianzaProviderFactory.ACCOUNT_ID);
            }
            boolean hasUser = username != null && !username.isBlank();
            if (authToken == null && !hasUser && password == null) {
                missing.add(AlianzaProviderFactory.AUTH_TOKEN + " (or " + AlianzaProviderFactory.USERNAME + " and "
                        + AlianzaProviderFactory.PASSWORD + ")");
            } else if (hasUser && password == null) {
                missing.add(AlianzaProviderFactory.PASSWORD);
            } else if (!hasUser && password != null) {
                missing.add(AlianzaProviderFactory.USERNAME);
            }
            if (!missing.isEmpty()) {
                throw new ConfigurationException(NAME + " needs " + missing, missing.stream().map(m -> m.split(" ")[0]).toList());
            }
            AlianzaTokenAuthentication authentication = new AlianzaTokenAuthentication(NAME, authToken,
                    hasUser ? username.strip() : null, password);
            AlianzaErrors errors = new AlianzaErrors(authentication::liveSecrets);
            RestClient client;
            try {
                client = restClient(NAME, baseUrl).authentication(authentication).errors(errors)
                        .build();
            } catch (IllegalArgumentException badUrl) {
                throw new ConfigurationException("the " + NAME + " " + AlianzaProviderFactory.BASE_URL + " is not usable: "
                        + badUrl.getMessage(), List.of(AlianzaProviderFactory.BASE_URL));
            }
            RestClient login = restClient(NAME, baseUrl).authentication(loginAuthentication(authentication.secrets()))
                    .errors(errors).build();
            authentication.loginThrough(login);
            return new AlianzaProvider(client, login, authentication, partitionId.strip(), accountId.strip());
        }

        /** The log-in request carries its credentials in the body: no header, but the same secrets to hide. */
        private static Authentication loginAuthentication(List<Secret> secrets) {
            return new Authentication() {
                @Override
                public Map<String, String> headers() {
                    return Map.of();
                }

                @Override
                public List<Secret> secrets() {
                    return secrets;
                }

                @Override
                public String toString() {
                    return "AlianzaLogin[****]";
                }
            };
        }
    }
}
