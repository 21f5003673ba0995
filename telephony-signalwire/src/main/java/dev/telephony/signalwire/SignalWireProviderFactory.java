package dev.telephony.signalwire;

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

/** The SPI entry of the SignalWire REST provider. */
public final class SignalWireProviderFactory implements TelephonyProviderFactory {
    static final String SPACE = "space";
    static final String PROJECT_ID = "project-id";
    static final String API_TOKEN = "api-token";
    static final String BASE_URL = "base-url";

    @Override
    public String name() {
        return SignalWireProvider.NAME;
    }

    @Override
    public String description() {
        return "SignalWire REST API (/api/relay/rest/phone_numbers)";
    }

    @Override
    public List<ConfigKey> configKeys() {
        List<ConfigKey> keys = new java.util.ArrayList<>(List.of(
                ConfigKey.requiredUnless(SPACE, "the SignalWire space: a name such as 'example', or its URL", BASE_URL),
                ConfigKey.required(PROJECT_ID, "the project id (the Basic-auth user)"),
                ConfigKey.requiredSecret(API_TOKEN, "an API token with the Numbers scope"),
                ConfigKey.optional(BASE_URL, "overrides the URL derived from the space (a proxy or simulator)")));
        keys.addAll(HttpConfig.keys());
        return List.copyOf(keys);
    }

    @Override
    public Set<Capability> capabilities() {
        return SignalWireProvider.CAPABILITIES;
    }

    @Override
    public TelephonyProvider create(ProviderConfig config) {
        SignalWireProvider.Builder builder = SignalWireProvider.builder()
                .projectId(config.require(PROJECT_ID))
                .apiToken(config.secret(API_TOKEN).orElseThrow())
                .clock(config.clock())
                .sleeper(config.sleeper())
                .httpSettings(HttpConfig.settings(config));
        if (config.get(BASE_URL).isPresent()) {
            builder.baseUrl(baseUrl(config.get(BASE_URL).get()));
        } else if (config.get(SPACE).isPresent()) {
            builder.space(config.get(SPACE).get());
        } else {
            throw new ConfigurationException("provider 'signalwire' needs " + SPACE + " (or " + BASE_URL + "): system property "
                    + "telephony.signalwire.space or environment TELEPHONY_SIGNALWIRE_SPACE", List.of(SPACE));
        }
        return builder.build();
    }

    private static URI baseUrl(String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("configuration " + BASE_URL + " of provider 'signalwire' is not a URL", List.of(BASE_URL));
        }
    }
}
