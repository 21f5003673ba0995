package dev.telephony.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.Telephony;
import dev.telephony.api.error.ConfigurationException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Configuring Azure through discovery. */
class AzureProviderFactoryTest {
    private static Telephony.Builder clean() {
        return Telephony.builder().systemProperties(new Properties()).environment(Map.of());
    }

    @Test
    void aConnectionStringOrAnEndpointWithAKeyIsRequiredAndNamed() {
        assertThatThrownBy(() -> clean().provider("azure").connect())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("connection-string or access-key");
        assertThat(clean().provider("azure").config(Map.of("connection-string", AzureHarness.CONNECTION_STRING,
                "poll-interval-millis", "10")).connect().name()).isEqualTo("azure");
        assertThat(clean().provider("azure").config(Map.of("endpoint", "https://" + AzureHarness.HOST,
                "access-key", AzureHarness.KEY)).connect().capabilities()).isEqualTo(AzureProvider.CAPABILITIES);
        assertThatThrownBy(() -> clean().provider("azure").config(Map.of("connection-string", AzureHarness.CONNECTION_STRING,
                "assignment-type", "robot")).connect())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("assignment-type");
    }
}
