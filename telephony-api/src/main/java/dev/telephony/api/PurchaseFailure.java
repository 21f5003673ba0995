package dev.telephony.api;

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
        Fields.requireNonNull("failure.number", number);
        Fields.requireNonNull("failure.reason", reason);
        Fields.requireNonNull("failure.code", code);
    }
}
