package dev.telephony.api;

/** Where a {@link Hold} stands. */
public enum HoldStatus {
    /** Holding its numbers; it can be changed, released or bought until it expires. */
    ACTIVE(false),
    /** Being bought: its purchase was accepted and is under way; it can no longer be changed. */
    PURCHASING(false),
    /** Bought: the purchase finished (see the purchase order for what each number became). */
    PURCHASED(true),
    /** Ran out before it was bought; its numbers are free for anyone again. */
    EXPIRED(true);

    private final boolean terminal;

    HoldStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether the hold can no longer change. */
    public boolean isTerminal() {
        return terminal;
    }
}
