package dev.telephony.signalwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.NumberSearch;
import dev.telephony.api.Telephony;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.testkit.contract.Fixtures;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Choosing and configuring SignalWire through discovery. */
class SignalWireProviderFactoryTest {
    @Test
    void isTheOnlyProviderOnThisClasspathAndIsChosenWithoutAName() {
        try (SignalWireHarness harness = new SignalWireHarness()) {
            Fixtures.seedStandardOffer(harness.carrier());
            Properties properties = new Properties();
            properties.setProperty("telephony.signalwire.base-url", harness.simulator().baseUri().toString());
            properties.setProperty("telephony.signalwire.project-id", SignalWireHarness.PROJECT);
            try (TelephonyProvider provider = Telephony.builder().systemProperties(properties)
                    .environment(Map.of("TELEPHONY_SIGNALWIRE_API_TOKEN", SignalWireHarness.TOKEN))
                    .clock(harness.clock()).sleeper(harness.clock().sleeper()).connect()) {
                assertThat(provider.name()).isEqualTo("signalwire");
                assertThat(provider.inventory().search(NumberSearch.builder().country("US").areaCode("212").limit(2).build()))
                        .hasSize(2);
            }
        }
    }

    @Test
    void missingConfigurationIsNamedWithoutShowingSecrets() {
        assertThatThrownBy(() -> Telephony.builder().provider("signalwire").systemProperties(new Properties())
                .environment(Map.of()).connect())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("space or base-url").hasMessageContaining("project-id").hasMessageContaining("api-token")
                .hasMessageContaining("TELEPHONY_SIGNALWIRE_API_TOKEN");
        assertThatThrownBy(() -> Telephony.builder().provider("signalwire").systemProperties(new Properties())
                .environment(Map.of()).config(Map.of("project-id", "p", "api-token", "secret-value-123")).connect())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("space")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-value-123"));
    }

    @Test
    void theSpaceMayBeANameAHostOrAUrl() {
        assertThat(SignalWireProvider.spaceUrl("example")).isEqualTo(URI.create("https://example.signalwire.com"));
        assertThat(SignalWireProvider.spaceUrl("example.signalwire.com")).isEqualTo(URI.create("https://example.signalwire.com"));
        assertThat(SignalWireProvider.spaceUrl("https://example.signalwire.com")).isEqualTo(URI.create("https://example.signalwire.com"));
        assertThatThrownBy(() -> SignalWireProvider.spaceUrl("not a space!")).isInstanceOf(ConfigurationException.class);
    }
}
