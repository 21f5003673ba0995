package dev.telephony.api;

import java.util.List;
import java.util.Optional;

/**
 * One page of a {@link Listing}.
 *
 * @param items     the page's items, unmodifiable
 * @param nextToken the continuation token of the next page; empty on the last page. Opaque, and
 *                  valid across restarts: pass it to {@link Listing#resumeFrom(String)}
 * @param <T>       the item type
 */
public record Page<T>(List<T> items, Optional<String> nextToken) {
    public Page {
        items = Fields.listCopy("page.items", items);
        Fields.requireNonNull("page.nextToken", nextToken);
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return nextToken.isPresent();
    }
}
