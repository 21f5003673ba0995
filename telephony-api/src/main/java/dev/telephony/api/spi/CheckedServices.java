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
 * service sees it, so no provider has to, and none can forget one.
 */
final class CheckedServices {
    private CheckedServices() {
    }

    /** Who declares what: the provider's name and capabilities. */
    record Declared(String provider, Set<Capability> capabilities) {
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
            declared.require(Capability.REGIONS);
            return delegate.regions();
        }

        @Override
        public List<Region> regions(String countryCode) {
            String country = Arguments.requireCountryCode("countryCode", countryCode);
            declared.require(Capability.REGIONS);
            return delegate.regions(country);
        }

        @Override
        public List<AvailableNumber> search(NumberSearch search) {
            declared.require(Arguments.require("search", search).requiredCapabilities());
            return delegate.search(search);
        }

        @Override
        public Listing<OwnedNumber> list() {
            declared.require(Capability.LIST);
            // the provider's own list(), which may differ from list(ListQuery.all())
            return delegate.list();
        }

        @Override
        public Listing<OwnedNumber> list(ListQuery query) {
            declared.require(Arguments.require("query", query).requiredCapabilities());
            return delegate.list(query);
        }

        @Override
        public Optional<OwnedNumber> get(PhoneNumber number) {
            return delegate.get(Arguments.require("number", number));
        }

        @Override
        public OwnedNumber update(PhoneNumber number, NumberUpdate update) {
            Arguments.require("number", number);
            declared.require(Arguments.require("update", update).requiredCapabilities());
            return delegate.update(number, update);
        }

        @Override
        public void release(PhoneNumber number) {
            Arguments.require("number", number);
            declared.require(Capability.RELEASE);
            delegate.release(number);
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }

    private record Purchaser(NumberPurchaser delegate, Declared declared) implements NumberPurchaser {
        @Override
        public PurchaseOrder purchase(PurchaseRequest request) {
            declared.require(Arguments.require("request", request).requiredCapabilities());
            return delegate.purchase(request);
        }

        @Override
        public Optional<PurchaseOrder> order(String orderId) {
            Arguments.requireId("orderId", orderId);
            declared.require(Capability.PURCHASE);
            return delegate.order(orderId);
        }

        @Override
        public PurchaseOrder await(String orderId, Duration timeout) {
            Arguments.requireId("orderId", orderId);
            Duration bounded = Arguments.requireTimeout("timeout", timeout);
            declared.require(Capability.PURCHASE);
            return delegate.await(orderId, bounded);
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }

    private record Porting(PortingService delegate, Declared declared) implements PortingService {
        @Override
        public PortabilityResult checkPortability(PhoneNumber number) {
            Arguments.require("number", number);
            declared.require(Capability.PORTING);
            return delegate.checkPortability(number);
        }

        @Override
        public PortOrder submit(PortRequest request) {
            Arguments.require("request", request);
            declared.require(Capability.PORTING);
            return delegate.submit(request);
        }

        @Override
        public Optional<PortOrder> get(String portId) {
            Arguments.requireId("portId", portId);
            declared.require(Capability.PORTING);
            return delegate.get(portId);
        }

        @Override
        public Listing<PortOrder> list() {
            declared.require(Capability.PORTING);
            return delegate.list();
        }

        @Override
        public PortOrder cancel(String portId) {
            Arguments.requireId("portId", portId);
            declared.require(Capability.PORTING);
            return delegate.cancel(portId);
        }

        @Override
        public PortOrder await(String portId, Duration timeout) {
            Arguments.requireId("portId", portId);
            Duration bounded = Arguments.requireTimeout("timeout", timeout);
            declared.require(Capability.PORTING);
            return delegate.await(portId, bounded);
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
