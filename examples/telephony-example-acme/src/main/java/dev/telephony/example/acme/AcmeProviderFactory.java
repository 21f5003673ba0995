package dev.telephony.example.acme;

import dev.telephony.api.Capability;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.spi.ConfigKey;
import dev.telephony.api.spi.ProviderConfig;
import dev.telephony.api.spi.TelephonyProviderFactory;
import dev.telephony.http.HttpConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The SPI entry: listed in {@code META-INF/services/dev.telephony.api.spi.TelephonyProviderFactory}. */
public final class AcmeProviderFactory implements TelephonyProviderFactory {
    static final String BASE_URL = "base-url";
    static final String API_TOKEN = "api-token";

    @Override
    public String name() {
        return AcmeProvider.NAME;
    }

    @Override
    public String description() {
        return "Acme Telecom's REST API (an example provider)";
    }

    @Override
    public List<ConfigKey> configKeys() {
        List<ConfigKey> keys = new ArrayList<>(List.of(
                ConfigKey.withDefault(BASE_URL, "Acme's API root", "https://api.acme.example"),
                ConfigKey.requiredSecret(API_TOKEN, "a bearer token from Acme's console")));
        keys.addAll(HttpConfig.keys());
        return List.copyOf(keys);
    }

    @Override
    public Set<Capability> capabilities() {
        return AcmeProvider.CAPABILITIES;
    }

    @Override
    public TelephonyProvider create(ProviderConfig config) {
        return AcmeProvider.builder().baseUrl(HttpConfig.url(config, BASE_URL)).apiToken(config.secret(API_TOKEN).orElseThrow())
                .clock(config.clock()).sleeper(config.sleeper()).httpSettings(HttpConfig.settings(config)).build();
    }
}
