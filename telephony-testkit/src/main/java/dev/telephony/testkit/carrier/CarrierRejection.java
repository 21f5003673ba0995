package dev.telephony.testkit.carrier;

import java.util.Objects;

/**
 * The simulated carrier refused an operation, the way a real one answers with an error. Simulators
 * turn it into their provider's error body; the in-memory provider into the neutral exception.
 */
public final class CarrierRejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the carrier refused. */
    public enum Reason {
        NOT_FOUND,
        NOT_AVAILABLE,
        CONFLICT,
        INVALID
    }

    private final Reason reason;

    public CarrierRejection(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
