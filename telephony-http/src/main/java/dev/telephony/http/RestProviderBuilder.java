package dev.telephony.http;

import dev.telephony.api.Sleeper;
import dev.telephony.api.event.TelephonyListener;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What every REST provider's builder takes besides credentials: HTTP settings, and the clock, sleeper
 * and randomness all waiting goes through (inject them in tests).
 *
 * @param <B> the provider's own builder
 */
public abstract class RestProviderBuilder<B extends RestProviderBuilder<B>> {
    private HttpSettings settings = HttpSettings.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private RandomGenerator random = ThreadJitter.INSTANCE;
    private java.util.concurrent.Executor executor;
    private TelephonyListener listener;

    /** This builder, typed as the provider's. */
    protected abstract B self();

    /** Time-outs, pool size, retry policy and user agent. */
    public B httpSettings(HttpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return self();
    }

    /** The clock retries, holds and polling are measured on. */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /** How the provider waits between retries and polls. */
    public B sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return self();
    }

    /** The source of retry jitter. */
    public B random(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
        return self();
    }

    /**
     * Where the provider runs work beside the caller (the numbers of a bulk purchase,
     * {@link HttpSettings#bulkConcurrency()} at once; the next page of a listing), instead of threads it
     * makes itself and shuts down when it is closed. The provider never shuts this executor down. Its
     * threads must not themselves wait on a bulk purchase.
     */
    public B executor(java.util.concurrent.Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return self();
    }

    /**
     * A listener the provider reports to: its service calls, requests, retries and reconciliations.
     * Without one, a provider created through {@code Telephony.builder()} reports to the listeners
     * registered there.
     */
    public B listener(TelephonyListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return self();
    }

    /** A REST client for {@code provider} at {@code baseUri} with these settings (listener and executor). */
    protected RestClient.Builder restClient(String provider, URI baseUri) {
        RestClient.Builder builder = RestClient.builder(provider, baseUri).settings(settings).clock(clock).sleeper(sleeper)
                .random(random);
        if (executor != null) {
            builder.executor(executor);
        }
        return listener == null ? builder : builder.listener(listener);
    }

    protected Clock clock() {
        return clock;
    }
}
