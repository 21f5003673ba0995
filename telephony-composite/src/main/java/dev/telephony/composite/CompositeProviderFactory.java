package dev.telephony.composite;

import dev.telephony.api.Capability;
import dev.telephony.api.ProviderInfo;
import dev.telephony.api.Telephony;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.event.TelephonyListener;
import dev.telephony.api.spi.ConfigKey;
import dev.telephony.api.spi.ProviderConfig;
import dev.telephony.api.spi.TelephonyProviderFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SPI entry {@code composite}: several providers on the classpath as one.
 *
 * <pre>
 * telephony.provider=composite
 * telephony.composite.carriers=signalwire,alianza
 * telephony.signalwire.project-id=…        # each member's keys under its own name
 * telephony.alianza.partition-id=…
 * </pre>
 *
 * <p>{@code carriers} names the members in order: a provider's name, or {@code name:provider} to give a
 * member a name of its own (two accounts of one provider: {@code east:signalwire,west:signalwire}). Each
 * member's configuration key {@code k} is read from the system property {@code telephony.<name>.k}, else
 * the environment variable {@code TELEPHONY_<NAME>_K}; missing keys of every member are reported at once.
 * Chosen only by name: a member list nobody meant would route purchases to carriers nobody meant.
 */
public final class CompositeProviderFactory implements TelephonyProviderFactory {
    static final String CARRIERS = "carriers";
    static final String MEMBER_TIMEOUT = "member-timeout-millis";
    static final String RANKING = "ranking";
    static final String FAILOVER = "failover";

    private final Properties systemProperties;
    private final Map<String, String> environment;

    /** The factory ServiceLoader makes: members configured from this process's system properties and environment. */
    public CompositeProviderFactory() {
        this(null, null);
    }

    /**
     * A factory reading members' configuration ({@code telephony.<member>.<key>}, {@code TELEPHONY_<MEMBER>_<KEY>})
     * from these instead of the process's: for tools with configuration of their own (the command line's
     * {@code --config} file) and tests.
     */
    public CompositeProviderFactory(Properties systemProperties, Map<String, String> environment) {
        this.systemProperties = systemProperties;
        this.environment = environment == null ? null : Map.copyOf(environment);
    }

    @Override
    public String name() {
        return CompositeProvider.NAME;
    }

    @Override
    public String description() {
        return "several providers as one: searches fanned out, purchases routed to the carrier that offered each number";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(
                ConfigKey.required(CARRIERS, "the members in order: provider names, or name:provider pairs; each member's "
                        + "keys are read as telephony.<name>.<key>"),
                ConfigKey.withDefault(MEMBER_TIMEOUT, "milliseconds each member has to answer a search, or say whether it "
                        + "owns a number", "5000"),
                ConfigKey.withDefault(RANKING, "how offers are merged: 'member-order' or 'price' (cheapest first)", "member-order"),
                ConfigKey.withDefault(FAILOVER, "'off', or 'area-code': buy an offer of the same area code from the next "
                        + "member when one refuses a number as not available", "off"));
    }

    /**
     * Whatever its members can do but holds (which the composite does not route to a member): the
     * composite's own capabilities are known once they are configured.
     */
    @Override
    public Set<Capability> capabilities() {
        return Set.copyOf(EnumSet.complementOf(EnumSet.of(Capability.HOLDS)));
    }

    @Override
    public boolean selectableWithoutName() {
        return false;
    }

