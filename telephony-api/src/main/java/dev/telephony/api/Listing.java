package dev.telephony.api;

import java.util.stream.Stream;

/**
 * A lazy listing: nothing is fetched until it is iterated, and it holds at most one page at a time,
 * so it lists any number of items in constant memory. It can be iterated again (fetching again),
 * streamed, walked page by page, and resumed from a continuation token.
 *
 * @param <T> the item type
 */
public interface Listing<T> extends Iterable<T> {
    /** The items, fetched page by page as the stream is consumed. */
    Stream<T> stream();

    /** The pages, each fetched when reached. */
    Iterable<Page<T>> pages();

    /** Fetches the first page only. */
    Page<T> firstPage();

    /** The same listing, starting at the page {@code continuationToken} points to. */
    Listing<T> resumeFrom(String continuationToken);
}
