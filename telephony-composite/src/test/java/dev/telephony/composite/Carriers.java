package dev.telephony.composite;

import dev.telephony.api.Capability;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.memory.InMemoryProvider;
import dev.telephony.testkit.time.ManualClock;
import java.time.Duration;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Two in-memory carriers, "east" and "west", each with its own state, on one manual clock; composites
 * of them are built as a service would build them (and built again, as after a restart).
 */
final class Carriers implements AutoCloseable {
    final ManualClock clock = ManualClock.standard();
    final CarrierState east = new CarrierState(clock);
    final CarrierState west = new CarrierState(clock);
    Set<Capability> eastCapabilities = InMemoryProvider.ALL_CAPABILITIES;
    Set<Capability> westCapabilities = InMemoryProvider.ALL_CAPABILITIES;
    boolean asynchronous;
    private final java.util.List<TelephonyProvider> opened = new java.util.ArrayList<>();

    TelephonyProvider member(CarrierState carrier, Set<Capability> capabilities) {
        return InMemoryProvider.builder().carrier(carrier).capabilities(capabilities).clock(clock).sleeper(clock.sleeper())
                .random(new SplittableRandom(7)).asynchronousPurchases(asynchronous).build();
    }

    /** A composite of east then west, configured further by {@code more}. */
    CompositeProvider composite(UnaryOperator<CompositeProvider.Builder> more) {
        CompositeProvider composite = more.apply(CompositeProvider.builder()
                .member("east", member(east, eastCapabilities))
                .member("west", member(west, westCapabilities))
                .memberTimeout(Duration.ofSeconds(5))
                .clock(clock)).build();
        opened.add(composite);
        return composite;
    }

    CompositeProvider composite() {
        return composite(b -> b);
    }

    static CompositeExtension extension(TelephonyProvider provider) {
        return provider.unwrap(CompositeExtension.class);
    }

    @Override
    public void close() {
        opened.forEach(TelephonyProvider::close);
    }
}
