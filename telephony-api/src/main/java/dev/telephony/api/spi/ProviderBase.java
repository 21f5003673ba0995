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
    /** Where the services' calls are reported: fixed at construction, while the factory's binding (if any) holds. */
    private final ProviderEvents reporting;
    /**
     * The provider's own services as given, or null for those it makes on first use ({@link #createInventory()}
     * and the like) or, for porting and holds, refuses.
     */
    private final NumberInventory givenInventory;
    private final NumberPurchaser givenPurchaser;
    private final PortingService givenPorting;
    private final NumberHolds givenHolds;
    private final List<Object> extensions;
    /**
     * The checked services handed out, each made on its first use, once: connecting need not load the
     * checks, nor a provider's services, before they are called.
     */
    private volatile NumberInventory inventory;
    private volatile NumberPurchaser purchaser;
    private volatile PortingService porting;
    private volatile NumberHolds holds;
    private CheckedServices.Declared declared;
    private final Object lock = new Object();

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
        this.reporting = reporting(name, Objects.requireNonNull(events, "events"));
        this.givenInventory = Objects.requireNonNull(inventory, "inventory");
        this.givenPurchaser = Objects.requireNonNull(purchaser, "purchaser");
        this.givenPorting = porting;
        this.givenHolds = holds;
        this.extensions = List.copyOf(extensions);
    }

    /**
     * A provider whose services are made when first used, by {@link #createInventory()},
     * {@link #createPurchaser()}, {@link #createPorting()} and {@link #createHolds()} (each called
     * once, from whichever thread first asks, after this constructor has returned; again only if it threw): connecting then loads none of
     * them. It reports to {@code events} as
     * {@link #ProviderBase(String, Set, NumberInventory, NumberPurchaser, PortingService, List, ProviderEvents)} does.
     *
     * @param extensions the typed extensions {@link #unwrap(Class)} offers
     * @param events     where its service calls are reported
     */
    protected ProviderBase(String name, Set<Capability> capabilities, List<Object> extensions, ProviderEvents events) {
        this.name = Objects.requireNonNull(name, "name");
        this.capabilities = Set.copyOf(capabilities);
        this.reporting = reporting(name, Objects.requireNonNull(events, "events"));
        this.givenInventory = null;
        this.givenPurchaser = null;
        this.givenPorting = null;
        this.givenHolds = null;
        this.extensions = List.copyOf(extensions);
    }

    /**
     * The inventory of a provider built with {@link #ProviderBase(String, Set, List, ProviderEvents)},
     * made on first use; never null. Providers given their services at construction are never asked.
     */
    protected NumberInventory createInventory() {
        throw new IllegalStateException(name + " provider makes no inventory of its own");
    }

    /** The purchaser, as {@link #createInventory()} is the inventory; never null. */
    protected NumberPurchaser createPurchaser() {
        throw new IllegalStateException(name + " provider makes no purchaser of its own");
    }

    /** The porting service, made on first use; {@code null} (the default) for one that refuses every call as unsupported. */
    protected PortingService createPorting() {
        return null;
    }

    /** The holds service, made on first use; {@code null} (the default) for one that refuses every call as unsupported. */
    protected NumberHolds createHolds() {
        return null;
    }

    /** Who declares what, for the checked services; called with {@link #lock} held. */
    private CheckedServices.Declared declared() {
        if (declared == null) {
            declared = new CheckedServices.Declared(name, capabilities, reporting);
        }
        return declared;
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

    // Each service is made once, under the lock, and published through its volatile field: every caller
    // gets the same instance. Plain code, no lambdas: a cold JVM's first lambda costs more than connecting.
    @Override
    public final NumberInventory inventory() {
        NumberInventory made = inventory;
        if (made != null) {
            return made;
        }
        synchronized (lock) {
            if (inventory == null) {
                NumberInventory own = givenInventory != null ? givenInventory
                        : Objects.requireNonNull(createInventory(), "inventory");
                inventory = CheckedServices.inventory(own, declared());
            }
            return inventory;
        }
    }

    @Override
    public final NumberPurchaser purchaser() {
        NumberPurchaser made = purchaser;
        if (made != null) {
            return made;
        }
        synchronized (lock) {
            if (purchaser == null) {
                NumberPurchaser own = givenPurchaser != null ? givenPurchaser
                        : Objects.requireNonNull(createPurchaser(), "purchaser");
                purchaser = CheckedServices.purchaser(own, declared());
            }
            return purchaser;
        }
    }

    @Override
    public final PortingService porting() {
        PortingService made = porting;
        if (made != null) {
            return made;
        }
        synchronized (lock) {
            if (porting == null) {
                PortingService own = givenPorting != null ? givenPorting : createPorting();
                porting = CheckedServices.porting(own != null ? own : Unsupported.porting(name), declared());
            }
            return porting;
        }
    }

    @Override
    public final NumberHolds holds() {
        NumberHolds made = holds;
        if (made != null) {
            return made;
        }
        synchronized (lock) {
            if (holds == null) {
                NumberHolds own = givenHolds != null ? givenHolds : createHolds();
                holds = CheckedServices.holds(own != null ? own : Unsupported.holds(name), declared());
            }
            return holds;
        }
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
        return Unsupported.refuseExtension(name, extension);
    }

    /** Nothing to release by default. */
    @Override
    public void close() {
    }
}
