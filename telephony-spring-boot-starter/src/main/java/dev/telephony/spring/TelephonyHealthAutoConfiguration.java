package dev.telephony.spring;

import dev.telephony.api.TelephonyProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code telephony} health indicator, when Spring Boot's health support is present
 * ({@code management.health.telephony.enabled=false} turns it off).
 *
 * <p>The condition names the health type as text and the bean lives in a nested class, so that an
 * application without {@code spring-boot-health} (or on Spring Boot 3, whose health types live
 * elsewhere) skips it without loading a type it lacks.
 */
@AutoConfiguration(after = TelephonyAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
public class TelephonyHealthAutoConfiguration {
    /** For Spring. */
    public TelephonyHealthAutoConfiguration() {
    }

    /** The indicator, for the provider bean (the starter's or the application's own). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(TelephonyProvider.class)
    @ConditionalOnEnabledHealthIndicator("telephony")
    static class Indicator {
        @Bean
        @ConditionalOnMissingBean(name = "telephonyHealthIndicator")
        TelephonyHealthIndicator telephonyHealthIndicator(TelephonyProvider provider, ObjectProvider<TelephonyProperties> properties) {
            TelephonyProperties settings = properties.getIfAvailable(TelephonyProperties::new);
            return new TelephonyHealthIndicator(provider, settings.getHealth().isRead());
        }
    }
}
