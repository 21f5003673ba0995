package dev.telephony.compat;

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

/** Two registrations of one implementation, each chosen by name with its own configuration and capabilities. */
class LamlProviderFactoryTest {
    private static Telephony.Builder clean() {
        return Telephony.builder().systemProperties(new Properties()).environment(Map.of());
    }

    @Test
    void bothRegistrationsAreFoundAndNeitherIsPickedWithoutAName() {
        assertThat(Telephony.providers()).extracting(p -> p.name()).contains("signalwire-compat", "twilio");
        assertThatThrownBy(() -> clean().connect()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("several").hasMessageContaining("signalwire-compat").hasMessageContaining("twilio");
    }

    @Test
    void eachIsConfiguredByNameAndWorksAgainstItsSimulator() {
        for (LamlFlavor flavor : LamlFlavor.values()) {
            try (LamlHarness harness = new LamlHarness(flavor)) {
                Fixtures.seedStandardOffer(harness.carrier());
                try (TelephonyProvider provider = clean().provider(flavor.providerName())
                        .config(Map.of("base-url", harness.simulator().apiRoot().toString(), "account-sid", harness.sid(),
                                "auth-token", LamlHarness.TOKEN))
                        .clock(harness.clock()).sleeper(harness.clock().sleeper()).connect()) {
                    assertThat(provider.name()).isEqualTo(flavor.providerName());
                    assertThat(provider.capabilities()).isEqualTo(flavor.capabilities());
                    assertThat(provider.inventory().search(NumberSearch.builder().country("US").areaCode("212").limit(2).build())).hasSize(2);
                }
            }
        }
    }

    @Test
    void accountSidsAreCheckedForTheirFlavor() {
        assertThatThrownBy(() -> LamlProvider.twilio().accountSid("b3877c40-da60-4998-90ad-b792e98472ac").authToken("t0k3n-value").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("AC followed by 32 hex digits");
        assertThatThrownBy(() -> LamlProvider.signalWireCompat().space("example").accountSid("AC0123").authToken("t0k3n-value").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("UUID");
        assertThatThrownBy(() -> clean().provider("signalwire-compat").config(Map.of("account-sid", LamlHarness.PROJECT,
                "auth-token", "secret-value-77")).connect())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("space")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-value-77"));
    }

    @Test
    void theSpaceGivesTheCompatibilityRootAndTwilioHasItsOwn() {
        assertThat(LamlProvider.spaceUrl("example")).isEqualTo(URI.create("https://example.signalwire.com/api/laml/2010-04-01"));
        assertThat(LamlProvider.spaceUrl("https://example.signalwire.com")).isEqualTo(URI.create("https://example.signalwire.com/api/laml/2010-04-01"));
        assertThat(LamlProvider.TWILIO_API).isEqualTo(URI.create("https://api.twilio.com/2010-04-01"));
    }
}
