package dev.telephony.api;

import java.time.Duration;
import java.util.Optional;

/** Buying numbers, and following the orders that buy them. */
public interface NumberPurchaser {
    /**
     * Buys the numbers. Synchronous providers answer {@link PurchaseStatus#COMPLETED} at once;
     * asynchronous ones answer {@link PurchaseStatus#PENDING}, to be followed with
     * {@link #await(String, Duration)}. A purchase is never re-sent blindly: after an ambiguous
     * failure the provider's numbers are checked first.
     *
     * @throws dev.telephony.api.error.NumberNotAvailableException when nothing asked for can be bought
     * @throws dev.telephony.api.error.PurchaseOutcomeUnknownException when the outcome could not be established
     */
    PurchaseOrder purchase(PurchaseRequest request);

    /** The order as the provider has it now, or empty when there is no such order. */
    Optional<PurchaseOrder> order(String orderId);

    /**
     * Polls the order at the provider's pace until it is terminal, and returns it. {@code timeout}
     * bounds the whole wait. Works from the id alone, so it can resume after a restart.
     *
     * @throws dev.telephony.api.error.OperationTimeoutException when the time runs out; the order
     *         goes on and nothing is cancelled
     * @throws dev.telephony.api.error.NotFoundException when there is no such order
     */
    PurchaseOrder await(String orderId, Duration timeout);
}
