package dev.telephony.api.event;

import java.util.Objects;

/**
 * What a reconciliation concluded: after a purchase or release whose answer was lost, the provider read
 * the account to learn what the write did.
 *
 * @param provider   the provider's name
 * @param write      the write whose answer was lost
 * @param conclusion what the account showed
 * @param numbers    how many numbers the write concerned
 * @param cause      the failure that lost the answer
 */
public record ReconciliationEvent(String provider, Write write, Conclusion conclusion, int numbers, Failure cause) {
    public ReconciliationEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(conclusion, "conclusion");
        Objects.requireNonNull(cause, "cause");
    }

    /** The kind of write that was reconciled. */
    public enum Write {
        /** A purchase of one or more numbers. */
        PURCHASE,
        /** A release of one number. */
        RELEASE
    }

    /** What the account showed after the lost answer. */
    public enum Conclusion {
        /** The purchase bought (some of) its numbers: the caller is answered from the account. */
        BOUGHT,
        /** The purchase bought nothing: it may be sent again, or its failure is the caller's answer. */
        NOT_BOUGHT,
        /** The number is gone from the account: the release happened. */
        RELEASED,
        /** The number is still in the account: the release did not happen. */
        NOT_RELEASED,
        /** The account could not be read, or the answer not built from it: the outcome is unknown. */
        UNKNOWN
    }
}
