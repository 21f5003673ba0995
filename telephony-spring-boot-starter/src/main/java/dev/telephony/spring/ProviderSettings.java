package dev.telephony.spring;

import dev.telephony.api.ProviderInfo;
import dev.telephony.api.Telephony;
import dev.telephony.api.spi.ConfigKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/** A provider's configuration values, read from the Spring environment under {@code telephony.<provider>}. */
final class ProviderSettings {
    private ProviderSettings() {
    }

    /** The providers on the class path, as the library describes them, without creating any. */
    static List<ProviderInfo> providers(ClassLoader loader) {
        return isolated(loader).providers();
    }

    /** A builder that reads nothing but what it is given: the Spring environment is the one source. */
    static Telephony.Builder isolated(ClassLoader loader) {
        return Telephony.builder().classLoader(loader).systemProperties(new Properties()).environment(Map.of());
    }

    /**
     * The values of {@code provider}'s declared keys, in any of Spring's relaxed forms (a properties
     * file's {@code telephony.signalwire.project-id}, the environment's {@code TELEPHONY_SIGNALWIRE_PROJECT_ID}),
     * and, as they are, the keys under {@code telephony.<provider>} it does not declare, so that the library
     * refuses a misspelt key by name instead of ignoring it.
     */
    static Map<String, String> values(Environment environment, String provider, List<ConfigKey> declared) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ConfigKey key : declared) {
            String value = environment.getProperty(prefix(provider) + key.name());
            if (value != null) {
                values.put(key.name(), value);
            }
        }
        Map<String, String> given = Binder.get(environment)
                .bind(prefix(provider).substring(0, prefix(provider).length() - 1), Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        given.forEach((key, value) -> {
            if (declared.stream().noneMatch(k -> normal(k.name()).equals(normal(key)))) {
                values.put(key, value);
            }
        });
        return values;
    }

    /** The declared key {@code property} names, if it is one of {@code provider}'s secret keys. */
    static Optional<ConfigKey> secretKey(String property, List<ProviderInfo> providers) {
        String name = normal(property);
        for (ProviderInfo info : providers) {
            for (ConfigKey key : info.configKeys()) {
                if (key.secret() && name.equals(normal(prefix(info.name()) + key.name()))) {
                    return Optional.of(key);
                }
            }
        }
        return Optional.empty();
    }

    static String prefix(String provider) {
        return "telephony." + provider + ".";
    }

    /** A property name in one relaxed form: lower case, without dots, dashes or underscores. */
    static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-._\\[\\]]", "");
    }
}