    @Override
    public TelephonyProvider create(ProviderConfig config) {
        CompositeProvider.Builder builder = CompositeProvider.builder().clock(config.clock());
        int millis = config.integer(MEMBER_TIMEOUT).orElse(5000);
        if (millis <= 0) {
            throw new ConfigurationException("configuration " + MEMBER_TIMEOUT + " of provider '" + name()
                    + "' must be positive, was " + millis, List.of(MEMBER_TIMEOUT));
        }
        builder.memberTimeout(Duration.ofMillis(millis));
        String ranking = config.require(RANKING).toLowerCase(Locale.ROOT);
        switch (ranking) {
            case "member-order" -> { }
            case "price" -> builder.ranking(Ranking.byPrice());
            default -> throw new ConfigurationException("configuration " + RANKING + " of provider '" + name()
                    + "' must be 'member-order' or 'price', was '" + ranking + "'", List.of(RANKING));
        }
        String failover = config.require(FAILOVER).toLowerCase(Locale.ROOT);
        switch (failover) {
            case "off" -> { }
            case "area-code" -> builder.failover(FailoverRule.sameAreaCode());
            default -> throw new ConfigurationException("configuration " + FAILOVER + " of provider '" + name()
                    + "' must be 'off' or 'area-code', was '" + failover + "'", List.of(FAILOVER));
        }
        Map<String, String> declared = parse(config.require(CARRIERS));
        Map<String, ProviderInfo> known = Telephony.builder().providers().stream()
                .collect(Collectors.toMap(ProviderInfo::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> entry : declared.entrySet()) {
            String member = entry.getKey();
            ProviderInfo info = known.get(entry.getValue());
            if (info == null || info.name().equals(name())) {
                throw new ConfigurationException("configuration " + CARRIERS + " of provider '" + name() + "' names '"
                        + entry.getValue() + "' for carrier '" + member + "', which is not a provider on the classpath"
                        + " that can be a member; the providers are " + known.keySet().stream().filter(n -> !n.equals(name()))
                        .collect(Collectors.joining(", ")), List.of(CARRIERS));
            }
            Map<String, String> memberValues = new LinkedHashMap<>();
            for (ConfigKey key : info.configKeys()) {
                lookUp(key, member).ifPresent(v -> memberValues.put(key.name(), v));
            }
            for (ConfigKey key : info.configKeys()) {
                boolean given = memberValues.containsKey(key.name()) || key.defaultValue().isPresent()
                        || key.unlessGiven().map(memberValues::containsKey).orElse(false);
                if (key.required() && !given) {
                    missing.add(member + "." + key.name() + " (" + key.description() + "; system property "
                            + key.systemProperty(member) + " or environment " + key.environmentVariable(member) + ")");
                }
            }
            values.put(member, memberValues);
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException("provider '" + name() + "' is missing configuration of its carriers: "
                    + String.join(", ", missing), missing.stream().map(m -> m.substring(0, m.indexOf(' '))).toList());
        }
        List<TelephonyProvider> created = new ArrayList<>();
        try {
            for (Map.Entry<String, String> entry : declared.entrySet()) {
                TelephonyProvider member;
                try {
                    Telephony.Builder memberBuilder = Telephony.builder().provider(entry.getValue()).config(values.get(entry.getKey()))
                            .systemProperties(new Properties()).environment(Map.of())
                            .clock(config.clock()).sleeper(config.sleeper());
                    if (config.listener() != TelephonyListener.NONE) {
                        // the composite's listener is told of its members' requests, retries and reconciliations too
                        memberBuilder.listener(config.listener());
                    }
                    member = memberBuilder.connect();
                } catch (ConfigurationException e) {
                    throw new ConfigurationException("carrier '" + entry.getKey() + "' of provider '" + name() + "': "
                            + e.reason(), e.keys().stream().map(k -> entry.getKey() + "." + k).toList());
                }
                created.add(member);
                builder.member(entry.getKey(), member);
            }
            return builder.build();
        } catch (RuntimeException e) {
            created.forEach(p -> {
                try {
                    p.close();
                } catch (RuntimeException ignored) {
                    // the configuration error is what the caller needs
                }
            });
            throw e;
        }
    }

    /** Member name to provider name, in order. */
    private Map<String, String> parse(String carriers) {
        Map<String, String> members = new LinkedHashMap<>();
        for (String part : carriers.split(",")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String member = (colon < 0 ? entry : entry.substring(0, colon)).strip();
            String provider = (colon < 0 ? entry : entry.substring(colon + 1)).strip();
            if (!member.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*") || provider.isEmpty()) {
                throw new ConfigurationException("configuration " + CARRIERS + " of provider '" + name() + "' must list "
                        + "provider names or name:provider pairs (names in lower-case words joined by dashes), was '"
                        + entry + "'", List.of(CARRIERS));
            }
            if (members.put(member, provider) != null) {
                throw new ConfigurationException("configuration " + CARRIERS + " of provider '" + name()
                        + "' names carrier '" + member + "' twice", List.of(CARRIERS));
            }
        }
        if (members.isEmpty()) {
            throw new ConfigurationException("configuration " + CARRIERS + " of provider '" + name()
                    + "' names no carrier", List.of(CARRIERS));
        }
        return members;
    }

    private Optional<String> lookUp(ConfigKey key, String member) {
        Properties properties = systemProperties != null ? systemProperties : System.getProperties();
        String value = properties.getProperty(key.systemProperty(member));
        if (value == null) {
            value = (environment != null ? environment : System.getenv()).get(key.environmentVariable(member));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
