package dev.telephony.api.spi;

import dev.telephony.api.Capability;
import dev.telephony.api.NumberHolds;
import dev.telephony.api.NumberInventory;
import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.PortingService;
import dev.telephony.api.TelephonyProvider;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What every provider's {@link TelephonyProvider} holds: its name, capabilities, services and typed
 * extensions. Subclasses add how they close.
 *
 * <p>The services it hands out check every argument before the provider's own services see it: a
 * null, a negative timeout or a malformed country code fails with
 * {@link dev.telephony.api.error.InvalidRequestException} naming the parameter, and nothing is sent.
 * A timeout longer than {@link Arguments#MAX_TIMEOUT} reaches the provider clamped to it.
 *
 * <p>Every call of those services is reported to the provider's {@link ProviderEvents} (start, then end
 * or failure, with its duration), checks included, and so is each order and port status change the
 * caller is handed: a provider needs no event code of its own.
 */
public abstract class ProviderBase implements TelephonyProvider {
    private final String name;
    private final Set<Capability> capabilities;
    private final NumberInventory inventory;
    private final NumberPurchaser purchaser;
    private final PortingService porting;
    private final NumberHolds holds;
    private final List<Object> extensions;

    /**
     * A provider that reports to the listeners of the configuration its factory is creating it from
     * (see {@link ProviderEvents#bound()}), and to none when it is built otherwise.
     *
     * @param porting    the porting service, or {@code null} for one that refuses every call as unsupported
     * @param extensions the typed extensions {@link #unwrap(Class)} offers
     */
    protected ProviderBase(String name, Set<Capability> capabilities, NumberInventory inventory, NumberPurchaser purchaser,
                           PortingService porting, List<Object> extensions) {
        this(name, capabilities, inventory, purchaser, porting, extensions, ProviderEvents.none(name));
    }

    /**
     * A provider that reports to {@code events} (those of its REST client, say, which its builder gave
     * a listener); when they have no listener, to those of the configuration its factory is creating it
     * from, if any.
     *
     * @param porting    the porting service, or {@code null} for one that refuses every call as unsupported
     * @param extensions the typed extensions {@link #unwrap(Class)} offers
     * @param events     where its service calls are reported
     */
    protected ProviderBase(String name, Set<Capability> capabilities, NumberInventory inventory, NumberPurchaser purchaser,
                           PortingService porting, List<Object> extensions, ProviderEvents events) {
        this(name, capabilities, inventory, purchaser, porting, null, extensions, events);
    }

    /**
     * A provider with holds (see {@link Capability#HOLDS}), reporting to {@code events} as
     * {@link #ProviderBase(String, Set, NumberInventory, NumberPurchaser, PortingService, List, ProviderEvents)} does.
     *
     * @param porting    the porting service, or {@code null} for one that refuses every call as unsupported
     * @param holds      the holds service, or {@code null} for one that refuses every call as unsupported
     * @param extensions the typed extensions {@link #unwrap(Class)} offers
     * @param events     where its service calls are reported
     */
    protected ProviderBase(String name, Set<Capability> capabilities, NumberInventory inventory, NumberPurchaser purchaser,
                           PortingService porting, NumberHolds holds, List<Object> extensions, ProviderEvents events) {
        this.name = Objects.requireNonNull(name, "name");
        this.capabilities = Set.copyOf(capabilities);
        ProviderEvents reporting = reporting(name, Objects.requireNonNull(events, "events"));
        CheckedServices.Declared declared = new CheckedServices.Declared(name, this.capabilities, reporting);
        this.inventory = CheckedServices.inventory(Objects.requireNonNull(inventory, "inventory"), declared);
        this.purchaser = CheckedServices.purchaser(Objects.requireNonNull(purchaser, "purchaser"), declared);
        this.porting = CheckedServices.porting(porting != null ? porting : Unsupported.porting(name), declared);
        this.holds = CheckedServices.holds(holds != null ? holds : Unsupported.holds(name), declared);
        this.extensions = List.copyOf(extensions);
    }

    private static ProviderEvents reporting(String name, ProviderEvents events) {
        if (events.active()) {
            return events.named(name);
        }
        // no lambda: the first one a cold JVM links costs more than connecting does
        java.util.Optional<ProviderEvents.Binding> bound = ProviderEvents.bound();
        if (bound.isPresent()) {
            return ProviderEvents.of(name, bound.get().listener(), bound.get().clock());
        }
        return events.named(name);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public final NumberInventory inventory() {
        return inventory;
    }

    @Override
    public final NumberPurchaser purchaser() {
        return purchaser;
    }

    @Override
    public final PortingService porting() {
        return porting;
    }

    @Override
    public final NumberHolds holds() {
        return holds;
    }

    /** The extension of that type, if this provider offers one. */
    @Override
    public final <T> T unwrap(Class<T> extension) {
        Arguments.require("extension", extension);
        for (Object candidate : extensions) {
            if (extension.isInstance(candidate)) {
                return extension.cast(candidate);
            }
        }
        throw Unsupported.extension(name, extension);
    }

    /** Nothing to release by default. */
    @Override
    public void close() {
    }
}
