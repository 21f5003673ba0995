package dev.telephony.api.spi;

import dev.telephony.api.error.ProviderUnavailableException;
import java.util.function.BooleanSupplier;

/** Releasing without ever re-sending blindly: after an ambiguous failure, the account's numbers decide. */
public final class SafeRelease {
    private SafeRelease() {
    }

    /**
     * Sends the release once. If it fails ambiguously (time-out, reset, server error), asks
     * {@code stillOwned}: a number that is gone was released; one still owned rethrows the failure.
     */
    public static void release(Runnable send, BooleanSupplier stillOwned) {
        try {
            send.run();
        } catch (ProviderUnavailableException ambiguous) {
            if (stillOwned.getAsBoolean()) {
                throw ambiguous;
            }
        }
    }
}
