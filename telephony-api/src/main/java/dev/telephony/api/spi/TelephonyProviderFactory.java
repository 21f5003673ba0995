package dev.telephony.api.spi;

import dev.telephony.api.Capability;
import dev.telephony.api.TelephonyProvider;
import java.util.List;
import java.util.Set;

/**
 * The service-provider interface: one implementation per provider, listed in
 * {@code META-INF/services/dev.telephony.api.spi.TelephonyProviderFactory} and found with
 * {@link java.util.ServiceLoader}. It must have a public no-argument constructor that does no I/O;
 * connections are made in {@link #create(ProviderConfig)} only.
 *
 * <p>A module also indexes each of its factories: the entry {@value #INDEX}{@code <factory class name>}
 * holds one line, the factory's {@link #name()}. With an entry for every factory listed before it,
 * connecting by name loads and initialises the chosen factory alone, choosing exactly as discovery
 * would; without, connecting still works, but loads every provider's factory to learn their names.
 * {@code dev.telephony.testkit.contract.DiscoveryContract} checks both files.
 */
public interface TelephonyProviderFactory {
    /** Where a module indexes its factories: the entry {@code INDEX + getClass().getName()} holds {@link #name()}. */
    String INDEX = "META-INF/telephony/factories/";

    /** The name users choose it by, such as {@code signalwire}: lower-case words joined by dashes. */
    String name();

    /** One line on what it connects to. */
    String description();

    /** The configuration keys it reads, marking the secret ones. */
    List<ConfigKey> configKeys();

    /** What the providers it creates can do. */
    Set<Capability> capabilities();

    /**
     * Whether {@link dev.telephony.api.Telephony#connect()} may pick it when it is the only provider
     * present. Providers that do not reach a real carrier (the in-memory one) answer false, so they
     * are chosen only by name and never spend money by accident.
     */
    default boolean selectableWithoutName() {
        return true;
    }

    /** Creates a provider; {@code config} holds a value for every required key. */
    TelephonyProvider create(ProviderConfig config);
}
