package dev.telephony.api.discovery;

import dev.telephony.api.Capability;
import dev.telephony.api.Listing;
import dev.telephony.api.NumberInventory;
import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.PortingService;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.spi.ConfigKey;
import dev.telephony.api.spi.ProviderConfig;
import dev.telephony.api.spi.TelephonyProviderFactory;
import dev.telephony.api.spi.Unsupported;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Factories the discovery tests put on a class loader of their own. */
public final class TestFactories {
    private TestFactories() {
    }

    /** A provider that only remembers its configuration. */
    public record StubProvider(String name, ProviderConfig config) implements TelephonyProvider {
        @Override
        public Set<Capability> capabilities() {
            return Set.of();
        }

        @Override
        public NumberInventory inventory() {
            throw new UnsupportedOperationException();
        }

        @Override
        public NumberPurchaser purchaser() {
            throw new UnsupportedOperationException();
        }

        @Override
        public PortingService porting() {
            return Unsupported.porting(name);
        }

        @Override
        public <T> T unwrap(Class<T> extension) {
            throw Unsupported.extension(name, extension);
        }

        @Override
        public void close() {
        }
    }

    abstract static class Base implements TelephonyProviderFactory {
        @Override
        public String description() {
            return "a test provider";
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.PURCHASE);
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of();
        }

        @Override
        public TelephonyProvider create(ProviderConfig config) {
            return new StubProvider(name(), config);
        }
    }

    /** "alpha": needs a space, a project id and a secret token; has an optional region with a default. */
    public static final class Alpha extends Base {
        @Override
        public String name() {
            return "alpha";
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of(ConfigKey.required("space", "the space name"),
                    ConfigKey.required("project-id", "the project id"),
                    ConfigKey.requiredSecret("api-token", "the API token"),
                    ConfigKey.withDefault("region", "the region", "us"));
        }
    }

    /** "beta": needs nothing. */
    public static final class Beta extends Base {
        @Override
        public String name() {
            return "beta";
        }
    }

    /** "sandbox": chosen only by name, like the in-memory provider. */
    public static final class NameOnly extends Base {
        @Override
        public String name() {
            return "sandbox";
        }

        @Override
        public boolean selectableWithoutName() {
            return false;
        }
    }

    /** A factory whose constructor fails, as one with a missing dependency does. */
    public static final class Broken extends Base {
        public Broken() {
            throw new IllegalStateException("missing dependency com.example.CarrierSdk");
        }

        @Override
        public String name() {
            return "broken";
        }
    }

    /** "counted": counts how often it is made, to show which factories a connect made. */
    public static final class Counted extends Base {
        public static final AtomicInteger MADE = new AtomicInteger();

        public Counted() {
            MADE.incrementAndGet();
        }

        @Override
        public String name() {
            return "counted";
        }
    }

    /** A second "beta", counting how often it is made and how often it creates a provider. */
    public static final class CountedBeta extends Base {
        public static final AtomicInteger MADE = new AtomicInteger();
        public static final AtomicInteger CREATED = new AtomicInteger();

        public CountedBeta() {
            MADE.incrementAndGet();
        }

        @Override
        public String name() {
            return "beta";
        }

        @Override
        public TelephonyProvider create(ProviderConfig config) {
            CREATED.incrementAndGet();
            return super.create(config);
        }
    }
}
