package dev.telephony.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.Telephony;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.spi.ConfigKey;
import dev.telephony.api.spi.TelephonyProviderFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The way users reach a provider: {@link ServiceLoader} finds its factory by name, {@code create()} works
 * from the declared configuration keys, missing keys are reported all at once, and the factory's
 * capabilities are the provider's. A broken {@code META-INF/services} file or factory fails here, and
 * so does a missing or wrong index entry ({@link TelephonyProviderFactory#INDEX}): connecting by name
 * loads the chosen provider's factory and no other.
 */
public interface DiscoveryContract extends ProviderContract {

    /**
     * Whether the configuration narrows what the provider declares (the in-memory provider's
     * {@code capabilities} key): then the factory's capabilities need only contain the provider's.
     */
    default boolean capabilitiesDependOnConfiguration() {
        return false;
    }

    /**
     * Whether connecting this provider connects others through {@link Telephony} too (a composite of
     * members does): then loading their factories is its work, and the check that connecting loads no
     * other provider's factory does not apply.
     */
    default boolean connectsOtherProviders() {
        return false;
    }

    @Test
    default void theIndexEntryOfTheFactoryServiceLoaderFindsGivesItsName(ProviderHarness h) throws IOException {
        String name = h.provider().name();
        String factory = factory(name).getClass().getName();
        String entry = TelephonyProviderFactory.INDEX + factory;
        List<URL> entries = Collections.list(Thread.currentThread().getContextClassLoader().getResources(entry));
        assertThat(entries).as("the index entries " + entry + " on the class path: add src/main/resources/" + entry
                + " holding the line " + name).hasSize(1);
        assertThat(lines(entries.get(0))).as(entries.get(0) + " gives the factory's name").containsExactly(name);
    }

    @Test
    default void connectingByNameLoadsAndInitialisesNoOtherProvidersFactory(ProviderHarness h) throws Exception {
        Assumptions.assumeFalse(connectsOtherProviders(), "connecting this provider connects others");
        String name = h.provider().name();
        String chosen = factory(name).getClass().getName();
        Map<String, String> config = h.factoryConfiguration();
        try (ObservedClassLoader loader = ObservedClassLoader.ofClassPath()) {
            List<String> factories = new ArrayList<>();
            for (URL services : Collections.list(loader.getResources("META-INF/services/"
                    + TelephonyProviderFactory.class.getName()))) {
                factories.addAll(lines(services));
            }
            assertThat(factories).as("the factories on the class path").contains(chosen);
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try (AutoCloseable created = (AutoCloseable) loader.loadClass(Telephony.class.getName())
                    .getMethod("connect", String.class, Map.class).invoke(null, name, config)) {
                assertThat(created).isNotNull();
            } finally {
                thread.setContextClassLoader(before);
            }
            assertThat(loader.hasLoaded(chosen)).as("connecting '" + name + "' loaded its factory " + chosen).isTrue();
            for (String other : factories) {
                if (!other.equals(chosen)) {
                    assertThat(loader.hasLoaded(other)).as("connecting '" + name + "' loaded another provider's factory, "
                            + other + ": has it an entry " + TelephonyProviderFactory.INDEX + other + "?").isFalse();
                }
            }
        }
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

    /** The names a {@code META-INF/services} file or an index entry lists, comments and blanks left out. */
    private static List<String> lines(URL file) {
        List<String> names = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int comment = line.indexOf('#');
                String className = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (!className.isEmpty()) {
                    names.add(className);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        return names;
    }

    private static TelephonyProviderFactory factory(String name) {
        return ServiceLoader.load(TelephonyProviderFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no factory named '" + name + "' is registered: list its class in "
                        + "src/main/resources/META-INF/services/" + TelephonyProviderFactory.class.getName()
                        + " and make its name() answer '" + name + "'"));
    }
}
