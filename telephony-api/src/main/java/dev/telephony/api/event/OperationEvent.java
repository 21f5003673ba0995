package dev.telephony.api.event;

import java.util.Objects;

/**
 * One call of a provider's service (a search, a purchase, an await), as its start, end and failure
 * events name it.
 *
 * @param id        unique within this JVM, the same for a call's start and its end or failure
 * @param provider  the provider's name, such as {@code signalwire}
 * @param operation the operation: {@code regions}, {@code search}, {@code list}, {@code get},
 *                  {@code update}, {@code release}, {@code purchase}, {@code order}, {@code await},
 *                  {@code port-check}, {@code port-submit}, {@code port-get}, {@code port-list},
 *                  {@code port-cancel} or {@code port-await}
 */
public record OperationEvent(long id, String provider, String operation) {
    public OperationEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operation, "operation");
    }
}
