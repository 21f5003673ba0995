/**
 * Spring Boot auto-configuration for telephony: a {@code TelephonyProvider} bean from
 * {@code telephony.provider} and {@code telephony.<provider>.<key>} properties, observed through
 * Micrometer when the application has an {@code ObservationRegistry}, with an actuator health indicator
 * and the providers' secret keys masked wherever actuator shows configuration.
 */
package dev.telephony.spring;
