package dev.telephony.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.Capability;
import dev.telephony.api.Telephony;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.testkit.carrier.CarrierState;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The in-memory provider is found through ServiceLoader, but only ever chosen by name. */
class InMemoryDiscoveryTest {
    @Test
    void isNeverChosenWithoutItsName() {
        assertThatThrownBy(() -> Telephony.builder().systemProperties(new Properties()).environment(Map.of()).connect())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("in-memory (chosen only by name)");
    }

    @Test
    void isChosenByNameAndConfiguredByKeys() {
        CarrierState.register("discovery-test", new CarrierState(java.time.Clock.systemUTC()));
        try (TelephonyProvider provider = Telephony.connect("in-memory",
                Map.of("carrier", "discovery-test", "capabilities", "search-local, purchase, list"))) {
            assertThat(provider.name()).isEqualTo("in-memory");
            assertThat(provider.capabilities()).containsExactlyInAnyOrder(Capability.SEARCH_LOCAL, Capability.PURCHASE,
                    Capability.LIST);
            assertThat(provider.unwrap(CarrierState.class)).isSameAs(CarrierState.named("discovery-test"));
        }
    }

    @Test
    void badConfigurationIsNamed() {
        assertThatThrownBy(() -> Telephony.connect("in-memory", Map.of("purchase-mode", "later")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("purchase-mode");
        assertThatThrownBy(() -> Telephony.connect("in-memory", Map.of("capabilities", "teleport")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("teleport");
    }
}
