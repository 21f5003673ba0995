package dev.telephony.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.Telephony;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.spi.ConfigKey;
import dev.telephony.api.spi.TelephonyProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The way users reach a provider: {@link ServiceLoader} finds its factory by name, {@code create()} works
 * from the declared configuration keys, missing keys are reported all at once, and the factory's
 * capabilities are the provider's. A broken {@code META-INF/services} file or factory fails here.
 */
public interface DiscoveryContract extends ProviderContract {

    /**
     * Whether the configuration narrows what the provider declares (the in-memory provider's
     * {@code capabilities} key): then the factory's capabilities need only contain the provider's.
     */
    default boolean capabilitiesDependOnConfiguration() {
        return false;
    }

    @Test
    default void serviceLoaderFindsTheFactoryWhichCreatesTheProviderFromItsDeclaredKeys(ProviderHarness h) {
        String name = h.provider().name();
        TelephonyProviderFactory factory = factory(name);
        String declaring = "the capabilities " + factory.getClass().getName() + ".capabilities() declares";
        if (capabilitiesDependOnConfiguration()) {
            assertThat(factory.capabilities()).as(declaring).containsAll(declaredCapabilities());
        } else {
            assertThat(factory.capabilities()).as(declaring).isEqualTo(declaredCapabilities());
        }
        Map<String, String> config = h.factoryConfiguration();
        List<String> known = factory.configKeys().stream().map(ConfigKey::name).toList();
        assertThat(known).as("the keys of the harness's factoryConfiguration() are declared by " + name + "'s factory")
                .containsAll(config.keySet());
        try (TelephonyProvider created = Telephony.connect(name, config)) {
            assertThat(created.name()).isEqualTo(name);
            assertThat(created.capabilities()).as("the capabilities of the provider " + name + "'s factory creates")
                    .isEqualTo(declaredCapabilities());
        }
    }

    @Test
    default void missingRequiredKeysAreReportedAllAtOnceByName(ProviderHarness h) {
        String name = h.provider().name();
        TelephonyProviderFactory factory = factory(name);
        List<String> required = factory.configKeys().stream().filter(ConfigKey::required).map(ConfigKey::name).toList();
        if (required.isEmpty()) {
            try (TelephonyProvider created = Telephony.connect(name, Map.of())) {
                assertThat(created.name()).isEqualTo(name);
            }
            return;
        }
        boolean fromEnvironment = required.stream().anyMatch(key -> System.getProperty("telephony." + name + "." + key) != null);
        if (fromEnvironment) {
            return;
        }
        List<String> unconditional = required.stream().filter(k -> factory.configKeys().stream()
                .noneMatch(c -> c.name().equals(k) && c.unlessGiven().isPresent())).toList();
        assertThatThrownBy(() -> Telephony.connect(name, Map.of())).isInstanceOfSatisfying(ConfigurationException.class,
                e -> unconditional.forEach(key -> assertThat(String.join(" ", e.keys()) + " " + e.getMessage())
                        .as("the missing key " + key + " named").contains(key)));
    }

    private static TelephonyProviderFactory factory(String name) {
        return ServiceLoader.load(TelephonyProviderFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no factory named '" + name + "' is registered: list its class in "
                        + "src/main/resources/META-INF/services/" + TelephonyProviderFactory.class.getName()
                        + " and make its name() answer '" + name + "'"));
    }
}
