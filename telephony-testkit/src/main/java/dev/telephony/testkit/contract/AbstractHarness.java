package dev.telephony.testkit.contract;

import dev.telephony.api.TelephonyProvider;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ProviderHarness} that keeps track of the provider instances it hands out and closes them.
 * Subclasses say how to connect with good and bad credentials, and stop their simulator in
 * {@link #stop()}.
 */
public abstract class AbstractHarness implements ProviderHarness {
    private final CarrierState carrier;
    private final ManualClock clock;
    private final List<TelephonyProvider> opened = new ArrayList<>();
    private TelephonyProvider provider;

    protected AbstractHarness(CarrierState carrier, ManualClock clock) {
        this.carrier = Objects.requireNonNull(carrier, "carrier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Connects a new provider instance, with valid or refused credentials. */
    protected abstract TelephonyProvider connect(boolean validCredentials);

    /** Stops whatever the harness started besides providers (a simulator); nothing by default. */
    protected void stop() {
    }

    @Override
    public final synchronized TelephonyProvider provider() {
        if (provider == null) {
            provider = track(connect(true));
        }
        return provider;
    }

    @Override
    public final synchronized TelephonyProvider reconnect() {
        return track(connect(true));
    }

    @Override
    public final synchronized TelephonyProvider connectWithInvalidCredentials() {
        return track(connect(false));
    }

    @Override
    public final CarrierState carrier() {
        return carrier;
    }

    @Override
    public final ManualClock clock() {
        return clock;
    }

    private TelephonyProvider track(TelephonyProvider instance) {
        opened.add(instance);
        return instance;
    }

    @Override
    public final synchronized void close() {
        try {
            for (TelephonyProvider instance : opened) {
                try {
                    instance.close();
                } catch (RuntimeException e) {
                    // close the others all the same
                }
            }
        } finally {
            opened.clear();
            stop();
        }
    }
}
