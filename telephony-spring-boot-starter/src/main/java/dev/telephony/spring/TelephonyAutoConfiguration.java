package dev.telephony.spring;

import dev.telephony.api.ProviderInfo;
import dev.telephony.api.Telephony;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.event.TelephonyListener;
import dev.telephony.micrometer.ObservationTelephonyListener;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A {@link TelephonyProvider} bean for the provider named by {@code telephony.provider}, configured
 * from {@code telephony.<provider>.<key>} properties, reporting to every {@link TelephonyListener} bean
 * and, when the application has an {@link ObservationRegistry}, to Micrometer. Closed with the context.
 * A bean of the application's own wins.
 *
 * <p>Missing or unknown keys fail the start-up, naming every key; values of secret keys are never
 * logged.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "telephony", name = "provider")
@EnableConfigurationProperties(TelephonyProperties.class)
public class TelephonyAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(TelephonyAutoConfiguration.class);

    /** For Spring. */
    public TelephonyAutoConfiguration() {
    }

    /**
     * The provider, connected through {@link Telephony#builder()} from the Spring environment alone (not
     * from system properties or environment variables behind Spring's back).
     *
     * @param properties    the starter's settings
     * @param environment   where the provider's keys are read
     * @param registry      the application's observation registry, if it has one
     * @param listeners     the application's own listeners, in their order
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public TelephonyProvider telephonyProvider(TelephonyProperties properties, Environment environment,
                                               ObjectProvider<ObservationRegistry> registry,
                                               ObjectProvider<TelephonyListener> listeners) {
        String name = properties.getProvider().strip();
        ClassLoader loader = TelephonyAutoConfiguration.class.getClassLoader();
        List<ProviderInfo> found = ProviderSettings.providers(loader);
        Telephony.Builder builder = ProviderSettings.isolated(loader).provider(name);
        found.stream().filter(p -> p.name().equals(name)).findFirst()
                .ifPresent(info -> builder.config(ProviderSettings.values(environment, name, info.configKeys())));
        List<TelephonyListener> own = listeners.orderedStream().toList();
        own.forEach(builder::listener);
        ObservationRegistry observations = registry.getIfAvailable();
        // an application that registered its own Micrometer listener as a bean is not observed twice
        if (observations != null && properties.getObservations().isEnabled()
                && own.stream().noneMatch(ObservationTelephonyListener.class::isInstance)) {
            builder.listener(new ObservationTelephonyListener(observations));
        }
        TelephonyProvider provider = builder.connect();
        log.info("telephony provider {} connected ({} capabilities)", provider.name(), provider.capabilities().size());
        return provider;
    }
}
