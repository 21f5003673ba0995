package dev.telephony.api.error;

import java.util.Objects;

/**
 * A wait for long-running work (an order, a port) reached its deadline. Nothing was cancelled: the
 * work goes on at the provider and can be followed again with {@link #operationId()}.
 */
public class OperationTimeoutException extends RetryableException {
    private static final long serialVersionUID = 1L;

    private final String operationId;
    private final String lastKnownState;

    public OperationTimeoutException(String operationId, String lastKnownState, ErrorContext context) {
        super("gave up waiting for " + Objects.requireNonNull(operationId, "operationId")
                + " (last known state " + lastKnownState + "); nothing was cancelled, follow it again by its id",
                context, null);
        this.operationId = operationId;
        this.lastKnownState = lastKnownState;
    }

    /** The id to follow the work with, for example {@code NumberPurchaser#await} again. */
    public String operationId() {
        return operationId;
    }

    /** The state seen at the last poll before the deadline. */
    public String lastKnownState() {
        return lastKnownState;
    }
}
