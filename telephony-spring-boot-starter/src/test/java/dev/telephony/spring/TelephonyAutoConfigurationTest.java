package dev.telephony.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.event.OperationEvent;
import dev.telephony.api.event.TelephonyListener;
import dev.telephony.signalwire.SignalWireSimulator;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.memory.InMemoryProvider;
import dev.telephony.testkit.time.ManualClock;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;

/** The starter in an application context: from properties, with the in-memory and the SignalWire provider. */
class TelephonyAutoConfigurationTest {
    private static final String PROJECT = "5f1c3c9e-2f7a-4b8e-9d61-0c2a7e4b1d33";
    private static final String TOKEN = "PTa8c1f0e7b2d94e3f9a6c5b4d3e2f1a0b";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TelephonyAutoConfiguration.class, TelephonyHealthAutoConfiguration.class,
                    TelephonySanitizingAutoConfiguration.class));

    private final ManualClock clock = ManualClock.standard();
    private final CarrierState carrier = new CarrierState(clock);
    private SignalWireSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private String[] signalWire(String... more) {
        simulator = new SignalWireSimulator(carrier, PROJECT, TOKEN);
        carrier.seed().areaCode("212").exchange("555").firstLine(100).count(5).add();
        List<String> properties = new java.util.ArrayList<>(List.of("telephony.provider=signalwire",
                "telephony.signalwire.base-url=" + simulator.baseUri(), "telephony.signalwire.project-id=" + PROJECT,
                "telephony.signalwire.api-token=" + TOKEN, "telephony.signalwire.response-timeout-millis=3000"));
        properties.addAll(List.of(more));
        return properties.toArray(String[]::new);
    }

    @Test
    void theInMemoryProviderFromPropertiesIsABeanThatReportsHealth() {
        runner.withPropertyValues("telephony.provider=in-memory", "telephony.in-memory.purchase-mode=async",
                "telephony.health.read=true").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(TelephonyProvider.class);
                    TelephonyProvider provider = context.getBean(TelephonyProvider.class);
                    assertThat(provider.name()).isEqualTo(InMemoryProvider.NAME);
                    Health health = context.getBean(TelephonyHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("provider", "in-memory").containsEntry("read", "ok");
                });
    }

    @Test
    void theSignalWireProviderFromPropertiesReachesItsSimulatorIsObservedAndClosedWithTheContext() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        List<String> heard = new CopyOnWriteArrayList<>();
        TelephonyListener own = new TelephonyListener() {
            @Override
            public void operationStart(OperationEvent operation) {
                heard.add(operation.operation());
            }
        };
        runner.withPropertyValues(signalWire("telephony.health.read=true"))
                .withBean(ObservationRegistry.class, () -> observations)
                .withBean(TelephonyListener.class, () -> own)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    TelephonyProvider provider = context.getBean(TelephonyProvider.class);
                    assertThat(provider.name()).isEqualTo("signalwire");
                    assertThat(provider.inventory().search(NumberSearch.builder().country("US").areaCode("212").limit(2).build()))
                            .hasSize(2);
                    Health health = context.getBean(TelephonyHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("provider", "signalwire").containsEntry("read", "ok");
                    assertThat(heard).contains("search", "list");
                    TestObservationRegistryAssert.assertThat(observations)
                            .hasAnObservation(o -> o.hasNameEqualTo("telephony.operation")
                                    .hasLowCardinalityKeyValue("telephony.provider", "signalwire")
                                    .hasLowCardinalityKeyValue("telephony.operation", "search")
                                    .hasLowCardinalityKeyValue("outcome", "success"))
                            .hasAnObservation(o -> o.hasNameEqualTo("telephony.request")
                                    .hasLowCardinalityKeyValue("http.status_class", "2xx"));
                });
    }

    @Test
    void anApplicationsOwnMicrometerListenerBeanIsNotDoubled() {
        java.util.concurrent.atomic.AtomicInteger searches = new java.util.concurrent.atomic.AtomicInteger();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
            @Override
            public void onStop(io.micrometer.observation.Observation.Context context) {
                if (context.getLowCardinalityKeyValues().stream().anyMatch(k -> k.getValue().equals("search"))) {
                    searches.incrementAndGet();
                }
            }

            @Override
            public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
                return true;
            }
        });
        runner.withPropertyValues("telephony.provider=in-memory")
                .withBean(ObservationRegistry.class, () -> registry)
                .withBean(TelephonyListener.class, () -> new dev.telephony.micrometer.ObservationTelephonyListener(registry))
                .run(context -> context.getBean(TelephonyProvider.class).inventory()
                        .search(NumberSearch.builder().country("US").areaCode("212").limit(1).build()));
        assertThat(searches).hasValue(1);
    }

    @Test
    void aCarrierThatRefusesTheCredentialsIsDownNamingTheErrorNotTheSecret() {
        String[] properties = signalWire("telephony.health.read=true");
        simulator.close();
        simulator = new SignalWireSimulator(carrier, PROJECT, "PT-another-token-the-carrier-expects");
        properties[1] = "telephony.signalwire.base-url=" + simulator.baseUri();
        runner.withPropertyValues(properties).run(context -> {
            Health health = context.getBean(TelephonyHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("read", "AuthenticationException").containsEntry("httpStatus", 401);
            assertThat(health.getDetails().toString()).doesNotContain(TOKEN).doesNotContain(PROJECT);
        });
    }

    @Test
    void anApplicationsOwnProviderWins() {
        TelephonyProvider own = InMemoryProvider.builder().carrier(carrier).build();
        runner.withPropertyValues("telephony.provider=in-memory")
                .withBean("myTelephony", TelephonyProvider.class, () -> own)
                .run(context -> {
                    assertThat(context).hasSingleBean(TelephonyProvider.class);
                    assertThat(context.getBean(TelephonyProvider.class)).isSameAs(own);
                    assertThat(context.getBean(TelephonyHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
                });
    }

    @Test
    void withoutSpringBootsHealthSupportTheProviderIsMadeAndTheIndicatorIsLeftOut() {
        runner.withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader("org.springframework.boot.health"))
                .withPropertyValues("telephony.provider=in-memory")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(TelephonyProvider.class)
                        .doesNotHaveBean("telephonyHealthIndicator"));
    }

    @Test
    void withoutAProviderNameNoProviderIsMade() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TelephonyProvider.class)
                .doesNotHaveBean(TelephonyHealthIndicator.class));
    }

    @Test
    void missingOrMisspeltKeysFailTheStartNamingEveryKeyAndNoSecret() {
        runner.withPropertyValues("telephony.provider=signalwire", "telephony.signalwire.api-token=" + TOKEN,
                "telephony.signalwire.projekt-id=" + PROJECT).run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    while (failure.getCause() != null && !(failure instanceof ConfigurationException)) {
                        failure = failure.getCause();
                    }
                    assertThat(failure).isInstanceOf(ConfigurationException.class).hasMessageContaining("projekt-id");
                    assertThat(context.getStartupFailure()).rootCause().message().doesNotContain(TOKEN);
                });
        runner.withPropertyValues("telephony.provider=signalwire", "telephony.signalwire.api-token=" + TOKEN)
                .run(context -> assertThat(context).getFailure().rootCause().isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("project-id").hasMessageContaining("space").message().doesNotContain(TOKEN));
    }

    @Test
    void secretKeysAreMaskedForActuatorInEveryFormTheEnvironmentGivesThem() {
        runner.withPropertyValues("telephony.provider=in-memory").run(context -> {
            SanitizingFunction sanitizing = context.getBean(SanitizingFunction.class);
            MapPropertySource source = new MapPropertySource("test", Map.of());
            for (String secret : List.of("telephony.signalwire.api-token", "TELEPHONY_SIGNALWIRE_API_TOKEN",
                    "telephony.azure.connection-string", "telephony.alianza.password", "telephony.signalwire.proxy-password",
                    "telephony.in-memory.token", "telephony.acme.client-secret")) {
                assertThat(sanitizing.apply(new SanitizableData(source, secret, "hush")).getValue()).as(secret)
                        .isEqualTo(SanitizableData.SANITIZED_VALUE);
            }
            for (String plain : List.of("telephony.signalwire.project-id", "telephony.provider", "server.port")) {
                assertThat(sanitizing.apply(new SanitizableData(source, plain, "shown")).getValue()).as(plain).isEqualTo("shown");
            }
        });
    }

    @Test
    void noSecretReachesALogLineWhileTheContextStartsChecksHealthAndStops() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level level = root.getLevel();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            runner.withPropertyValues(signalWire("telephony.health.read=true")).run(context -> {
                context.getBean(TelephonyHealthIndicator.class).health();
                context.getBean(TelephonyProvider.class).inventory().search(
                        NumberSearch.builder().country("US").areaCode("212").limit(1).build());
            });
        } finally {
            root.detachAppender(logged);
            root.setLevel(level);
        }
        List<ILoggingEvent> lines;
        synchronized (logged) { // AppenderBase appends under its own lock: a late line from a server thread waits
            logged.stop();
            lines = List.copyOf(logged.list);
        }
        assertThat(lines).isNotEmpty();
        String basic = java.util.Base64.getEncoder().encodeToString((PROJECT + ":" + TOKEN).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (ILoggingEvent event : lines) {
            if (event.getLoggerName().startsWith("org.eclipse.jetty") || event.getLoggerName().contains("wiremock")
                    || event.getLoggerName().contains("tomakehurst")) {
                continue; // the simulator's server side, which must read the header the client sent
            }
            String text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            assertThat(text).doesNotContain(TOKEN).doesNotContain(basic);
        }
        assertThat(lines).anyMatch(e -> e.getFormattedMessage().contains("telephony provider signalwire connected"));
    }

    @Test
    void theProviderIsClosedWithTheContext() {
        runner.withPropertyValues("telephony.provider=in-memory").run(context -> assertThat(
                context.getBeanFactory().getBeanDefinition("telephonyProvider").getDestroyMethodName()).isEqualTo("close"));
    }
}
