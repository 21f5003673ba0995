package dev.telephony.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.Capability;
import dev.telephony.api.ListQuery;
import dev.telephony.api.Sleeper;
import dev.telephony.api.Telephony;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.event.OperationEvent;
import dev.telephony.api.event.TelephonyListener;
import dev.telephony.api.spi.ProviderConfig;
import dev.telephony.testkit.carrier.CarrierState;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code telephony.composite.carriers=a,b}, with each member's keys under its own name. */
class CompositeProviderFactoryTest {
    static TelephonyProvider create(Map<String, String> config, Properties members, Map<String, String> environment) {
        CompositeProviderFactory factory = new CompositeProviderFactory(members, environment);
        return factory.create(ProviderConfig.of(factory.name(), factory.configKeys(), config, Clock.systemUTC(), Sleeper.SYSTEM));
    }

    @Test
    void membersAreNamedProvidersConfiguredUnderTheirOwnNames() {
        CarrierState.register("factory-east", new CarrierState(Clock.systemUTC()));
        Properties properties = new Properties();
        properties.setProperty("telephony.east.carrier", "factory-east");
        properties.setProperty("telephony.east.capabilities", "search-local,search-by-area-code,purchase,list");
        try (TelephonyProvider composite = create(Map.of("carriers", "east:in-memory, west:in-memory"), properties,
                Map.of("TELEPHONY_WEST_CAPABILITIES", "search-local,list,porting"))) {
            CompositeExtension extension = composite.unwrap(CompositeExtension.class);
            assertThat(extension.members()).containsExactly("east", "west");
            assertThat(extension.member("east").unwrap(CarrierState.class)).isSameAs(CarrierState.named("factory-east"));
            assertThat(extension.member("west").capabilities()).containsExactlyInAnyOrder(Capability.SEARCH_LOCAL, Capability.LIST,
                    Capability.PORTING);
            assertThat(composite.capabilities()).containsExactlyInAnyOrder(Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE,
                    Capability.PURCHASE, Capability.LIST, Capability.PORTING);
        }
    }

    @Test
    void everyMembersMissingKeysAreReportedAtOnceByTheirNames() {
        assertThatThrownBy(() -> create(Map.of("carriers", "signalwire,backup:signalwire"), new Properties(), Map.of()))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.keys())
                        .contains("signalwire.project-id", "signalwire.api-token", "backup.project-id", "backup.api-token", "backup.space"))
                .hasMessageContaining("telephony.backup.api-token").hasMessageContaining("TELEPHONY_BACKUP_PROJECT_ID");
    }

    @Test
    void anUnknownProviderOrABadListIsNamed() {
        assertThatThrownBy(() -> create(Map.of("carriers", "east:teleport"), new Properties(), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("teleport").hasMessageContaining("in-memory");
        assertThatThrownBy(() -> create(Map.of("carriers", "east:composite"), new Properties(), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("composite");
        assertThatThrownBy(() -> create(Map.of("carriers", "in-memory,in-memory"), new Properties(), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> create(Map.of("carriers", "East:in-memory"), new Properties(), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("East");
        assertThatThrownBy(() -> create(Map.of("carriers", "in-memory", "ranking", "cheapest"), new Properties(), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("ranking");
    }

    @Test
    void aListenerGivenForTheCompositeIsToldOfItsMembersCallsToo() {
        List<String> started = new CopyOnWriteArrayList<>();
        TelephonyListener listener = new TelephonyListener() {
            @Override
            public void operationStart(OperationEvent operation) {
                started.add(operation.provider() + " " + operation.operation());
            }
        };
        try (TelephonyProvider composite = Telephony.builder().provider("composite").config("carriers", "east:in-memory")
                .systemProperties(new Properties()).environment(Map.of()).listener(listener).connect()) {
            composite.inventory().list(ListQuery.builder().build()).firstPage();
        }
        assertThat(started).anySatisfy(event -> assertThat(event).startsWith("composite "))
                .anySatisfy(event -> assertThat(event).startsWith("in-memory "));
    }

    @Test
    void theFactoryIsChosenOnlyByName() {
        assertThat(new CompositeProviderFactory().selectableWithoutName()).isFalse();
    }
}
