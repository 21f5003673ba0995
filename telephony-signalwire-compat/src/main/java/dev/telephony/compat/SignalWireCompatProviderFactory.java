package dev.telephony.compat;

import dev.telephony.api.spi.ConfigKey;
import dev.telephony.api.spi.ProviderConfig;
import java.util.ArrayList;
import java.util.List;

/** The SPI entry {@code signalwire-compat}: SignalWire's LaML compatibility API. */
public final class SignalWireCompatProviderFactory extends LamlProviderFactory {
    /** The name it is registered and chosen by. */
    static final String NAME = "signalwire-compat";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    LamlFlavor flavor() {
        return LamlFlavor.SIGNALWIRE_COMPAT;
    }

    @Override
    LamlProvider.Builder builder() {
        return LamlProvider.signalWireCompat();
    }

    @Override
    public String description() {
        return "SignalWire compatibility (LaML) API (/api/laml/2010-04-01)";
    }

    @Override
    public List<ConfigKey> configKeys() {
        List<ConfigKey> keys = new ArrayList<>();
        keys.add(ConfigKey.requiredUnless(SPACE, "the SignalWire space: a name such as 'example', or its URL", BASE_URL));
        keys.addAll(commonKeys("the project id, used as the AccountSid", "an API token with the Numbers scope"));
        return keys;
    }

    @Override
    void configureBase(LamlProvider.Builder builder, ProviderConfig config) {
        if (config.get(BASE_URL).isPresent()) {
            super.configureBase(builder, config);
        } else if (config.get(SPACE).isPresent()) {
            builder.space(config.get(SPACE).get());
        } else {
            throw missingSpace(name());
        }
    }
}
