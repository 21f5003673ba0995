package dev.telephony.compat;

import dev.telephony.api.NumberInventory;
import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.Secret;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.spi.ProviderBase;
import dev.telephony.http.Authentication;
import dev.telephony.http.RestClient;
import dev.telephony.http.RestProviderBuilder;
import dev.telephony.http.UrlPath;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The LaML (Twilio-compatible) API: SignalWire's compatibility API at
 * {@code https://<space>.signalwire.com/api/laml/2010-04-01}, or Twilio's at
 * {@code https://api.twilio.com/2010-04-01}. One implementation; {@link LamlFlavor} says which.
 * Form-encoded requests with PascalCase keys, snake_case JSON answers, HTTP Basic with the
 * AccountSid and auth token.
 *
 * <pre>{@code
 * TelephonyProvider sw = LamlProvider.signalWireCompat().space("example").accountSid(projectId).authToken(token).build();
 * TelephonyProvider tw = LamlProvider.twilio().accountSid("AC…").authToken(token).build();
 * }</pre>
 */
public final class LamlProvider extends ProviderBase {
    /** Twilio's API root. */
    public static final URI TWILIO_API = URI.create("https://api.twilio.com/2010-04-01");

    private final LamlFlavor flavor;
    private final RestClient client;
    private final String accountPath;
    /** The inventory the purchaser reads through, made with the first of the two to be used. */
    private LamlInventory numbers;

    private LamlProvider(LamlFlavor flavor, RestClient client, String accountPath) {
        // the services are made on first use: connecting loads none of their classes
        super(flavor.providerName(), flavor.capabilities(), List.of(), client.events());
        this.flavor = flavor;
        this.client = client;
        this.accountPath = accountPath;
    }

    @Override
    protected NumberInventory createInventory() {
        return numbers();
    }

    @Override
    protected NumberPurchaser createPurchaser() {
        return new LamlPurchaser(client, flavor, numbers());
    }

    private synchronized LamlInventory numbers() {
        if (numbers == null) {
            numbers = new LamlInventory(client, flavor, accountPath);
        }
        return numbers;
    }

    /** A builder for SignalWire's compatibility API. */
    public static Builder signalWireCompat() {
        return new Builder(LamlFlavor.SIGNALWIRE_COMPAT);
    }

    /** A builder for Twilio's API. */
    public static Builder twilio() {
        return new Builder(LamlFlavor.TWILIO).baseUrl(TWILIO_API);
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "LamlProvider[" + flavor.providerName() + " " + client.baseUri() + "]";
    }

    /** The SignalWire compatibility API root for a space given as a name, host or URL. */
    static URI spaceUrl(String space) {
        String value = space.strip();
        if (value.contains("://")) {
            return URI.create(value.replaceAll("/+$", "") + (value.contains("/api/laml") ? "" : "/api/laml/2010-04-01"));
        }
        if (!value.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*")) {
            throw new ConfigurationException("the SignalWire space must be a name such as 'example', a host or a URL, was '"
                    + value + "'", List.of("space"));
        }
        return URI.create("https://" + (value.contains(".") ? value : value + ".signalwire.com") + "/api/laml/2010-04-01");
    }

    /** Builds a {@link LamlProvider}; the base URL (or space), AccountSid and auth token are required. */
    public static final class Builder extends RestProviderBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }

        private final LamlFlavor flavor;
        private URI baseUrl;
        private String accountSid;
        private Secret authToken;

        private Builder(LamlFlavor flavor) {
            this.flavor = flavor;
        }

        /** The SignalWire space (name, host or URL). */
        public Builder space(String space) {
            this.baseUrl = spaceUrl(Objects.requireNonNull(space, "space"));
            return this;
        }

        /** The API root, including its path: {@code …/api/laml/2010-04-01} or {@code …/2010-04-01}. */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** The AccountSid: SignalWire's project id, or Twilio's {@code AC…}. */
        public Builder accountSid(String accountSid) {
            this.accountSid = accountSid;
            return this;
        }

        public Builder authToken(Secret authToken) {
            this.authToken = authToken;
            return this;
        }

        public Builder authToken(String authToken) {
            return authToken(Secret.of("auth-token", authToken));
        }





        public LamlProvider build() {
            List<String> missing = new ArrayList<>();
            if (baseUrl == null) {
                missing.add("space");
            }
            if (accountSid == null || accountSid.isBlank()) {
                missing.add("account-sid");
            }
            if (authToken == null) {
                missing.add("auth-token");
            }
            if (!missing.isEmpty()) {
                throw new ConfigurationException(flavor.providerName() + " needs " + missing, missing);
            }
            if (!flavor.validAccountSid(accountSid)) {
                throw new ConfigurationException("the " + flavor.providerName() + " account-sid must be "
                        + flavor.accountSidRule() + ", was '" + accountSid + "'", List.of("account-sid"));
            }
            String root = baseUrl.getScheme() + "://" + baseUrl.getRawAuthority();
            String prefix = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath().replaceAll("/+$", "");
            RestClient client = restClient(flavor.providerName(), URI.create(root))
                    .authentication(Authentication.basic(accountSid, authToken))
                    .errors(new LamlErrors())
                    
                    .build();
            return new LamlProvider(flavor, client, prefix + UrlPath.of("Accounts", accountSid));
        }
    }
}
