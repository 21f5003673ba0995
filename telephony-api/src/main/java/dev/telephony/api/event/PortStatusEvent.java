package dev.telephony.api.event;

import dev.telephony.api.PortStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * A port order seen with a status other than the one it was last seen with (or seen for the first time)
 * by this provider instance.
 *
 * @param provider the provider's name
 * @param portId   the port order's id, as the provider issued it (not meant for metric tags)
 * @param previous the status it was last seen with, empty the first time
 * @param current  the status it has now
 */
public record PortStatusEvent(String provider, String portId, Optional<PortStatus> previous, PortStatus current) {
    public PortStatusEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(portId, "portId");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
    }
}
