package dev.telephony.api;

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
        Fields.requireNonNull("portedNumber.number", number);
        Fields.requireNonNull("portedNumber.status", status);
        Fields.requireNonNull("portedNumber.rejectionReason", rejectionReason);
    }
}
