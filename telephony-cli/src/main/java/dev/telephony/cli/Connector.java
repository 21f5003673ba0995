package dev.telephony.cli;

import dev.telephony.api.ProviderInfo;
import dev.telephony.api.Telephony;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.composite.CompositeProvider;
import dev.telephony.composite.CompositeProviderFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Chooses and connects the provider a command works with.
 *
 * <p>The provider is the one named by {@code --provider}, else by {@code telephony.provider} in the
 * {@code --config} file, else by the system property {@code telephony.provider}, else by the
 * environment variable {@code TELEPHONY_PROVIDER}; with no name at all it is the sandbox. The
 * library itself never picks the in-memory provider implicitly: the sandbox is the command line's
 * own default.
 *
 * <p>Configuration key {@code k} of provider {@code p} comes from the {@code --config} file (as
 * {@code k} or {@code telephony.p.k}), else the system property {@code telephony.p.k}, else the
 * environment variable {@code TELEPHONY_P_K}. Values are never printed.
 */
final class Connector {
    static final String PROVIDER_KEY = "telephony.provider";

    private final CliContext context;
    private final Optional<String> provider;
    private final Optional<Path> configFile;

    Connector(CliContext context, Optional<String> provider, Optional<Path> configFile) {
        this.context = context;
        this.provider = provider.map(String::strip).filter(s -> !s.isEmpty());
        this.configFile = configFile;
    }

    /** A provider with what the command needs to finish with it. */
    static final class Session implements AutoCloseable {
        private final TelephonyProvider provider;
        private final List<Sandbox> sandboxes;

        Session(TelephonyProvider provider, List<Sandbox> sandboxes) {
            this.provider = provider;
            this.sandboxes = List.copyOf(sandboxes);
        }

        TelephonyProvider provider() {
            return provider;
        }

        Optional<Sandbox> sandbox() {
            return sandboxes.stream().findFirst();
        }

        /** Closes the provider; the sandboxes save their state, whatever the command did. */
        @Override
        public void close() {
            try {
                provider.close();
            } finally {
                sandboxes.forEach(Sandbox::close);
            }
        }
    }

    /** The chosen provider's name, and what chose it. */
    record Choice(String name, String chosenBy) {
        boolean sandbox() {
            return name.equals(Sandbox.NAME) || name.equals(CompositeSandbox.NAME);
        }
    }

    Choice choose() {
        if (provider.isPresent()) {
            return new Choice(provider.get(), "--provider");
        }
        Optional<String> fromFile = Optional.ofNullable(fileProperties().getProperty(PROVIDER_KEY)).map(String::strip)
                .filter(s -> !s.isEmpty());
        if (fromFile.isPresent()) {
            return new Choice(fromFile.get(), PROVIDER_KEY + " in " + configFile.orElseThrow());
        }
        Optional<String> fromProperty = Optional.ofNullable(context.systemProperties().getProperty(Telephony.PROVIDER_PROPERTY))
                .map(String::strip).filter(s -> !s.isEmpty());
        if (fromProperty.isPresent()) {
            return new Choice(fromProperty.get(), "system property " + Telephony.PROVIDER_PROPERTY);
        }
        Optional<String> fromEnvironment = Optional.ofNullable(context.environment().get(Telephony.PROVIDER_ENVIRONMENT))
                .map(String::strip).filter(s -> !s.isEmpty());
        if (fromEnvironment.isPresent()) {
            return new Choice(fromEnvironment.get(), "environment variable " + Telephony.PROVIDER_ENVIRONMENT);
        }
        return new Choice(Sandbox.NAME, "default");
    }

