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
 * <p>A module also names each of its factories in an index entry, {@value #INDEX}{@code <name>},
 * whose one line is the factory's class name (the same line as in {@code META-INF/services}). With
 * it, connecting by name loads and initialises that factory alone; without it, connecting still
 * works, but loads every provider's factory to find the one named.
 * {@code dev.telephony.testkit.contract.DiscoveryContract} checks both files.
 */
public interface TelephonyProviderFactory {
    /** Where a module indexes its factories by name: the entry {@code INDEX + name()} holds the class name. */
    String INDEX = "META-INF/telephony/providers/";

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
