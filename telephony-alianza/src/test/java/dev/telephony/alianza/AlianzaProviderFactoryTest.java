package dev.telephony.alianza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.NumberSearch;
import dev.telephony.api.ProviderInfo;
import dev.telephony.api.Telephony;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.spi.ConfigKey;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.contract.Fixtures;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Choosing and configuring Alianza through discovery: a token, or a username and password. */
class AlianzaProviderFactoryTest {
    private static Telephony.Builder clean() {
        return Telephony.builder().systemProperties(new Properties()).environment(Map.of());
    }

    private static NumberSearch twoIn212() {
        return NumberSearch.builder().country("US").areaCode("212").limit(2).build();
    }

    @Test
    void isRegisteredWithItsKeysAndCapabilitiesAndMarksTheSecrets() {
        ProviderInfo info = Telephony.providers().stream().filter(p -> p.name().equals("alianza")).findFirst().orElseThrow();
        assertThat(info.capabilities()).isEqualTo(AlianzaProvider.CAPABILITIES);
        assertThat(info.configKeys()).extracting(ConfigKey::name)
                .contains("base-url", "partition-id", "account-id", "auth-token", "username", "password");
        assertThat(info.configKeys()).filteredOn(ConfigKey::secret).extracting(ConfigKey::name)
                .containsExactlyInAnyOrder("auth-token", "password", "proxy-password", "trust-store-password");
        assertThat(info.configKeys()).filteredOn(k -> k.name().equals("base-url"))
                .singleElement().satisfies(k -> assertThat(k.defaultValue()).contains("https://api.alianza.com"));
    }

    @Test
    void isTheOnlySelectableProviderHereAndIsChosenWithoutANameFromPropertiesAndEnvironment() {
        try (AlianzaHarness harness = new AlianzaHarness()) {
            Fixtures.seedStandardOffer(harness.carrier());
            Properties properties = new Properties();
            properties.setProperty("telephony.alianza.base-url", harness.simulator().baseUri().toString());
            properties.setProperty("telephony.alianza.partition-id", AlianzaHarness.PARTITION);
            properties.setProperty("telephony.alianza.account-id", AlianzaHarness.ACCOUNT);
            try (TelephonyProvider provider = Telephony.builder().systemProperties(properties)
                    .environment(Map.of("TELEPHONY_ALIANZA_AUTH_TOKEN", AlianzaHarness.TOKEN))
                    .clock(harness.clock()).sleeper(harness.clock().sleeper()).connect()) {
                assertThat(provider.name()).isEqualTo("alianza");
                assertThat(provider.inventory().search(twoIn212())).hasSize(2);
                assertThat(harness.carrier().requestCount(RequestKind.AUTH)).as("log-ins with a configured token").isZero();
            }
        }
    }

    @Test
    void aUsernameAndPasswordLogInOnFirstUse() {
        try (AlianzaHarness harness = new AlianzaHarness()) {
            Fixtures.seedStandardOffer(harness.carrier());
            try (TelephonyProvider provider = clean().provider("alianza")
                    .config(Map.of("base-url", harness.simulator().baseUri().toString(), "partition-id", AlianzaHarness.PARTITION,
                            "account-id", AlianzaHarness.ACCOUNT, "username", AlianzaHarness.USERNAME,
                            "password", AlianzaHarness.PASSWORD))
                    .clock(harness.clock()).sleeper(harness.clock().sleeper()).connect()) {
                assertThat(harness.carrier().requestCount()).as("requests made by connecting").isZero();
                assertThat(provider.inventory().search(twoIn212())).hasSize(2);
                assertThat(harness.carrier().requestCount(RequestKind.AUTH)).isEqualTo(1);
                assertThat(provider.toString()).doesNotContain(AlianzaHarness.PASSWORD);
            }
        }
    }

    @Test
    void missingConfigurationIsNamedWithoutShowingSecrets() {
        assertThatThrownBy(() -> clean().provider("alianza").connect())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("partition-id").hasMessageContaining("account-id")
                .hasMessageContaining("TELEPHONY_ALIANZA_PARTITION_ID");
        Map<String, String> ids = Map.of("partition-id", "prt-1", "account-id", "acc-1");
        assertThatThrownBy(() -> clean().provider("alianza").config(ids).connect())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("auth-token").hasMessageContaining("username");
        assertThatThrownBy(() -> clean().provider("alianza").config(ids).config("username", "robot").connect())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.keys()).containsExactly("password"));
        assertThatThrownBy(() -> clean().provider("alianza").config(ids).config("password", "secret-value-123").connect())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.keys()).containsExactly("username"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-value-123"));
        assertThatThrownBy(() -> clean().provider("alianza").config(ids).config("auth-token", "tok-secret-456")
                .config("base-url", "ftp://example.com").connect())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("base-url")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("tok-secret-456"));
    }

    @Test
    void bulkConcurrencyIsNoKeyOfAlianzaWhoseOrdersCarryManyNumbersAndIsRefusedRatherThanIgnored() {
        ProviderInfo info = Telephony.providers().stream().filter(p -> p.name().equals("alianza")).findFirst().orElseThrow();
        assertThat(info.configKeys()).extracting(ConfigKey::name).contains("max-connections", "response-timeout-seconds")
                .doesNotContain("bulk-concurrency");
        assertThatThrownBy(() -> clean().provider("alianza").config(Map.of("partition-id", "prt-1", "account-id", "acc-1",
                "auth-token", "tok-secret-456", "bulk-concurrency", "4")).connect())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.keys()).containsExactly("bulk-concurrency"));
    }
}
