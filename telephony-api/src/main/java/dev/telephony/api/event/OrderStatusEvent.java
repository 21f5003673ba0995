package dev.telephony.api.event;

import dev.telephony.api.PurchaseStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * A purchase order seen with a status other than the one it was last seen with (or seen for the first
 * time) by this provider instance.
 *
 * @param provider the provider's name
 * @param orderId  the order's id, as the provider issued it (not meant for metric tags)
 * @param previous the status it was last seen with, empty the first time
 * @param current  the status it has now
 */
public record OrderStatusEvent(String provider, String orderId, Optional<PurchaseStatus> previous, PurchaseStatus current) {
    public OrderStatusEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
    }
}
