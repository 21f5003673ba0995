package dev.telephony.spring;

import dev.telephony.api.ProviderInfo;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks the providers' secret keys wherever actuator shows configuration ({@code /actuator/env},
 * {@code /actuator/configprops}), even with {@code management.endpoint.env.show-values=always}: since
 * Spring Boot 3 values are masked only by {@link SanitizingFunction}s once they are shown at all.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class TelephonySanitizingAutoConfiguration {
    /** Last segments of a {@code telephony.*} key that always hide its value, declared secret or not. */
    private static final List<String> SECRET_WORDS = List.of("token", "password", "secret", "key", "credential",
            "connection-string", "pin");

    /** For Spring. */
    public TelephonySanitizingAutoConfiguration() {
    }

    /** Masks every key a provider on the class path declares secret, and any {@code telephony.*} key named like a secret. */
    @Bean
    public SanitizingFunction telephonySanitizingFunction() {
        List<ProviderInfo> providers = ProviderSettings.providers(TelephonySanitizingAutoConfiguration.class.getClassLoader());
        return data -> hides(data.getKey(), providers) ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
    }

    static boolean hides(String property, List<ProviderInfo> providers) {
        if (property == null || !ProviderSettings.normal(property).startsWith("telephony")) {
            return false;
        }
        if (ProviderSettings.secretKey(property, providers).isPresent()) {
            return true;
        }
        String lower = property.toLowerCase(Locale.ROOT).replace('_', '-');
        String last = lower.substring(lower.lastIndexOf('.') + 1);
        return SECRET_WORDS.stream().anyMatch(last::contains);
    }
}