    /** Connects to the chosen provider. */
    Session connect() {
        Choice choice = choose();
        if (choice.sandbox()) {
            List<String> keys = configKeysFor(Sandbox.NAME).keySet().stream().sorted().toList();
            if (!keys.isEmpty()) {
                throw new ConfigurationException("the sandbox takes no configuration, but " + configFile.orElseThrow()
                        + " sets " + keys + "; name the provider it is for with --provider or " + PROVIDER_KEY, keys);
            }
            if (choice.name().equals(CompositeSandbox.NAME)) {
                return CompositeSandbox.open(context);
            }
            Sandbox sandbox = Sandbox.open(context);
            return new Session(sandbox.provider(), List.of(sandbox));
        }
        List<String> known = providers().stream().map(ProviderInfo::name).toList();
        if (!known.contains(choice.name())) {
            throw new ConfigurationException("no provider named '" + choice.name() + "' (chosen by " + choice.chosenBy()
                    + "); the providers are " + Sandbox.NAME + " (the default), " + CompositeSandbox.NAME + ", "
                    + String.join(", ", known) + "; 'telephony providers' describes each");
        }
        if (choice.name().equals(CompositeProvider.NAME)) {
            return new Session(composite(), List.of());
        }
        TelephonyProvider connected = builder().provider(choice.name()).config(configKeysFor(choice.name())).connect();
        return new Session(connected, List.of());
    }

    /**
     * The composite, its members configured from where the command line reads configuration: the
     * {@code --config} file's {@code telephony.<member>.<key>} lines, else system properties, else the
     * environment, as for any provider.
     */
    private TelephonyProvider composite() {
        Properties members = new Properties();
        members.putAll(context.systemProperties());
        Properties file = fileProperties();
        file.stringPropertyNames().stream().filter(k -> k.startsWith("telephony.") && !k.equals(PROVIDER_KEY))
                .forEach(k -> members.setProperty(k, file.getProperty(k).strip()));
        CompositeProviderFactory factory = new CompositeProviderFactory(members, context.environment());
        Map<String, String> own = configKeysFor(CompositeProvider.NAME);
        Map<String, String> values = new LinkedHashMap<>();
        for (dev.telephony.api.spi.ConfigKey key : factory.configKeys()) {
            String value = own.get(key.name());
            if (value == null) {
                value = context.systemProperties().getProperty(key.systemProperty(factory.name()));
            }
            if (value == null) {
                value = context.environment().get(key.environmentVariable(factory.name()));
            }
            if (value != null) {
                values.put(key.name(), value);
            }
        }
        List<String> unknown = own.keySet().stream().filter(k -> factory.configKeys().stream().noneMatch(c -> c.name().equals(k)))
                .sorted().toList();
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("provider '" + factory.name() + "' has no configuration key " + unknown
                    + "; give a member's keys as telephony.<member>.<key>", unknown);
        }
        return factory.create(dev.telephony.api.spi.ProviderConfig.of(factory.name(), factory.configKeys(), values,
                context.clock(), context.sleeper()));
    }

    /** The providers on the classpath (the sandbox is not among them: it is the command line's own). */
    List<ProviderInfo> providers() {
        return builder().providers();
    }

    /** The configuration keys the {@code --config} file gives {@code providerName}, by key. */
    Map<String, String> configKeysFor(String providerName) {
        Properties file = fileProperties();
        Map<String, String> values = new LinkedHashMap<>();
        String prefix = "telephony." + providerName + ".";
        for (String key : new TreeSet<>(file.stringPropertyNames())) {
            if (key.equals(PROVIDER_KEY)) {
                continue;
            }
            if (key.startsWith(prefix)) {
                values.put(key.substring(prefix.length()), file.getProperty(key).strip());
            } else if (!key.startsWith("telephony.")) {
                values.put(key, file.getProperty(key).strip());
            }
        }
        return values;
    }

    /** Which keys of {@code info} are given (by the file, a system property or the environment); never their values. */
    List<String> givenKeys(ProviderInfo info) {
        Map<String, String> file = configKeysFor(info.name());
        List<String> given = new ArrayList<>();
        info.configKeys().forEach(k -> {
            if (file.containsKey(k.name()) || context.systemProperties().getProperty(k.systemProperty(info.name())) != null
                    || context.environment().containsKey(k.environmentVariable(info.name()))) {
                given.add(k.name());
            }
        });
        return given;
    }

    private Telephony.Builder builder() {
        return Telephony.builder().environment(context.environment()).systemProperties(context.systemProperties())
                .clock(context.clock()).sleeper(context.sleeper());
    }

    private Properties fileProperties() {
        Properties properties = new Properties();
        if (configFile.isEmpty()) {
            return properties;
        }
        Path file = configFile.get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("the configuration file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("the configuration file " + file + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
        return properties;
    }

    static String names(List<ProviderInfo> providers) {
        return providers.stream().map(ProviderInfo::name).collect(Collectors.joining(", "));
    }
}
