package dev.telephony.api;

import java.util.List;
import java.util.Optional;

/**
 * Holding chosen numbers before buying them: a shopping cart at the provider. Needs
 * {@link Capability#HOLDS}; without it every call fails with
 * {@link dev.telephony.api.error.UnsupportedCapabilityException} before any request.
 *
 * <p>Each number of a hold has its own status: a provider may hold some of the numbers asked for and
 * report the others as {@link HeldNumber.Status#ERROR} with its reason; the call still answers the hold.
 * A hold runs out at its {@link Hold#expiresAt()}; the provider may move that on when the hold changes.
 *
 * <pre>{@code
 * List<AvailableNumber> offers = provider.inventory().search(search);
 * Hold hold = provider.holds().create(HoldRequest.of(offers.get(0)));
 * PurchaseOrder order = provider.holds().purchase(HoldPurchase.of(hold));
 * }</pre>
 */
public interface NumberHolds {
    /**
     * Holds the numbers asked for, in a new hold.
     *
     * @throws dev.telephony.api.error.HoldExpiredException when an offer's own hold has run out (before any request)
     * @throws dev.telephony.api.error.NumberNotAvailableException when none of them can be held
     */
    Hold create(HoldRequest request);

    /**
     * Adds numbers to an active hold, and returns the hold as it is afterwards.
     *
     * @throws dev.telephony.api.error.NotFoundException when there is no such hold
     * @throws dev.telephony.api.error.ConflictException when the hold can no longer change (bought, expired)
     */
    Hold add(String holdId, HoldRequest request);

    /**
     * Takes numbers out of an active hold (they are free for others again), and returns the hold as it is
     * afterwards. A number the hold does not have is refused naming it.
     *
     * @throws dev.telephony.api.error.NotFoundException when there is no such hold
     * @throws dev.telephony.api.error.ConflictException when the hold can no longer change (bought, expired)
     */
    Hold remove(String holdId, List<PhoneNumber> numbers);

    /** The hold as the provider has it now, or empty when there is no such hold (released, or forgotten by the provider). */
    Optional<Hold> get(String holdId);

    /** Every hold the account has, lazily, page by page. */
    Listing<Hold> list();

    /**
     * Gives the hold up: its numbers are free for anyone again. Nothing is bought.
     *
     * @throws dev.telephony.api.error.NotFoundException when there is no such hold
     */
    void release(String holdId);

    /**
     * Buys the numbers the hold holds, as one order: {@link PurchaseStatus#COMPLETED} at once, or
     * {@link PurchaseStatus#PENDING} to be followed with {@link NumberPurchaser#await}. Never re-sent
     * blindly: after an ambiguous failure the hold and the account are read first.
     *
     * @throws dev.telephony.api.error.HoldExpiredException when the hold given has run out (before any request)
     * @throws dev.telephony.api.error.PurchaseOutcomeUnknownException when the outcome could not be established
     */
    PurchaseOrder purchase(HoldPurchase purchase);
}
