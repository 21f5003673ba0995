package dev.telephony.compat;

import dev.telephony.api.Capability;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.spi.ConfigKey;
import dev.telephony.api.spi.ProviderConfig;
import dev.telephony.api.spi.TelephonyProviderFactory;
import dev.telephony.http.HttpConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What the two LaML registrations share: configuration keys and how they build the provider. */
abstract class LamlProviderFactory implements TelephonyProviderFactory {
    static final String SPACE = "space";
    static final String ACCOUNT_SID = "account-sid";
    static final String AUTH_TOKEN = "auth-token";
    static final String BASE_URL = "base-url";

    abstract LamlFlavor flavor();

    abstract LamlProvider.Builder builder();

    /**
     * The registration's name, a constant: discovery asks every factory on the classpath for its name,
     * and answering it must not initialise {@link LamlFlavor} (its patterns and capability sets) for a
     * provider that is not chosen.
     */
    @Override
    public abstract String name();

    @Override
    public Set<Capability> capabilities() {
        return flavor().capabilities();
    }

    List<ConfigKey> commonKeys(String sidDescription, String tokenDescription) {
        List<ConfigKey> keys = new ArrayList<>();
        keys.add(ConfigKey.required(ACCOUNT_SID, sidDescription));
        keys.add(ConfigKey.requiredSecret(AUTH_TOKEN, tokenDescription));
        keys.add(ConfigKey.optional(BASE_URL, "the API root, overriding the default (a proxy or simulator)"));
        keys.addAll(HttpConfig.keys());
        return keys;
    }

    @Override
    public TelephonyProvider create(ProviderConfig config) {
        LamlProvider.Builder builder = builder()
                .accountSid(config.require(ACCOUNT_SID))
                .authToken(config.secret(AUTH_TOKEN).orElseThrow())
                .clock(config.clock())
                .sleeper(config.sleeper())
                .httpSettings(HttpConfig.settings(config));
        configureBase(builder, config);
        return builder.build();
    }

    void configureBase(LamlProvider.Builder builder, ProviderConfig config) {
        config.get(BASE_URL).map(LamlProviderFactory::url).ifPresent(builder::baseUrl);
    }

    private static URI url(String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("configuration " + BASE_URL + " is not a URL", java.util.List.of(BASE_URL));
        }
    }

    static ConfigurationException missingSpace(String provider) {
        return new ConfigurationException("provider '" + provider + "' needs " + SPACE + " (or " + BASE_URL
                + "): system property telephony." + provider + ".space or environment TELEPHONY_"
                + provider.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_SPACE", List.of(SPACE));
    }
}
