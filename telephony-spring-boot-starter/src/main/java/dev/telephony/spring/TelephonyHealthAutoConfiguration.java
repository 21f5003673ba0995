package dev.telephony.spring;

import dev.telephony.api.TelephonyProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code telephony} health indicator, when Spring Boot's health support is present
 * ({@code management.health.telephony.enabled=false} turns it off).
 */
@AutoConfiguration(after = TelephonyAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(TelephonyProvider.class)
@ConditionalOnEnabledHealthIndicator("telephony")
public class TelephonyHealthAutoConfiguration {
    /** For Spring. */
    public TelephonyHealthAutoConfiguration() {
    }

    /**
     * The indicator for the provider bean.
     *
     * @param provider   the provider bean, the starter's or the application's own
     * @param properties the starter's settings
     */
    @Bean
    @ConditionalOnMissingBean(name = "telephonyHealthIndicator")
    public TelephonyHealthIndicator telephonyHealthIndicator(TelephonyProvider provider,
                                                             org.springframework.beans.factory.ObjectProvider<TelephonyProperties> properties) {
        TelephonyProperties settings = properties.getIfAvailable(TelephonyProperties::new);
        return new TelephonyHealthIndicator(provider, settings.getHealth().isRead());
    }
}
