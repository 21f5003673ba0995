package dev.telephony.azure;

import com.azure.communication.common.implementation.HmacAuthenticationPolicy;
import com.azure.communication.phonenumbers.PhoneNumbersClient;
import com.azure.communication.phonenumbers.PhoneNumbersClientBuilder;
import com.azure.communication.phonenumbers.models.PhoneNumberAssignmentType;
import com.azure.communication.phonenumbers.siprouting.SipRoutingClientBuilder;
import com.azure.core.credential.AzureKeyCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import dev.telephony.api.Capability;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.Secret;
import dev.telephony.api.Sleeper;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.event.TelephonyListener;
import dev.telephony.api.spi.ProviderEvents;
import dev.telephony.api.spi.Retrier;
import dev.telephony.api.spi.ProviderBase;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Azure Communication Services phone numbers and SIP routing, through the real SDK
 * ({@code com.azure:azure-communication-phonenumbers} 1.1.6: {@link PhoneNumbersClient} and the SIP
 * routing client). Authenticated with the resource's access key (HMAC-SHA256, signed by the SDK).
 *
 * <pre>{@code
 * TelephonyProvider azure = AzureProvider.builder().connectionString(System.getenv("ACS_CONNECTION_STRING")).build();
 * }</pre>
 *
 * <p>The library retries idempotent reads itself, on the injected clock; the SDK's own retries are
 * off unless {@link Builder#sdkRetryOptions(RetryOptions)} turns them on, because the SDK would
 * re-send a purchase blindly. Azure has no porting API and no names for numbers.
 */
public final class AzureProvider extends ProviderBase {
    /** The name it is registered and chosen by. */
    public static final String NAME = "azure";
    /** What it can do. */
    public static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(
            Capability.REGIONS, Capability.SEARCH_LOCAL, Capability.SEARCH_TOLL_FREE, Capability.SEARCH_BY_AREA_CODE,
            Capability.SEARCH_BY_FEATURES, Capability.PURCHASE, Capability.BULK_PURCHASE, Capability.LIST,
            Capability.FEATURE_UPDATE, Capability.RELEASE, Capability.HOLDS));

    private final String endpoint;
    private final AzureInventory inventory;

    private AzureProvider(Builder b, AzureCredentials credentials, AzureParts parts) {
        super(NAME, CAPABILITIES, parts.inventory(), parts.purchaser(), null, parts.holds(),
                List.of(parts.extensions(), parts.sipRouting()), parts.events());
        this.endpoint = credentials.endpointText();
        this.inventory = parts.inventory();
    }

    /** The SDK clients and the services built on them, sharing one pipeline. */
    private record AzureParts(AzureInventory inventory, AzurePurchaser purchaser, AzureHolds holds, AzureSipRoutingClient sipRouting,
                              AzureExtensions extensions, ProviderEvents events) {
        static AzureParts of(Builder b, AzureCredentials credentials) {
            String endpoint = credentials.endpointText();
            ProviderEvents events = ProviderEvents.of(NAME, b.listener != null ? b.listener
                    : ProviderEvents.bound().map(ProviderEvents.Binding::listener).orElse(TelephonyListener.NONE), b.clock);
            List<HttpPipelinePolicy> policies = new ArrayList<>();
            policies.add(new UserAgentPolicy("telephony-java/0.1"));
            policies.add(new RequestIdPolicy());
            if (b.sdkRetryOptions != null) {
                policies.add(readsOnly(new RetryPolicy(b.sdkRetryOptions)));
            }
            policies.add(new HmacAuthenticationPolicy(new AzureKeyCredential(credentials.accessKey().reveal())));
            policies.add(AzureShapes.documentedAnswersOnly(endpoint));
            policies.add(new AzureRequestEvents(events));
            HttpPipeline pipeline = new HttpPipelineBuilder()
                    .httpClient(b.httpClient != null ? b.httpClient : HttpClient.createDefault())
                    .policies(policies.toArray(HttpPipelinePolicy[]::new))
                    .build();
            PhoneNumbersClient numbers = new PhoneNumbersClientBuilder().endpoint(endpoint).pipeline(pipeline).buildClient();
            AzureErrors errors = new AzureErrors(b.clock);
            Retrier retrier = new Retrier(b.retryPolicy, b.sleeper, b.random).reportingTo(events);
            AzureInventory.AzureSettings settings = new AzureInventory.AzureSettings(b.pollInterval, b.operationTimeout, b.assignmentType);
            AzureResources resources = new AzureResources(pipeline, endpoint, errors);
            AzureOperations operations = new AzureOperations(resources, errors, retrier, b.clock, b.sleeper, b.pollInterval);
            AzureInventory inventory = new AzureInventory(numbers, resources, operations, errors, retrier, b.sleeper, settings);
            AzureHolds holds = new AzureHolds(resources, inventory, operations, errors, retrier, b.clock, b.sleeper,
                    b.assignmentType.toString(), b.orderPollInterval);
            inventory.browseWith(holds);
            AzurePurchaser purchaser = new AzurePurchaser(resources, inventory, operations, errors, retrier, b.clock,
                    b.orderPollInterval, holds);
            AzureSipRoutingClient sipRouting = new AzureSipRoutingClient(
                    new SipRoutingClientBuilder().endpoint(endpoint).pipeline(pipeline).buildClient(), errors, retrier);
            AzureExtensions extensions = new AzureExtensions() {
                @Override
                public AzureSipRouting sipRouting() {
                    return sipRouting;
                }

                @Override
                public OwnedNumber updateCapabilities(PhoneNumber number, Direction calling, Direction sms) {
                    return inventory.updateCapabilities(number, calling, sms);
                }
            };
            return new AzureParts(inventory, purchaser, holds, sipRouting, extensions, events);
        }
    }

    /**
     * The SDK's retry policy for GETs only: it would re-send a purchase or a release as readily as a read,
     * and those go through the library's {@link dev.telephony.api.spi.Reconciliation} instead.
     */
    static HttpPipelinePolicy readsOnly(RetryPolicy retries) {
        return (context, next) -> context.getHttpRequest().getHttpMethod() == com.azure.core.http.HttpMethod.GET
                ? retries.process(context, next) : next.process();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void close() {
        // the SDK's HTTP client is shared and closes with the JVM; only the threads listings read ahead on are ours
        inventory.close();
    }

    @Override
    public String toString() {
        return "AzureProvider[" + endpoint + "]";
    }

    /** Builds an {@link AzureProvider}: a connection string, or an endpoint and an access key. */
    public static final class Builder {
        private Secret connectionString;
        private URI endpoint;
        private Secret accessKey;
        private HttpClient httpClient;
        private RetryOptions sdkRetryOptions;
        private dev.telephony.api.spi.RetryPolicy retryPolicy = dev.telephony.api.spi.RetryPolicy.defaults();
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration operationTimeout = Duration.ofMinutes(2);
        private Duration orderPollInterval = Duration.ofSeconds(2);
        private PhoneNumberAssignmentType assignmentType = PhoneNumberAssignmentType.APPLICATION;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RandomGenerator random = RandomGenerator.getDefault();
        private TelephonyListener listener;

        private Builder() {
        }

        /**
         * A listener the provider reports to: its service calls, the SDK's requests, retries and
         * reconciliations. Without one, a provider created through {@code Telephony.builder()} reports
         * to the listeners registered there.
         */
        public Builder listener(TelephonyListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** {@code endpoint=https://….communication.azure.com/;accesskey=…} */
        public Builder connectionString(Secret connectionString) {
            this.connectionString = connectionString;
            return this;
        }

        public Builder connectionString(String connectionString) {
            return connectionString(Secret.of("connection-string", connectionString));
        }

        /** The resource's https endpoint, with {@link #accessKey(Secret)}. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder accessKey(Secret accessKey) {
            this.accessKey = accessKey;
            return this;
        }

        /** The SDK's HTTP client; the one the SDK brings (Netty) by default. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** Turns on the SDK's own retries (off by default: the library retries reads itself, never purchases). */
        public Builder sdkRetryOptions(RetryOptions options) {
            this.sdkRetryOptions = options;
            return this;
        }

        /** How the library retries idempotent reads. */
        public Builder retryPolicy(dev.telephony.api.spi.RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How often Azure's operations (search, capability update, release) are polled, on the injected clock; 1 second by default. */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive(interval, "pollInterval");
            return this;
        }

        /** How often {@code await} reads a purchase, on the injected clock; 2 seconds by default. */
        public Builder orderPollInterval(Duration interval) {
            this.orderPollInterval = positive(interval, "orderPollInterval");
            return this;
        }

        /**
         * How long a search, capability update or release may take in all (every poll and pause
         * included) before giving up; 2 minutes by default.
         */
        public Builder operationTimeout(Duration timeout) {
            this.operationTimeout = positive(timeout, "operationTimeout");
            return this;
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero() || value.compareTo(Duration.ofDays(1)) > 0) {
                throw new ConfigurationException("the Azure " + name + " must be more than zero and at most a day, was " + value,
                        List.of(name));
            }
            return value;
        }

        /** Numbers for a person or an application (the default). */
        public Builder assignmentType(PhoneNumberAssignmentType type) {
            this.assignmentType = Objects.requireNonNull(type, "type");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public AzureProvider build() {
            AzureCredentials credentials;
            if (connectionString != null) {
                credentials = AzureCredentials.parse(connectionString);
            } else if (endpoint != null && accessKey != null) {
                credentials = new AzureCredentials(endpoint, accessKey);
            } else {
                throw new ConfigurationException("Azure needs a connection-string, or an endpoint and an access-key",
                        List.of("connection-string", "endpoint", "access-key"));
            }
            return new AzureProvider(this, credentials, AzureParts.of(this, credentials));
        }
    }
}
