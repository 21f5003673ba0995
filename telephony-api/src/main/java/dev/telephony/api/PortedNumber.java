package dev.telephony.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One number of a port, with its own status.
 *
 * @param number          the number
 * @param status          where this number's port stands
 * @param rejectionReason why it was rejected, when it was
 */
public record PortedNumber(PhoneNumber number, PortStatus status, Optional<String> rejectionReason) {
    public PortedNumber {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rejectionReason, "rejectionReason");
    }
}
