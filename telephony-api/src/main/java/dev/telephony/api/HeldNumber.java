package dev.telephony.api;

import java.util.Optional;

/**
 * One number in a {@link Hold}, as the provider reports it.
 *
 * @param offer        the number and its facts (type, features, country, price attributes), as the
 *                     provider's answer describes them
 * @param status       whether the provider holds it for us
 * @param errorCode    the provider's code when {@code status} is {@link Status#ERROR}, when it gave one
 * @param errorMessage the provider's words when {@code status} is {@link Status#ERROR}, when it gave any
 */
public record HeldNumber(AvailableNumber offer, Status status, Optional<String> errorCode, Optional<String> errorMessage) {
    /** Where one number of a hold stands. */
    public enum Status {
        /** Held for us: buying the hold buys it. */
        HELD,
        /** In the hold, but not (or not yet) held for us: buying the hold would not buy it. */
        NOT_HELD,
        /** The provider could not hold it (taken by someone else, not sold in that country, …). */
        ERROR,
        /** The hold on it ran out. */
        EXPIRED,
        /** Bought. */
        PURCHASED
    }

    public HeldNumber {
        Fields.requireNonNull("held.offer", offer);
        Fields.requireNonNull("held.status", status);
        Fields.requireNonNull("held.errorCode", errorCode);
        Fields.requireNonNull("held.errorMessage", errorMessage);
    }

    /** A number held for us. */
    public static HeldNumber held(AvailableNumber offer) {
        return new HeldNumber(offer, Status.HELD, Optional.empty(), Optional.empty());
    }

    /** A number the provider could not hold, with its code and words when it gave them. */
    public static HeldNumber error(AvailableNumber offer, String code, String message) {
        return new HeldNumber(offer, Status.ERROR, Optional.ofNullable(code), Optional.ofNullable(message));
    }

    /** The number. */
    public PhoneNumber number() {
        return offer.number();
    }

    /** This number in another status, with no error. */
    public HeldNumber withStatus(Status newStatus) {
        return new HeldNumber(offer, newStatus, Optional.empty(), Optional.empty());
    }
}
