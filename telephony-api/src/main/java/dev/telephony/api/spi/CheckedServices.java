package dev.telephony.api.spi;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.ListQuery;
import dev.telephony.api.Listing;
import dev.telephony.api.NumberInventory;
import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PortOrder;
import dev.telephony.api.PortRequest;
import dev.telephony.api.PortabilityResult;
import dev.telephony.api.PortingService;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.Region;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The services {@link ProviderBase} hands out: each checks every argument with {@link Arguments}, and
 * the capabilities the call needs against those the provider declares, before the provider's own
 * service sees it, so no provider has to, and none can forget one. Each call is reported to the
 * provider's {@link ProviderEvents} as one operation, checks included, and each order and port handed
 * to the caller is looked at for a status change.
 */
final class CheckedServices {
    private CheckedServices() {
    }

    /** Who declares what: the provider's name and capabilities, and where its calls are reported. */
    record Declared(String provider, Set<Capability> capabilities, ProviderEvents events) {
        <T> T operation(String operation, java.util.function.Supplier<T> call) {
            return events.operation(operation, call);
        }

        void operation(String operation, Runnable call) {
            events.operation(operation, call);
        }

        void require(Capability needed) {
            Capabilities.require(provider, capabilities, needed);
        }

        void require(Set<Capability> needed) {
            Capabilities.require(provider, capabilities, needed);
        }
    }

    static NumberInventory inventory(NumberInventory delegate, Declared declared) {
        return delegate instanceof Inventory ? delegate : new Inventory(delegate, declared);
    }

    static NumberPurchaser purchaser(NumberPurchaser delegate, Declared declared) {
        return delegate instanceof Purchaser ? delegate : new Purchaser(delegate, declared);
    }

    static PortingService porting(PortingService delegate, Declared declared) {
        return delegate instanceof Porting ? delegate : new Porting(delegate, declared);
    }

    private record Inventory(NumberInventory delegate, Declared declared) implements NumberInventory {
        @Override
        public List<Region> regions() {
            return declared.operation("regions", () -> {
                declared.require(Capability.REGIONS);
                return delegate.regions();
            });
        }

        @Override
        public List<Region> regions(String countryCode) {
            return declared.operation("regions", () -> {
                String country = Arguments.requireCountryCode("countryCode", countryCode);
                declared.require(Capability.REGIONS);
                return delegate.regions(country);
            });
        }

        @Override
        public List<AvailableNumber> search(NumberSearch search) {
            return declared.operation("search", () -> {
                declared.require(Arguments.require("search", search).requiredCapabilities());
                return delegate.search(search);
            });
        }

        @Override
        public Listing<OwnedNumber> list() {
            return declared.operation("list", () -> {
                declared.require(Capability.LIST);
                // the provider's own list(), which may differ from list(ListQuery.all())
                return delegate.list();
            });
        }

        @Override
        public Listing<OwnedNumber> list(ListQuery query) {
            return declared.operation("list", () -> {
                declared.require(Arguments.require("query", query).requiredCapabilities());
                return delegate.list(query);
            });
        }

        @Override
        public Optional<OwnedNumber> get(PhoneNumber number) {
            return declared.operation("get", () -> delegate.get(Arguments.require("number", number)));
        }

        @Override
        public OwnedNumber update(PhoneNumber number, NumberUpdate update) {
            return declared.operation("update", () -> {
                Arguments.require("number", number);
                declared.require(Arguments.require("update", update).requiredCapabilities());
                return delegate.update(number, update);
            });
        }

        @Override
        public void release(PhoneNumber number) {
            declared.operation("release", () -> {
                Arguments.require("number", number);
                declared.require(Capability.RELEASE);
                delegate.release(number);
            });
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }

    private record Purchaser(NumberPurchaser delegate, Declared declared) implements NumberPurchaser {
        @Override
        public PurchaseOrder purchase(PurchaseRequest request) {
            return declared.operation("purchase", () -> {
                declared.require(Arguments.require("request", request).requiredCapabilities());
                return declared.events().seen(delegate.purchase(request));
            });
        }

        @Override
        public Optional<PurchaseOrder> order(String orderId) {
            return declared.operation("order", () -> {
                Arguments.requireId("orderId", orderId);
                declared.require(Capability.PURCHASE);
                return declared.events().seen(delegate.order(orderId));
            });
        }

        @Override
        public PurchaseOrder await(String orderId, Duration timeout) {
            return declared.operation("await", () -> {
                Arguments.requireId("orderId", orderId);
                Duration bounded = Arguments.requireTimeout("timeout", timeout);
                declared.require(Capability.PURCHASE);
                return declared.events().seen(delegate.await(orderId, bounded));
            });
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }

    private record Porting(PortingService delegate, Declared declared) implements PortingService {
        @Override
        public PortabilityResult checkPortability(PhoneNumber number) {
            return declared.operation("port-check", () -> {
                Arguments.require("number", number);
                declared.require(Capability.PORTING);
                return delegate.checkPortability(number);
            });
        }

        @Override
        public PortOrder submit(PortRequest request) {
            return declared.operation("port-submit", () -> {
                Arguments.require("request", request);
                declared.require(Capability.PORTING);
                return declared.events().seen(delegate.submit(request));
            });
        }

        @Override
        public Optional<PortOrder> get(String portId) {
            return declared.operation("port-get", () -> {
                Arguments.requireId("portId", portId);
                declared.require(Capability.PORTING);
                return declared.events().seenPort(delegate.get(portId));
            });
        }

        @Override
        public Listing<PortOrder> list() {
            return declared.operation("port-list", () -> {
                declared.require(Capability.PORTING);
                return delegate.list();
            });
        }

        @Override
        public PortOrder cancel(String portId) {
            return declared.operation("port-cancel", () -> {
                Arguments.requireId("portId", portId);
                declared.require(Capability.PORTING);
                return declared.events().seen(delegate.cancel(portId));
            });
        }

        @Override
        public PortOrder await(String portId, Duration timeout) {
            return declared.operation("port-await", () -> {
                Arguments.requireId("portId", portId);
                Duration bounded = Arguments.requireTimeout("timeout", timeout);
                declared.require(Capability.PORTING);
                return declared.events().seen(delegate.await(portId, bounded));
            });
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
