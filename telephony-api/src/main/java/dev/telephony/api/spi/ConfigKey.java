package dev.telephony.api.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * A configuration key a provider reads.
 *
 * @param name         the key, in lower-case words joined by dashes, such as {@code project-id}
 * @param description  what it is, for error messages and documentation
 * @param required     whether the provider cannot start without it
 * @param secret       whether its value must never be shown
 * @param defaultValue the value used when none is given
 * @param unlessGiven  for a required key: another key whose presence makes this one unnecessary
 *                     (a space, unless a base URL is given)
 */
public record ConfigKey(String name, String description, boolean required, boolean secret,
                        Optional<String> defaultValue, Optional<String> unlessGiven) {
    public ConfigKey {
        Objects.requireNonNull(name, "name");
        if (!isKeyName(name)) {
            throw new IllegalArgumentException("config key names are lower-case words joined by dashes, was '" + name + "'");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(unlessGiven, "unlessGiven");
    }

    /** {@code [a-z][a-z0-9]*(-[a-z0-9]+)*}, checked by hand: connecting reads every key, and a regular expression costs a cold JVM more. */
    private static boolean isKeyName(String name) {
        if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z' || name.charAt(name.length() - 1) == '-') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!word && !(c == '-' && name.charAt(i - 1) != '-')) {
                return false;
            }
        }
        return true;
    }

    /** A key the provider cannot start without. */
    public static ConfigKey required(String name, String description) {
        return new ConfigKey(name, description, true, false, Optional.empty(), Optional.empty());
    }

    /** A secret the provider cannot start without. */
    public static ConfigKey requiredSecret(String name, String description) {
        return new ConfigKey(name, description, true, true, Optional.empty(), Optional.empty());
    }

    /** A key required unless {@code otherKey} is given instead. */
    public static ConfigKey requiredUnless(String name, String description, String otherKey) {
        return new ConfigKey(name, description, true, false, Optional.empty(), Optional.of(otherKey));
    }

    /** A key that may be left out. */
    public static ConfigKey optional(String name, String description) {
        return new ConfigKey(name, description, false, false, Optional.empty(), Optional.empty());
    }

    /** A secret that may be left out (for example one of two ways to authenticate). */
    public static ConfigKey optionalSecret(String name, String description) {
        return new ConfigKey(name, description, false, true, Optional.empty(), Optional.empty());
    }

    /** A key with a default value. */
    public static ConfigKey withDefault(String name, String description, String defaultValue) {
        return new ConfigKey(name, description, false, false, Optional.of(defaultValue), Optional.empty());
    }

    /** The system property that supplies this key for {@code provider}: {@code telephony.<provider>.<key>}. */
    public String systemProperty(String provider) {
        // spelled out: connecting asks this of every key, and a cold JVM links each string concatenation at first use
        return new StringBuilder(11 + provider.length() + name.length()).append("telephony.").append(provider).append('.')
                .append(name).toString();
    }

    /** The environment variable that supplies it: {@code TELEPHONY_<PROVIDER>_<KEY>}. */
    public String environmentVariable(String provider) {
        char[] chars = new StringBuilder(11 + provider.length() + name.length()).append("TELEPHONY_").append(provider).append('_')
                .append(name).toString().toUpperCase(java.util.Locale.ROOT).toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (!(chars[i] >= 'A' && chars[i] <= 'Z' || chars[i] >= '0' && chars[i] <= '9')) {
                chars[i] = '_';
            }
        }
        return new String(chars);
    }
}
