package dev.telephony.api.spi;

import dev.telephony.api.Capability;
import dev.telephony.api.Hold;
import dev.telephony.api.HoldPurchase;
import dev.telephony.api.HoldRequest;
import dev.telephony.api.NumberHolds;
import dev.telephony.api.Listing;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PortOrder;
import dev.telephony.api.PortRequest;
import dev.telephony.api.PortabilityResult;
import dev.telephony.api.PortingService;
import dev.telephony.api.error.UnsupportedCapabilityException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Stand-ins for services a provider does not offer: every call fails, naming provider and capability. */
public final class Unsupported {
    private Unsupported() {
    }

    /** A {@link PortingService} for a provider without {@link Capability#PORTING}. */
    public static PortingService porting(String provider) {
        return new PortingService() {
            @Override
            public PortabilityResult checkPortability(PhoneNumber number) {
                throw fail();
            }

            @Override
            public PortOrder submit(PortRequest request) {
                throw fail();
            }

            @Override
            public Optional<PortOrder> get(String portId) {
                throw fail();
            }

            @Override
            public Listing<PortOrder> list() {
                throw fail();
            }

            @Override
            public PortOrder cancel(String portId) {
                throw fail();
            }

            @Override
            public PortOrder await(String portId, Duration timeout) {
                throw fail();
            }

            private UnsupportedCapabilityException fail() {
                return new UnsupportedCapabilityException(provider, Capability.PORTING);
            }
        };
    }

    /** A {@link NumberHolds} for a provider without {@link Capability#HOLDS}. */
    public static NumberHolds holds(String provider) {
        return new NumberHolds() {
            @Override
            public Hold create(HoldRequest request) {
                throw capability(provider, Capability.HOLDS);
            }

            @Override
            public Hold add(String holdId, HoldRequest request) {
                throw capability(provider, Capability.HOLDS);
            }

            @Override
            public Hold remove(String holdId, List<PhoneNumber> numbers) {
                throw capability(provider, Capability.HOLDS);
            }

            @Override
            public Optional<Hold> get(String holdId) {
                throw capability(provider, Capability.HOLDS);
            }

            @Override
            public Listing<Hold> list() {
                throw capability(provider, Capability.HOLDS);
            }

            @Override
            public void release(String holdId) {
                throw capability(provider, Capability.HOLDS);
            }

            @Override
            public dev.telephony.api.PurchaseOrder purchase(HoldPurchase purchase) {
                throw capability(provider, Capability.HOLDS);
            }
        };
    }

    /**
     * A {@link dev.telephony.api.NumberPurchaser} for a provider without {@link Capability#PURCHASE}
     * (an inventory-only provider).
     */
    public static dev.telephony.api.NumberPurchaser purchaser(String provider) {
        return new dev.telephony.api.NumberPurchaser() {
            @Override
            public dev.telephony.api.PurchaseOrder purchase(dev.telephony.api.PurchaseRequest request) {
                throw capability(provider, Capability.PURCHASE);
            }

            @Override
            public Optional<dev.telephony.api.PurchaseOrder> order(String orderId) {
                throw capability(provider, Capability.PURCHASE);
            }

            @Override
            public dev.telephony.api.PurchaseOrder await(String orderId, Duration timeout) {
                throw capability(provider, Capability.PURCHASE);
            }
        };
    }

    /**
     * The error for any call needing {@code capability} that {@code provider} lacks, such as
     * {@code regions()} without {@link Capability#REGIONS}: {@code throw Unsupported.capability(NAME, Capability.REGIONS);}
     */
    public static UnsupportedCapabilityException capability(String provider, Capability capability) {
        return new UnsupportedCapabilityException(provider, capability);
    }

    /** The error for {@code TelephonyProvider.unwrap} when the provider has no such extension. */
    public static UnsupportedCapabilityException extension(String provider, Class<?> extension) {
        return new UnsupportedCapabilityException(provider, "the extension " + extension.getName());
    }

    /**
     * Throws {@link #extension}'s error. For {@link ProviderBase#unwrap}: throwing it there would make
     * verifying ProviderBase, on the connect path, load the exception's class.
     */
    static <T> T refuseExtension(String provider, Class<T> extension) {
        throw extension(provider, extension);
    }
}
