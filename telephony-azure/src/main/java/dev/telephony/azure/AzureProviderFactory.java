package dev.telephony.azure;

import com.azure.communication.phonenumbers.models.PhoneNumberAssignmentType;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import dev.telephony.api.Capability;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.spi.ConfigKey;
import dev.telephony.api.spi.ProviderConfig;
import dev.telephony.api.spi.TelephonyProviderFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The SPI entry of the Azure Communication Services provider. */
public final class AzureProviderFactory implements TelephonyProviderFactory {
    static final String CONNECTION_STRING = "connection-string";
    static final String ENDPOINT = "endpoint";
    static final String ACCESS_KEY = "access-key";
    static final String POLL_INTERVAL = "poll-interval-millis";
    static final String OPERATION_TIMEOUT = "operation-timeout-seconds";
    static final String SDK_RETRIES = "sdk-max-retries";
    static final String ASSIGNMENT = "assignment-type";

    @Override
    public String name() {
        return AzureProvider.NAME;
    }

    @Override
    public String description() {
        return "Azure Communication Services phone numbers and SIP routing (Azure SDK 1.1.6)";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(
                new ConfigKey(CONNECTION_STRING, "endpoint=https://….communication.azure.com/;accesskey=…", true, true,
                        java.util.Optional.empty(), java.util.Optional.of(ACCESS_KEY)),
                ConfigKey.optional(ENDPOINT, "the resource's https endpoint, with access-key instead of a connection string"),
                ConfigKey.optionalSecret(ACCESS_KEY, "the resource's access key, with endpoint"),
                ConfigKey.withDefault(POLL_INTERVAL, "milliseconds between polls of Azure's long-running operations", "1000"),
                ConfigKey.withDefault(OPERATION_TIMEOUT, "seconds a search, update or release may take", "120"),
                ConfigKey.withDefault(SDK_RETRIES, "retries by the SDK itself (0: the library retries reads, never purchases)", "0"),
                ConfigKey.withDefault(ASSIGNMENT, "numbers for an 'application' or a 'person'", "application"));
    }

    @Override
    public Set<Capability> capabilities() {
        return AzureProvider.CAPABILITIES;
    }

    @Override
    public TelephonyProvider create(ProviderConfig config) {
        AzureProvider.Builder builder = AzureProvider.builder()
                .clock(config.clock())
                .sleeper(config.sleeper())
                .pollInterval(Duration.ofMillis(config.integer(POLL_INTERVAL).orElseThrow()))
                .operationTimeout(Duration.ofSeconds(config.integer(OPERATION_TIMEOUT).orElseThrow()))
                .assignmentType(assignment(config.require(ASSIGNMENT)));
        int retries = config.integer(SDK_RETRIES).orElseThrow();
        if (retries > 0) {
            builder.sdkRetryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(retries)));
        }
        if (config.secret(CONNECTION_STRING).isPresent()) {
            builder.connectionString(config.secret(CONNECTION_STRING).get());
        } else {
            String endpoint = config.get(ENDPOINT).orElseThrow(() -> new ConfigurationException(
                    "provider 'azure' needs connection-string, or endpoint with access-key", List.of(CONNECTION_STRING, ENDPOINT)));
            try {
                builder.endpoint(URI.create(endpoint));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("configuration endpoint of provider 'azure' is not a URL", List.of(ENDPOINT));
            }
            builder.accessKey(config.secret(ACCESS_KEY).orElseThrow());
        }
        return builder.build();
    }

    private static PhoneNumberAssignmentType assignment(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "application" -> PhoneNumberAssignmentType.APPLICATION;
            case "person" -> PhoneNumberAssignmentType.PERSON;
            default -> throw new ConfigurationException("configuration assignment-type of provider 'azure' must be 'application'"
                    + " or 'person', was '" + value + "'", List.of(ASSIGNMENT));
        };
    }
}
