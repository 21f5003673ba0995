package dev.telephony.alianza;

import dev.telephony.api.Capability;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.spi.ConfigKey;
import dev.telephony.api.spi.ProviderConfig;
import dev.telephony.api.spi.TelephonyProviderFactory;
import dev.telephony.http.HttpConfig;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * The SPI entry {@code alianza}. Authenticates with {@code auth-token}, or with {@code username} and
 * {@code password} exchanged for a token at log-in; given both, the token is used first and the
 * credentials replace it once it expires.
 */
public final class AlianzaProviderFactory implements TelephonyProviderFactory {
    static final String BASE_URL = "base-url";
    static final String PARTITION_ID = "partition-id";
    static final String ACCOUNT_ID = "account-id";
    static final String AUTH_TOKEN = "auth-token";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    @Override
    public String name() {
        return AlianzaProvider.NAME;
    }

    @Override
    public String description() {
        return "Alianza v2 API (/v2/partition/{partitionId}/telephone-number/…): numbers, orders, ports, assignments";
    }

    @Override
    public List<ConfigKey> configKeys() {
        List<ConfigKey> keys = new java.util.ArrayList<>(List.of(
                ConfigKey.withDefault(BASE_URL, "the API root (https://api.b2.alianza.com for beta; a proxy or simulator)",
                        AlianzaProvider.PRODUCTION.toString()),
                ConfigKey.required(PARTITION_ID, "the partition id Alianza assigned"),
                ConfigKey.required(ACCOUNT_ID, "the account whose numbers are managed"),
                ConfigKey.optionalSecret(AUTH_TOKEN, "an X-AUTH-TOKEN; give it, or username and password"),
                ConfigKey.optional(USERNAME, "the API user that logs in at POST /v2/authorize"),
                ConfigKey.optionalSecret(PASSWORD, "the API user's password")));
        // orders of up to 100 numbers, placed one after another: no single-number purchases to send at once
        keys.addAll(HttpConfig.keysForOrders());
        return List.copyOf(keys);
    }

    @Override
    public Set<Capability> capabilities() {
        return AlianzaProvider.CAPABILITIES;
    }

    @Override
    public TelephonyProvider create(ProviderConfig config) {
        AlianzaProvider.Builder builder = AlianzaProvider.builder()
                .baseUrl(baseUrl(config.require(BASE_URL)))
                .partitionId(config.require(PARTITION_ID))
                .accountId(config.require(ACCOUNT_ID))
                .clock(config.clock())
                .sleeper(config.sleeper())
                .httpSettings(HttpConfig.settings(config));
        config.secret(AUTH_TOKEN).ifPresent(builder::authToken);
        if (config.get(USERNAME).isPresent() || config.secret(PASSWORD).isPresent()) {
            builder.credentials(config.get(USERNAME).orElse(null), config.secret(PASSWORD).orElse(null));
        }
        return builder.build();
    }

    private static URI baseUrl(String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("configuration " + BASE_URL + " of provider '" + AlianzaProvider.NAME + "' is not a URL",
                    List.of(BASE_URL));
        }
    }
}
