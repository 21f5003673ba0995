package dev.telephony.api.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.Telephony;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.discovery.TestFactories.StubProvider;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.spi.TelephonyProviderFactory;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every outcome of choosing a provider, and the message each gives. */
class TelephonyDiscoveryTest {
    private static final Map<String, String> ALPHA_CONFIG = Map.of("space", "acme", "project-id", "p-1",
            "api-token", "tok-s3cr3t-value");

    @TempDir
    Path dir;

    /** A builder that sees only {@code factories}, with no system properties and no environment. */
    private Telephony.Builder seeing(Class<?>... factories) throws IOException {
        return seeing(Map.of(), factories);
    }

    /** The same, with index entries: each factory class named holding that text. */
    private Telephony.Builder seeing(Map<String, String> index, Class<?>... factories) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(TelephonyProviderFactory.class.getName()),
                Arrays.stream(factories).map(Class::getName).collect(Collectors.joining("\n", "", "\n")));
        Path entries = dir.resolve(TelephonyProviderFactory.INDEX);
        Files.createDirectories(entries);
        try (var earlier = Files.list(entries)) {
            for (Path entry : earlier.toList()) {
                Files.delete(entry);
            }
        }
        for (Map.Entry<String, String> entry : index.entrySet()) {
            Files.writeString(entries.resolve(entry.getKey()), entry.getValue());
        }
        ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
        return Telephony.builder().classLoader(loader).systemProperties(new Properties()).environment(Map.of());
    }

    @Test
    void zeroProvidersFailsAndSaysHowToFixIt() throws IOException {
        assertThatThrownBy(() -> seeing().connect())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("found no provider on the classpath")
                .hasMessageContaining("add a provider module")
                .hasMessageContaining("telephony.provider");
    }

    @Test
    void theOnlyProviderIsChosen() throws IOException {
        try (TelephonyProvider provider = seeing(TestFactories.Beta.class).connect()) {
            assertThat(provider.name()).isEqualTo("beta");
        }
    }

    @Test
    void severalProvidersWithoutAChoiceFailAndListThem() throws IOException {
        assertThatThrownBy(() -> seeing(TestFactories.Alpha.class, TestFactories.Beta.class).connect())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("several telephony providers")
                .hasMessageContaining("alpha")
                .hasMessageContaining("beta")
                .hasMessageContaining("telephony.provider=<name>")
                .hasMessageContaining("TELEPHONY_PROVIDER=<name>");
    }

    @Test
    void aProviderIsChosenBySystemPropertyOrEnvironmentOrName() throws IOException {
        Properties properties = new Properties();
        properties.setProperty("telephony.provider", "beta");
        assertThat(seeing(TestFactories.Alpha.class, TestFactories.Beta.class).systemProperties(properties).connect().name())
                .isEqualTo("beta");
        assertThat(seeing(TestFactories.Alpha.class, TestFactories.Beta.class)
                .environment(Map.of("TELEPHONY_PROVIDER", "beta")).connect().name()).isEqualTo("beta");
        assertThat(seeing(TestFactories.Alpha.class, TestFactories.Beta.class).provider("alpha").config(ALPHA_CONFIG)
                .connect().name()).isEqualTo("alpha");
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironment() throws IOException {
        Properties properties = new Properties();
        properties.setProperty("telephony.provider", "beta");
        assertThat(seeing(TestFactories.Alpha.class, TestFactories.Beta.class).systemProperties(properties)
                .environment(Map.of("TELEPHONY_PROVIDER", "alpha")).connect().name()).isEqualTo("beta");
    }

    @Test
    void anUnknownNameFailsAndListsWhatIsThere() throws IOException {
        assertThatThrownBy(() -> seeing(TestFactories.Alpha.class, TestFactories.Beta.class).provider("gamma").connect())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no telephony provider named 'gamma'")
                .hasMessageContaining("found alpha, beta");
    }

    @Test
    void aBrokenFactoryIsReportedAndSkipped() throws IOException {
        try (TelephonyProvider provider = seeing(TestFactories.Broken.class, TestFactories.Beta.class).connect()) {
            assertThat(provider.name()).isEqualTo("beta");
        }
        assertThatThrownBy(() -> seeing(TestFactories.Broken.class, TestFactories.Beta.class).provider("gamma").connect())
                .hasMessageContaining("failed to load")
                .hasMessageContaining("Broken");
        assertThat(seeing(TestFactories.Broken.class, TestFactories.Beta.class).providers())
                .extracting(p -> p.name()).containsExactly("beta");
    }

    @Test
    void aProviderChosenOnlyByNameIsNeverPickedImplicitly() throws IOException {
        assertThatThrownBy(() -> seeing(TestFactories.NameOnly.class).connect())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("sandbox (chosen only by name)");
        assertThat(seeing(TestFactories.NameOnly.class, TestFactories.Beta.class).connect().name()).isEqualTo("beta");
        assertThat(seeing(TestFactories.NameOnly.class).provider("sandbox").connect().name()).isEqualTo("sandbox");
    }

    @Test
    void configurationComesFromTheMapThenSystemPropertiesThenEnvironment() throws IOException {
        Properties properties = new Properties();
        properties.setProperty("telephony.alpha.project-id", "from-property");
        properties.setProperty("telephony.alpha.space", "property-space");
        Map<String, String> environment = Map.of("TELEPHONY_ALPHA_API_TOKEN", "env-token-value",
                "TELEPHONY_ALPHA_SPACE", "env-space", "TELEPHONY_ALPHA_PROJECT_ID", "env-project");
        StubProvider provider = (StubProvider) seeing(TestFactories.Alpha.class).systemProperties(properties)
                .environment(environment).config("space", "map-space").connect();
        assertThat(provider.config().require("space")).isEqualTo("map-space");
        assertThat(provider.config().require("project-id")).isEqualTo("from-property");
        assertThat(provider.config().secret("api-token").orElseThrow().reveal()).isEqualTo("env-token-value");
        assertThat(provider.config().require("region")).isEqualTo("us");
    }

    @Test
    void everyMissingKeyIsReportedAtOnceByName() throws IOException {
        assertThatThrownBy(() -> seeing(TestFactories.Alpha.class).connect())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.keys()).containsExactly("space", "project-id", "api-token"))
                .hasMessageContaining("space")
                .hasMessageContaining("project-id")
                .hasMessageContaining("api-token")
                .hasMessageContaining("telephony.alpha.api-token")
                .hasMessageContaining("TELEPHONY_ALPHA_API_TOKEN");
    }

    @Test
    void unknownKeysAreRefusedByName() throws IOException {
        assertThatThrownBy(() -> seeing(TestFactories.Beta.class).config("tokn", "x").connect())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("tokn");
    }

    @Test
    void secretValuesAreNeverPrinted() throws IOException {
        StubProvider provider = (StubProvider) seeing(TestFactories.Alpha.class).config(ALPHA_CONFIG).connect();
        assertThat(provider.config().toString()).contains("space=acme").contains("api-token=****")
                .doesNotContain("tok-s3cr3t-value");
        assertThat(provider.config().secret("api-token").orElseThrow().toString()).doesNotContain("tok-s3cr3t-value");
        assertThatThrownBy(() -> seeing(TestFactories.Alpha.class).config(Map.of("api-token", "tok-s3cr3t-value")).connect())
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("tok-s3cr3t-value"));
    }

    @Test
    void providersAreDescribedWithoutBeingCreated() throws IOException {
        assertThat(seeing(TestFactories.Alpha.class, TestFactories.NameOnly.class).providers())
                .satisfiesExactly(
                        alpha -> {
                            assertThat(alpha.name()).isEqualTo("alpha");
                            assertThat(alpha.configKeys()).anySatisfy(k -> {
                                assertThat(k.name()).isEqualTo("api-token");
                                assertThat(k.secret()).isTrue();
                            });
                        },
                        sandbox -> assertThat(sandbox.selectableWithoutName()).isFalse());
    }

    private static Map<String, String> entries(Object... classesAndTexts) {
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        for (int i = 0; i < classesAndTexts.length; i += 2) {
            entries.put(((Class<?>) classesAndTexts[i]).getName(), (String) classesAndTexts[i + 1]);
        }
        return entries;
    }

    @Test
    void aProviderChosenByNameThroughTheIndexIsTheOnlyFactoryMade() throws IOException {
        Map<String, String> index = entries(TestFactories.Counted.class, "counted", TestFactories.Broken.class, "broken",
                TestFactories.Beta.class, "# the beta module\nbeta\n");
        int before = TestFactories.Counted.MADE.get();
        try (TelephonyProvider provider = seeing(index, TestFactories.Counted.class, TestFactories.Broken.class,
                TestFactories.Beta.class).provider("beta").connect()) {
            assertThat(provider.name()).isEqualTo("beta");
        }
        assertThat(TestFactories.Counted.MADE.get()).as("other factories made").isEqualTo(before);

        try (TelephonyProvider provider = seeing(TestFactories.Counted.class, TestFactories.Beta.class)
                .provider("beta").connect()) {
            assertThat(provider.name()).isEqualTo("beta");
        }
        assertThat(TestFactories.Counted.MADE.get()).as("without index entries every factory is made").isGreaterThan(before);
    }

    @Test
    void aFactoryListedBeforeTheChosenOneWithoutAnEntryLeavesTheChoiceToDiscovery() throws IOException {
        int before = TestFactories.Counted.MADE.get();
        try (TelephonyProvider provider = seeing(entries(TestFactories.Beta.class, "beta"), TestFactories.Counted.class,
                TestFactories.Beta.class).provider("beta").connect()) {
            assertThat(provider.name()).isEqualTo("beta");
        }
        assertThat(TestFactories.Counted.MADE.get()).as("the factory of unknown name made, by discovery").isGreaterThan(before);
    }

    @Test
    void twoFactoriesOfOneNameAreChosenBetweenAsDiscoveryChoosesTheFirstListed() throws IOException {
        // both indexed, the counted one first: it is chosen, as discovery would choose it
        int created = TestFactories.CountedBeta.CREATED.get();
        seeing(entries(TestFactories.CountedBeta.class, "beta", TestFactories.Beta.class, "beta"),
                TestFactories.CountedBeta.class, TestFactories.Beta.class).provider("beta").connect().close();
        assertThat(TestFactories.CountedBeta.CREATED.get()).as("the first listed, through the index").isEqualTo(created + 1);
        // the first listed has no entry (a module older than the index): discovery chooses it, not the indexed one
        seeing(entries(TestFactories.Beta.class, "beta"), TestFactories.CountedBeta.class, TestFactories.Beta.class)
                .provider("beta").connect().close();
        assertThat(TestFactories.CountedBeta.CREATED.get()).as("the first listed, through discovery").isEqualTo(created + 2);
        // the indexed one first: the other is never made
        int made = TestFactories.CountedBeta.MADE.get();
        seeing(entries(TestFactories.Beta.class, "beta"), TestFactories.Beta.class, TestFactories.CountedBeta.class)
                .provider("beta").connect().close();
        assertThat(TestFactories.CountedBeta.MADE.get()).as("the second listed, never made").isEqualTo(made);
        assertThat(TestFactories.CountedBeta.CREATED.get()).isEqualTo(created + 2);
    }

    @Test
    void anIndexEntryThatCannotBeUsedLeavesTheChoiceToDiscovery() throws IOException {
        List<Map<String, String>> unusable = List.of(
                entries(TestFactories.Alpha.class, "beta", TestFactories.Beta.class, "beta"),
                entries(TestFactories.Alpha.class, "# nothing but a comment\n\n", TestFactories.Beta.class, "beta"),
                entries(TestFactories.Broken.class, "beta", TestFactories.Alpha.class, "alpha", TestFactories.Beta.class, "beta"));
        for (Map<String, String> index : unusable) {
            try (TelephonyProvider provider = seeing(index, TestFactories.Broken.class, TestFactories.Alpha.class,
                    TestFactories.Beta.class).provider("beta").connect()) {
                assertThat(provider.name()).as("connecting beta with the index " + index).isEqualTo("beta");
            }
        }
        assertThatThrownBy(() -> seeing(entries(TestFactories.Broken.class, "broken", TestFactories.Beta.class, "beta"),
                TestFactories.Broken.class, TestFactories.Beta.class).provider("gamma").connect())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no telephony provider named 'gamma'")
                .hasMessageContaining("found beta")
                .hasMessageContaining("failed to load")
                .hasMessageContaining("Broken");
    }

    @Test
    void aNameIsNeverUsedToLookUpAResource() throws IOException {
        Files.createDirectories(dir.resolve("META-INF/telephony"));
        Files.writeString(dir.resolve("META-INF/telephony/secret"), TestFactories.Beta.class.getName());
        assertThatThrownBy(() -> seeing(TestFactories.Alpha.class).provider("../secret").connect())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no telephony provider named '../secret'");
    }
}
