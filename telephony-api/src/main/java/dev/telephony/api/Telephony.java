package dev.telephony.api;

import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.event.TelephonyListener;
import dev.telephony.api.spi.ConfigKey;
import dev.telephony.api.spi.ProviderConfig;
import dev.telephony.api.spi.ProviderEvents;
import dev.telephony.api.spi.TelephonyProviderFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: finds the provider modules on the classpath and connects to one.
 *
 * <pre>{@code
 * try (TelephonyProvider telephony = Telephony.connect()) { ... }
 * }</pre>
 *
 * <p>The provider is the one named by the system property {@value #PROVIDER_PROPERTY} or the
 * environment variable {@value #PROVIDER_ENVIRONMENT}, else the only one on the classpath. With
 * none, or several and no name, it fails and lists what it found: picking a carrier by accident
 * spends money with the wrong one. A factory that fails to load is reported and skipped.
 *
 * <p>A provider chosen by name is found through the index entries of the factories
 * ({@link TelephonyProviderFactory#INDEX}), which give their names without loading them: that
 * provider's factory alone is loaded and initialised, the same one discovery would choose. When a
 * factory listed before it has no entry, or the entries cannot be used, every factory is loaded and
 * the choice is made among them.
 *
 * <p>Configuration for provider {@code p} and key {@code k} comes from the explicit map, then the
 * system property {@code telephony.p.k}, then the environment variable {@code TELEPHONY_P_K}; all
 * missing keys are reported at once, by name.
 */
public final class Telephony {
    /** The system property that names the provider. */
    public static final String PROVIDER_PROPERTY = "telephony.provider";
    /** The environment variable that names the provider. */
    public static final String PROVIDER_ENVIRONMENT = "TELEPHONY_PROVIDER";

    /** The logger, made when first used: connecting logs nothing, so it need not start the logging backend. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Telephony.class);
    }

    private Telephony() {
    }

    /** Connects to the chosen or only provider, configured from system properties and environment. */
    public static TelephonyProvider connect() {
        return builder().connect();
    }

    /** Connects to the provider named {@code name} with this explicit configuration. */
    public static TelephonyProvider connect(String name, Map<String, String> config) {
        return builder().provider(name).config(config).connect();
    }

    /** The providers on the classpath, described without creating any. */
    public static List<ProviderInfo> providers() {
        return builder().providers();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Connects with everything spelled out: for dependency injection, tests (class loader, clock and
     * sleeper, environment) and tools.
     */
    public static final class Builder {
        /** Where a provider's name is looked for, in this order; the words name the place in messages. */
        private static final String[] CHOICE_SOURCES = {"Telephony.connect(name, …)", "system property " + PROVIDER_PROPERTY,
            "environment variable " + PROVIDER_ENVIRONMENT};
        private String provider;
        private final Map<String, String> config = new LinkedHashMap<>();
        private ClassLoader classLoader;
        private Properties systemProperties = System.getProperties();
        /** Null until given: {@link System#getenv()} is read only when a value is looked up there. */
        private Map<String, String> environment;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private final List<TelephonyListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** The provider to connect to; overrides the system property and the environment. */
        public Builder provider(String name) {
            this.provider = Fields.requireNonNull("provider", name);
            return this;
        }

        /** Explicit configuration values, by key (such as {@code project-id}). */
        public Builder config(Map<String, String> values) {
            for (Map.Entry<String, String> value : Fields.requireNonNull("config", values).entrySet()) {
                config(value.getKey(), value.getValue());
            }
            return this;
        }

        /** One explicit configuration value. */
        public Builder config(String key, String value) {
            Fields.requireNonNull("config key", key);
            if (value == null) {
                // named only when missing: building the name for every value would cost connecting a string concatenation
                throw dev.telephony.api.error.InvalidRequestException.of("config[" + key + "]", "is required");
            }
            config.put(key, value);
            return this;
        }

        /** Where to look for provider factories; the thread's context class loader by default. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** The system properties to read; {@link System#getProperties()} by default. */
        public Builder systemProperties(Properties properties) {
            this.systemProperties = Fields.requireNonNull("systemProperties", properties);
            return this;
        }

        /** The environment to read; {@link System#getenv()} by default. */
        public Builder environment(Map<String, String> environment) {
            Fields.requireNonNull("environment", environment);
            environment.forEach((k, v) -> {
                Fields.requireNonNull("environment key", k);
                Fields.requireNonNull("environment[" + k + "]", v);
            });
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** The clock all waiting and expiry checks use. */
        public Builder clock(Clock clock) {
            this.clock = Fields.requireNonNull("clock", clock);
            return this;
        }

        /** How the provider waits between retries and polls. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Fields.requireNonNull("sleeper", sleeper);
            return this;
        }

        /**
         * Adds a listener the provider reports to: its service calls, HTTP requests, retries,
         * reconciliations and order and port status changes. Several are told in the order added; one
         * that throws is logged once and ignored.
         */
        public Builder listener(TelephonyListener listener) {
            listeners.add(Fields.requireNonNull("listener", listener));
            return this;
        }

        /** The providers this builder can see. */
        public List<ProviderInfo> providers() {
            return discover(loader()).factories.stream().map(Builder::describe).toList();
        }

        /** Chooses, configures and creates the provider. */
        public TelephonyProvider connect() {
            ClassLoader loader = loader();
            String choice = choice();
            TelephonyProviderFactory factory = choice == null ? null : ProviderIndex.find(loader, choice);
            if (factory == null) {
                factory = choose(discover(loader), choice);
            }
            TelephonyProviderFactory chosen = factory;
            ProviderConfig resolved = ProviderConfig.of(chosen.name(), chosen.configKeys(), resolve(chosen), clock, sleeper)
                    .withListener(TelephonyListener.of(listeners));
            // nothing is logged on the way: the first log line would start the logging backend, a third of a cold connect;
            // and no lambda: a cold JVM's first one costs more than the rest of connecting
            return ProviderEvents.creating(resolved, new java.util.function.Supplier<TelephonyProvider>() {
                @Override
                public TelephonyProvider get() {
                    return chosen.create(resolved);
                }
            });
        }

        /** The provider named by the builder, the system property or the environment, in that order; null when none is. */
        private String choice() {
            int source = sourceOfChoice();
            return source < 0 ? null : nameFrom(source).strip();
        }

        /** Which of {@link #CHOICE_SOURCES} names the provider, the first that does; -1 for none. */
        private int sourceOfChoice() {
            for (int source = 0; source < CHOICE_SOURCES.length; source++) {
                String named = nameFrom(source);
                if (named != null && !named.isBlank()) {
                    return source;
                }
            }
            return -1;
        }

        /** The name {@link #CHOICE_SOURCES}{@code [source]} gives, or null. */
        private String nameFrom(int source) {
            return switch (source) {
                case 0 -> provider;
                case 1 -> systemProperties.getProperty(PROVIDER_PROPERTY);
                default -> environment().get(PROVIDER_ENVIRONMENT);
            };
        }

        private TelephonyProviderFactory choose(Discovery found, String choice) {
            if (choice != null) {
                TelephonyProviderFactory named = found.named(choice);
                if (named == null) {
                    throw new ConfigurationException("no telephony provider named '" + choice + "' (chosen by "
                            + CHOICE_SOURCES[sourceOfChoice()] + "); " + found.summary() + howToChoose());
                }
                return named;
            }
            List<TelephonyProviderFactory> candidates = new ArrayList<>();
            for (TelephonyProviderFactory factory : found.factories) {
                if (factory.selectableWithoutName()) {
                    candidates.add(factory);
                }
            }
            if (candidates.size() == 1) {
                return candidates.get(0);
            }
            if (candidates.isEmpty()) {
                throw new ConfigurationException("no telephony provider to choose without a name: "
                        + found.summary() + "; add a provider module (such as telephony-signalwire) to the classpath"
                        + (found.factories.isEmpty() ? "" : ", or name one of those found") + howToChoose());
            }
            throw new ConfigurationException("several telephony providers are on the classpath and none is chosen: "
                    + found.summary() + "; the library never picks one for you, because a wrong pick spends money "
                    + "with the wrong carrier" + howToChoose());
        }

        private static String howToChoose() {
            return ". Choose with the system property " + PROVIDER_PROPERTY + "=<name>, the environment variable "
                    + PROVIDER_ENVIRONMENT + "=<name>, or Telephony.connect(name, config)";
        }

        private Map<String, String> resolve(TelephonyProviderFactory factory) {
            Map<String, String> values = new LinkedHashMap<>(config);
            for (ConfigKey key : factory.configKeys()) {
                if (values.containsKey(key.name())) {
                    continue;
                }
                String value = systemProperties.getProperty(key.systemProperty(factory.name()));
                if (value == null) {
                    value = environment().get(key.environmentVariable(factory.name()));
                }
                if (value != null) {
                    values.put(key.name(), value);
                }
            }
            return values;
        }

        private Map<String, String> environment() {
            return environment != null ? environment : System.getenv();
        }

        private ClassLoader loader() {
            ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
            return loader != null ? loader : Telephony.class.getClassLoader();
        }

        /** Every factory on the class path, loaded and made; those that fail are kept as reasons. */
        private static Discovery discover(ClassLoader loader) {
            Iterator<TelephonyProviderFactory> it = ServiceLoader.load(TelephonyProviderFactory.class, loader).iterator();
            List<TelephonyProviderFactory> factories = new ArrayList<>();
            List<String> broken = new ArrayList<>();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    TelephonyProviderFactory factory = it.next();
                    String name = factory.name();
                    TelephonyProviderFactory taken = named(factories, name);
                    if (taken != null) {
                        broken.add(factory.getClass().getName() + " (the name '" + name + "' is taken by "
                                + taken.getClass().getName() + ")");
                        continue;
                    }
                    factories.add(factory);
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
                    Log.LOG.warn("skipping a telephony provider that failed to load: {}", reason);
                    broken.add(reason);
                }
            }
            return new Discovery(factories, broken);
        }

        /**
         * The factory of that name, else null. Plain loops, here and in discovery: in a cold JVM the first
         * stream or lambda costs more than the whole search, and connecting is mostly a cold JVM's work.
         */
        static TelephonyProviderFactory named(List<TelephonyProviderFactory> factories, String name) {
            for (TelephonyProviderFactory factory : factories) {
                if (factory.name().equals(name)) {
                    return factory;
                }
            }
            return null;
        }

        private static ProviderInfo describe(TelephonyProviderFactory f) {
            return new ProviderInfo(f.name(), f.description(), f.configKeys(), f.capabilities(), f.selectableWithoutName());
        }
    }

    private record Discovery(List<TelephonyProviderFactory> factories, List<String> broken) {
        TelephonyProviderFactory named(String name) {
            return Builder.named(factories, name);
        }

        String summary() {
            String found = factories.isEmpty() ? "found no provider on the classpath"
                    : "found " + factories.stream()
                    .map(f -> f.name() + (f.selectableWithoutName() ? "" : " (chosen only by name)"))
                    .collect(Collectors.joining(", "));
            return broken.isEmpty() ? found : found + "; failed to load: " + String.join("; ", broken);
        }
    }
}
