package dev.telephony.api.error;

import dev.telephony.api.PhoneNumber;
import java.util.List;
import java.util.Optional;

/**
 * A purchase failed ambiguously (time-out, connection reset after sending, an unusable answer) and the
 * library could not establish afterwards what was bought. Nothing was re-sent. Carries what is known:
 * the numbers asked for, those confirmed as bought, and the order id if the provider gave one;
 * {@link #numbers()} names every number whose outcome is open. Check the account's numbers before
 * buying again.
 */
public class PurchaseOutcomeUnknownException extends OutcomeUnknownException {
    private static final long serialVersionUID = 1L;

    private final transient List<PhoneNumber> requested;
    private final transient List<PhoneNumber> confirmedBought;
    private final String orderId;

    public PurchaseOutcomeUnknownException(List<PhoneNumber> requested, List<PhoneNumber> confirmedBought,
                                           String orderId, ErrorContext context, Throwable cause) {
        super("the outcome of buying " + requested + " could not be established (confirmed bought: "
                + confirmedBought + (orderId == null ? "" : ", order " + orderId)
                + "); nothing was re-sent, check the account's numbers before buying again",
                requested.stream().filter(n -> !confirmedBought.contains(n)).toList(), context, cause);
        this.requested = List.copyOf(requested);
        this.confirmedBought = List.copyOf(confirmedBought);
        this.orderId = orderId;
    }

    public List<PhoneNumber> requested() {
        return requested;
    }

    public List<PhoneNumber> confirmedBought() {
        return confirmedBought;
    }

    public Optional<String> orderId() {
        return Optional.ofNullable(orderId);
    }
}
