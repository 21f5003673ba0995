package dev.telephony.api.spi;

import dev.telephony.api.Secret;
import dev.telephony.api.Sleeper;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.event.TelephonyListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The resolved configuration a factory creates its provider from: the values of its
 * {@link ConfigKey}s, the clock and sleeper all waiting goes through, and the listener the provider
 * reports to. {@link #toString()} masks every secret.
 */
public final class ProviderConfig {
    private final String provider;
    private final Map<String, ConfigKey> keys;
    private final Map<String, String> values;
    private final Clock clock;
    private final Sleeper sleeper;
    private final TelephonyListener listener;

    private ProviderConfig(String provider, List<ConfigKey> keys, Map<String, String> values, Clock clock, Sleeper sleeper,
                           TelephonyListener listener) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.keys = new LinkedHashMap<>();
        for (ConfigKey key : keys) {
            this.keys.put(key.name(), key);
        }
        this.values = Map.copyOf(values);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Configuration with these values for these keys. Fails, naming every one, when required keys
     * are missing or values are given for keys that do not exist.
     */
    public static ProviderConfig of(String provider, List<ConfigKey> keys, Map<String, String> values, Clock clock,
                                    Sleeper sleeper) {
        // plain loops: in a cold JVM, where connecting happens, streams and lambdas cost more than the work
        Map<String, String> resolved = new LinkedHashMap<>();
        List<String> known = new ArrayList<>(keys.size());
        for (ConfigKey key : keys) {
            known.add(key.name());
        }
        List<String> unknown = new ArrayList<>();
        for (String given : values.keySet()) {
            if (!known.contains(given)) {
                unknown.add(given);
            }
        }
        if (!unknown.isEmpty()) {
            java.util.Collections.sort(unknown);
            throw new ConfigurationException("provider '" + provider + "' has no configuration key " + unknown
                    + "; its keys are " + known, unknown);
        }
        for (ConfigKey key : keys) {
            String value = values.get(key.name());
            if (value == null || value.isBlank()) {
                value = key.defaultValue().orElse(null);
            }
            if (value != null) {
                resolved.put(key.name(), value.strip());
            }
        }
        List<ConfigKey> missing = new ArrayList<>();
        for (ConfigKey key : keys) {
            if (key.required() && !resolved.containsKey(key.name())
                    && (key.unlessGiven().isEmpty() || !resolved.containsKey(key.unlessGiven().get()))) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException("provider '" + provider + "' is missing configuration "
                    + missing.stream().map(k -> k.name() + k.unlessGiven().map(o -> " or " + o).orElse("")
                            + " (" + k.description() + "; system property "
                            + k.systemProperty(provider) + " or environment " + k.environmentVariable(provider) + ")")
                    .collect(Collectors.joining(", ")),
                    missing.stream().map(ConfigKey::name).toList());
        }
        return new ProviderConfig(provider, keys, resolved, clock, sleeper, TelephonyListener.NONE);
    }

    /** This configuration, with the provider reporting to {@code listener}. */
    public ProviderConfig withListener(TelephonyListener listener) {
        return new ProviderConfig(provider, List.copyOf(keys.values()), values, clock, sleeper,
                TelephonyListener.guarded(Objects.requireNonNull(listener, "listener")));
    }

    /** The provider this configuration is for. */
    public String provider() {
        return provider;
    }

    /** Whether the provider declares {@code key}: only declared keys may be read or given. */
    public boolean declares(String key) {
        return keys.containsKey(key);
    }

    /** The value of a non-secret key, if set. */
    public Optional<String> get(String key) {
        ConfigKey declared = declared(key);
        if (declared.secret()) {
            throw new IllegalArgumentException("'" + key + "' is secret: read it with secret(…)");
        }
        return Optional.ofNullable(values.get(key));
    }

    /** The value of a required non-secret key. */
    public String require(String key) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            throw new ConfigurationException("provider '" + provider + "' needs configuration " + key, List.of(key));
        }
        return value.get();
    }

    /** The value of a secret key, if set. */
    public Optional<Secret> secret(String key) {
        ConfigKey declared = declared(key);
        if (!declared.secret()) {
            throw new IllegalArgumentException("'" + key + "' is not declared secret: read it with get(…)");
        }
        String value = values.get(key);
        return value == null ? Optional.empty() : Optional.of(Secret.of(key, value));
    }

    /** The value of a key as an integer, if set. */
    public Optional<Integer> integer(String key) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.valueOf(value.get()));
        } catch (NumberFormatException e) {
            throw new ConfigurationException("configuration " + key + " of provider '" + provider
                    + "' must be a whole number, was '" + value.get() + "'", List.of(key));
        }
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * The listener the provider reports to ({@link TelephonyListener#NONE} unless one was registered).
     * Providers built on {@link ProviderBase} and the shared REST client report to it without reading it.
     */
    public TelephonyListener listener() {
        return listener;
    }

    private ConfigKey declared(String key) {
        ConfigKey declared = keys.get(key);
        if (declared == null) {
            throw new IllegalArgumentException("provider '" + provider + "' declares no configuration key '" + key + "'");
        }
        return declared;
    }

    @Override
    public String toString() {
        return "ProviderConfig[" + provider + ": " + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + (keys.get(e.getKey()).secret() ? "****" : e.getValue()))
                .collect(Collectors.joining(", ")) + "]";
    }
}
