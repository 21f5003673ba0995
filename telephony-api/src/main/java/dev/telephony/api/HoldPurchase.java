package dev.telephony.api;

import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.HoldExpiredException;
import dev.telephony.api.error.InvalidRequestException;

import java.time.Instant;
import java.util.Optional;

/**
 * Buying what a hold holds: by the hold itself (its expiry is then checked before anything is sent)
 * or by its id alone (after a restart), optionally agreeing not to resell the numbers where a country
 * requires that agreement (Azure's {@code agreeToNotResell}).
 *
 * <pre>{@code
 * PurchaseOrder order = provider.holds().purchase(HoldPurchase.of(hold));
 * }</pre>
 */
public final class HoldPurchase {
    private final String holdId;
    private final Hold hold;
    private final boolean agreeToNotResell;

    private HoldPurchase(String holdId, Hold hold, boolean agreeToNotResell) {
        this.holdId = holdId;
        this.hold = hold;
        this.agreeToNotResell = agreeToNotResell;
    }

    /** Buy this hold; fails before any request when it has expired by then. */
    public static HoldPurchase of(Hold hold) {
        Fields.requireNonNull("purchase.hold", hold);
        return new HoldPurchase(hold.id(), hold, false);
    }

    /** Buy the hold with this id, as the provider has it when the purchase is sent. */
    public static HoldPurchase of(String holdId) {
        return new HoldPurchase(Fields.requireNonBlank("purchase.holdId", holdId), null, false);
    }

    /**
     * This purchase, agreeing not to resell the numbers: some countries' numbers can only be bought so
     * (Azure refuses their purchase without it).
     */
    public HoldPurchase agreeingNotToResell() {
        return new HoldPurchase(holdId, hold, true);
    }

    public String holdId() {
        return holdId;
    }

    /** The hold as the caller last saw it, when the purchase was made from one. */
    public Optional<Hold> hold() {
        return Optional.ofNullable(hold);
    }

    /** Whether the caller agrees not to resell the numbers. */
    public boolean agreeToNotResell() {
        return agreeToNotResell;
    }

    /**
     * Fails with {@link HoldExpiredException}, naming the first number, when the hold the purchase was
     * made from has run out at {@code now}, and with {@link InvalidRequestException} when it holds no
     * number: buying it would fail at the provider.
     */
    public void requireLiveHold(Instant now, ErrorContext context) {
        Fields.requireNonNull("now", now);
        Fields.requireNonNull("context", context);
        if (hold == null) {
            return;
        }
        if (hold.expired(now) && !hold.numbers().isEmpty()) {
            throw new HoldExpiredException("purchase.hold", hold.numbers().get(0).number(), hold.expiresAt(), context);
        }
        if (hold.held().isEmpty()) {
            throw new InvalidRequestException(java.util.List.of(new dev.telephony.api.error.FieldError("purchase.hold",
                    "hold " + hold.id() + " holds no number (" + hold.status() + ")")), context);
        }
    }

    @Override
    public String toString() {
        return "HoldPurchase[holdId=" + holdId + (agreeToNotResell ? ", agreeToNotResell" : "") + "]";
    }
}
