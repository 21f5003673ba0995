package dev.telephony.api.event;

import java.time.Duration;
import java.util.Objects;

/**
 * A failed try that will be tried again after {@code delay}: a read after a rate limit or an outage,
 * or a purchase or release the carrier refused with a rate limit or that a reconciliation proved did
 * nothing.
 *
 * @param provider  the provider's name
 * @param operation what is tried again: a request ({@code GET /api/relay/rest/phone_numbers}, as a
 *                  template) or a write ({@code purchase}, {@code release})
 * @param attempt   the try that failed (1 for the first)
 * @param reason    why it failed
 * @param delay     the wait before the next try, on the provider's injected clock
 */
public record RetryEvent(String provider, String operation, int attempt, Failure reason, Duration delay) {
    public RetryEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(delay, "delay");
    }
}
