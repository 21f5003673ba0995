package dev.telephony.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own settings under {@code telephony}. A provider's keys live beside them, under
 * {@code telephony.<provider>.<key>} (such as {@code telephony.signalwire.project-id}): the keys its
 * factory declares.
 */
@ConfigurationProperties(prefix = "telephony")
public class TelephonyProperties {
    /**
     * The provider to connect to, such as signalwire, signalwire-compat, twilio, azure, alianza or in-memory.
     * Without it no TelephonyProvider bean is made: a provider is never picked for you.
     */
    private String provider;

    private final Health health = new Health();

    private final Observations observations = new Observations();

    /** The provider to connect to. */
    public String getProvider() {
        return provider;
    }

    /** Sets the provider to connect to. */
    public void setProvider(String provider) {
        this.provider = provider;
    }

    /** The health indicator's settings. */
    public Health getHealth() {
        return health;
    }

    /** The Micrometer observations' settings. */
    public Observations getObservations() {
        return observations;
    }

    /** The health indicator's settings. */
    public static class Health {
        /**
         * Whether each health check also reads the first page of owned numbers (one request to the carrier).
         * Off by default: health checks then only report that the configuration was valid.
         */
        private boolean read;

        /** Whether each check reads from the carrier. */
        public boolean isRead() {
            return read;
        }

        /** Sets whether each check reads from the carrier. */
        public void setRead(boolean read) {
            this.read = read;
        }
    }

    /** The Micrometer observations' settings. */
    public static class Observations {
        /** Whether the provider reports to the application's ObservationRegistry, when it has one. */
        private boolean enabled = true;

        /** Whether observations are recorded. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets whether observations are recorded. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
