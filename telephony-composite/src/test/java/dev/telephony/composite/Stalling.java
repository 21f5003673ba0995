package dev.telephony.composite;

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
import dev.telephony.api.PortingService;
import dev.telephony.api.Region;
import dev.telephony.api.TelephonyProvider;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A member whose searches first do something slow (wait for the test's signal), then answer as the provider does. */
final class Stalling implements TelephonyProvider {
    /** What the member does before it answers a search. */
    @FunctionalInterface
    interface Delay {
        void run() throws InterruptedException;
    }

    private final TelephonyProvider delegate;
    private final Delay delay;

    private Stalling(TelephonyProvider delegate, Delay delay) {
        this.delegate = delegate;
        this.delay = delay;
    }

    static TelephonyProvider search(TelephonyProvider delegate, Delay delay) {
        return new Stalling(delegate, delay);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public NumberInventory inventory() {
        NumberInventory inventory = delegate.inventory();
        return new NumberInventory() {
            @Override
            public List<Region> regions() {
                return inventory.regions();
            }

            @Override
            public List<Region> regions(String countryCode) {
                return inventory.regions(countryCode);
            }

            @Override
            public List<AvailableNumber> search(NumberSearch search) {
                try {
                    delay.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                return inventory.search(search);
            }

            @Override
            public Listing<OwnedNumber> list(ListQuery query) {
                return inventory.list(query);
            }

            @Override
            public Optional<OwnedNumber> get(PhoneNumber number) {
                return inventory.get(number);
            }

            @Override
            public OwnedNumber update(PhoneNumber number, NumberUpdate update) {
                return inventory.update(number, update);
            }

            @Override
            public void release(PhoneNumber number) {
                inventory.release(number);
            }
        };
    }

    @Override
    public NumberPurchaser purchaser() {
        return delegate.purchaser();
    }

    @Override
    public PortingService porting() {
        return delegate.porting();
    }

    @Override
    public <T> T unwrap(Class<T> extension) {
        return delegate.unwrap(extension);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
