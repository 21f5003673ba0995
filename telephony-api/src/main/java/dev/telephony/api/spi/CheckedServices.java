package dev.telephony.api.spi;

import dev.telephony.api.AvailableNumber;
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

/**
 * The services {@link ProviderBase} hands out: each checks every argument with {@link Arguments}
 * before the provider's own service sees it, so no provider has to, and none can forget one.
 */
final class CheckedServices {
    private CheckedServices() {
    }

    static NumberInventory inventory(NumberInventory delegate) {
        return delegate instanceof Inventory ? delegate : new Inventory(delegate);
    }

    static NumberPurchaser purchaser(NumberPurchaser delegate) {
        return delegate instanceof Purchaser ? delegate : new Purchaser(delegate);
    }

    static PortingService porting(PortingService delegate) {
        return delegate instanceof Porting ? delegate : new Porting(delegate);
    }

    private record Inventory(NumberInventory delegate) implements NumberInventory {
        @Override
        public List<Region> regions() {
            return delegate.regions();
        }

        @Override
        public List<Region> regions(String countryCode) {
            return delegate.regions(Arguments.requireCountryCode("countryCode", countryCode));
        }

        @Override
        public List<AvailableNumber> search(NumberSearch search) {
            return delegate.search(Arguments.require("search", search));
        }

        @Override
        public Listing<OwnedNumber> list() {
            // the provider's own list(), which may differ from list(ListQuery.all())
            return delegate.list();
        }

        @Override
        public Listing<OwnedNumber> list(ListQuery query) {
            return delegate.list(Arguments.require("query", query));
        }

        @Override
        public Optional<OwnedNumber> get(PhoneNumber number) {
            return delegate.get(Arguments.require("number", number));
        }

        @Override
        public OwnedNumber update(PhoneNumber number, NumberUpdate update) {
            Arguments.require("number", number);
            Arguments.require("update", update);
            return delegate.update(number, update);
        }

        @Override
        public void release(PhoneNumber number) {
            delegate.release(Arguments.require("number", number));
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }

    private record Purchaser(NumberPurchaser delegate) implements NumberPurchaser {
        @Override
        public PurchaseOrder purchase(PurchaseRequest request) {
            return delegate.purchase(Arguments.require("request", request));
        }

        @Override
        public Optional<PurchaseOrder> order(String orderId) {
            return delegate.order(Arguments.require("orderId", orderId));
        }

        @Override
        public PurchaseOrder await(String orderId, Duration timeout) {
            Arguments.require("orderId", orderId);
            return delegate.await(orderId, Arguments.requireTimeout("timeout", timeout));
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }

    private record Porting(PortingService delegate) implements PortingService {
        @Override
        public PortabilityResult checkPortability(PhoneNumber number) {
            return delegate.checkPortability(Arguments.require("number", number));
        }

        @Override
        public PortOrder submit(PortRequest request) {
            return delegate.submit(Arguments.require("request", request));
        }

        @Override
        public Optional<PortOrder> get(String portId) {
            return delegate.get(Arguments.require("portId", portId));
        }

        @Override
        public Listing<PortOrder> list() {
            return delegate.list();
        }

        @Override
        public PortOrder cancel(String portId) {
            return delegate.cancel(Arguments.require("portId", portId));
        }

        @Override
        public PortOrder await(String portId, Duration timeout) {
            Arguments.require("portId", portId);
            return delegate.await(portId, Arguments.requireTimeout("timeout", timeout));
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
