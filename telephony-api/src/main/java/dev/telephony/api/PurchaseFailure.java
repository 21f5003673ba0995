package dev.telephony.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A number of an order that was not bought, and why.
 *
 * @param number the number
 * @param reason why, in words
 * @param code   the provider's error code, when it gave one
 */
public record PurchaseFailure(PhoneNumber number, String reason, Optional<String> code) {
    public PurchaseFailure {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(code, "code");
    }
}
