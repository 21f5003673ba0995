package dev.telephony.testkit.memory;

import dev.telephony.api.Capability;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.spi.ConfigKey;
import dev.telephony.api.spi.ProviderConfig;
import dev.telephony.api.spi.TelephonyProviderFactory;
import dev.telephony.testkit.carrier.CarrierState;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SPI entry of the in-memory provider. Chosen only by name: it never spends money, but picking
 * it by accident would make a service pretend to buy numbers.
 */
public final class InMemoryProviderFactory implements TelephonyProviderFactory {
    static final String CARRIER = "carrier";
    static final String TOKEN = "token";
    static final String PURCHASE_MODE = "purchase-mode";
    static final String CAPABILITIES = "capabilities";

    @Override
    public String name() {
        return InMemoryProvider.NAME;
    }

    @Override
    public String description() {
        return "an in-memory carrier for tests and demos; reaches no network";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(
                ConfigKey.withDefault(CARRIER, "the named in-memory carrier to use ('demo' comes seeded)", "demo"),
                ConfigKey.optionalSecret(TOKEN, "the credential presented to the carrier"),
                ConfigKey.withDefault(PURCHASE_MODE, "'immediate' or 'async' (orders complete after a few seconds)", "immediate"),
                ConfigKey.optional(CAPABILITIES, "a comma-separated subset of capabilities to declare; all by default"));
    }

    @Override
    public Set<Capability> capabilities() {
        return InMemoryProvider.ALL_CAPABILITIES;
    }

    @Override
    public boolean selectableWithoutName() {
        return false;
    }

    @Override
    public TelephonyProvider create(ProviderConfig config) {
        String mode = config.require(PURCHASE_MODE).toLowerCase(Locale.ROOT);
        if (!mode.equals("immediate") && !mode.equals("async")) {
            throw new ConfigurationException("configuration " + PURCHASE_MODE + " of provider '" + name()
                    + "' must be 'immediate' or 'async', was '" + mode + "'", List.of(PURCHASE_MODE));
        }
        InMemoryProvider.Builder builder = InMemoryProvider.builder()
                .carrier(CarrierState.named(config.require(CARRIER), config.clock()))
                .clock(config.clock())
                .sleeper(config.sleeper())
                .asynchronousPurchases(mode.equals("async"));
        config.secret(TOKEN).ifPresent(builder::token);
        config.get(CAPABILITIES).ifPresent(list -> builder.capabilities(parse(list)));
        return builder.build();
    }

    private Set<Capability> parse(String list) {
        Set<Capability> chosen = EnumSet.noneOf(Capability.class);
        for (String part : list.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            if (name.isEmpty()) {
                continue;
            }
            try {
                chosen.add(Capability.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("configuration " + CAPABILITIES + " of provider '" + name()
                        + "' names an unknown capability '" + part.strip() + "'; known: " + List.of(Capability.values()),
                        List.of(CAPABILITIES));
            }
        }
        return chosen;
    }
}
