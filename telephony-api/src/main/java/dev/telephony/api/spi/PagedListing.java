package dev.telephony.api.spi;

import dev.telephony.api.Listing;
import dev.telephony.api.Page;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The {@link Listing} every provider returns: it fetches a page only when iteration reaches it and
 * keeps only that page. Providers supply how to fetch one page from a continuation token.
 *
 * <p>The continuation tokens callers see are the listing's own: the provider's token, wrapped with a
 * check of the provider's name and the token. So a token this listing did not issue (typed by hand,
 * cut short, from another provider, a link to a foreign host) is refused by {@link #resumeFrom} with
 * {@link dev.telephony.api.error.InvalidRequestException} before any request, and the provider's
 * fetcher only ever sees tokens its provider gave.
 *
 * <p>A listing made with {@link #readingAhead} fetches the next page on an executor while the caller
 * consumes the current one: never more than one page ahead, so it holds at most two pages. What the
 * caller sees is the same, in the same order: every check runs when the caller reaches the page, and
 * an error fetching the page read ahead is thrown then, not before. A page read ahead that has not
 * started when the caller reaches it is fetched on the caller's thread instead, so a caller never
 * waits behind the executor's other work. A walk that is abandoned leaves at most that one fetch
 * running, which ends by itself; closing the listing's {@link #stream()} cancels it if it has not
 * started. The listing makes no threads of its own.
 *
 * @param <T> the item type
 */
public final class PagedListing<T> implements Listing<T> {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PagedListing.class);

    /** Fetches one page: the first when the token is empty. */
    @FunctionalInterface
    public interface PageFetcher<T> {
        Page<T> fetch(Optional<String> continuationToken);
    }

    private final String provider;
    private final PageFetcher<T> fetcher;
    private final Optional<String> start;
    /** Where the next page is fetched while the caller consumes the current one; null to fetch each when reached. */
    private final Executor ahead;

    private PagedListing(String provider, PageFetcher<T> fetcher, Optional<String> start, Executor ahead) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.start = start;
        this.ahead = ahead;
    }

    /** A listing of {@code provider}'s pages, starting at the first, each fetched when reached. Fetches nothing yet. */
    public static <T> Listing<T> of(String provider, PageFetcher<T> fetcher) {
        return new PagedListing<>(provider, fetcher, Optional.empty(), null);
    }

    /**
     * A listing of {@code provider}'s pages that fetches the next page on {@code executor} while the caller
     * consumes the current one, one page ahead at most. Fetches nothing yet.
     */
    public static <T> Listing<T> readingAhead(String provider, PageFetcher<T> fetcher, Executor executor) {
        return new PagedListing<>(provider, fetcher, Optional.empty(), Objects.requireNonNull(executor, "executor"));
    }

    @Override
    public Iterator<T> iterator() {
        return new Items();
    }

    /** The items, page after page; {@link #abandon()} drops a page read ahead that has not started. */
    private final class Items implements Iterator<T> {
        private final Pages pages = new Pages();
        private Iterator<T> current = java.util.Collections.emptyIterator();

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && pages.hasNext()) {
                current = pages.next().items().iterator();
            }
            return current.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        void abandon() {
            pages.abandon();
        }
    }

    @Override
    public Stream<T> stream() {
        Items items = new Items();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false)
                .onClose(items::abandon);
    }

    /**
     * The pages, each fetched when reached. Whatever the provider answers, the walk ends: at a page
     * without a next token, at a page that adds nothing the page before it did not already hold (a
     * provider that ignores paging parameters answers the same list again), or, as a
     * {@link ProtocolException}, at a continuation token seen before or a page naming an item twice.
     */
    @Override
    public Iterable<Page<T>> pages() {
        return Pages::new;
    }

    /** One walk over the pages. */
    private final class Pages implements Iterator<Page<T>> {
        private Optional<String> token = start;
        private boolean first = true;
        private Set<T> previous = Set.of();
        /** Made with the first token: a listing of one page, such as a get, needs none. */
        private Set<String> seenTokens = Set.of();
        /** The page at {@link #token}, being fetched ahead; null when it is fetched when reached. */
        private Ahead<T> pending;

        @Override
        public boolean hasNext() {
            return first || token.isPresent();
        }

        @Override
        public Page<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (token.isPresent()) {
                if (seenTokens.isEmpty()) {
                    seenTokens = new HashSet<>();
                }
                seenTokens.add(token.get());
            }
            Fetched<T> fetched;
            if (pending != null) {
                Ahead<T> ahead = pending;
                pending = null;
                fetched = ahead.page();
            } else {
                fetched = Fetched.of(fetcher.fetch(token));
            }
            if (fetched == null) {
                throw new ProtocolException("the provider's page could not be read", ErrorContext.of(provider));
            }
            Page<T> page = fetched.page();
            if (page.nextToken().isPresent() && seenTokens.contains(page.nextToken().get())) {
                throw new ProtocolException("the provider returned a continuation token it had returned before; stopping to "
                        + "avoid a loop", ErrorContext.of(provider));
            }
            Optional<String> next = page.nextToken();
            if (ahead != null && next.isPresent()) {
                // started before this page's own checks, so that they overlap the next round trip
                pending = Ahead.start(fetcher, next, ahead);
            }
            Set<T> items = fetched.items();
            if (items.size() < page.items().size()) {
                abandon();
                throw new ProtocolException("the provider listed the same item twice on one page (" + page.items().size()
                        + " items, " + items.size() + " distinct)", ErrorContext.of(provider));
            }
            if (!first && previous.containsAll(items)) {
                abandon();
                log.warn("a page from {} added nothing to the one before it ({} items); the listing ends there", provider,
                        page.items().size());
                token = Optional.empty();
                return new Page<>(List.of(), Optional.empty());
            }
            first = false;
            token = next;
            previous = items;
            return issued(page);
        }

        void abandon() {
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
        }
    }

    /** A page and the set of its items, made where it was fetched: a page read ahead costs the caller no hashing. */
    private record Fetched<T>(Page<T> page, Set<T> items) {
        /** Null for a null page, which the walk refuses. */
        static <T> Fetched<T> of(Page<T> page) {
            if (page == null) {
                return null;
            }
            List<T> items = page.items();
            // one item (a get's page) cannot be named twice: no whole value is hashed for it
            return new Fetched<>(page, items.size() == 1 ? Set.of(items.get(0)) : new HashSet<>(items));
        }
    }

    /**
     * A page fetched ahead of the caller. Whoever claims it first fetches it: the executor's thread, or
     * the caller's when it reaches the page before the executor started on it (or refused it).
     */
    private static final class Ahead<T> implements Runnable {
        private final PageFetcher<T> fetcher;
        private final Optional<String> token;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<Fetched<T>> result = new CompletableFuture<>();

        private Ahead(PageFetcher<T> fetcher, Optional<String> token) {
            this.fetcher = fetcher;
            this.token = token;
        }

        static <T> Ahead<T> start(PageFetcher<T> fetcher, Optional<String> token, Executor executor) {
            Ahead<T> ahead = new Ahead<>(fetcher, token);
            try {
                executor.execute(ahead);
            } catch (RejectedExecutionException refused) {
                // left unclaimed: the caller fetches it when it gets there
            }
            return ahead;
        }

        @Override
        public void run() {
            if (claimed.compareAndSet(false, true)) {
                fetch();
            }
        }

        private void fetch() {
            try {
                result.complete(Fetched.of(fetcher.fetch(token)));
            } catch (Throwable failed) {
                result.completeExceptionally(failed);
            }
        }

        /** The page, as its fetch answered or failed. */
        Fetched<T> page() {
            if (claimed.compareAndSet(false, true)) {
                fetch();
            }
            try {
                return result.join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (failed.getCause() instanceof Error error) {
                    throw error;
                }
                throw failed;
            }
        }

        /** Nothing will be fetched if the fetch has not started. */
        void cancel() {
            claimed.set(true);
        }
    }

    @Override
    public Page<T> firstPage() {
        Page<T> page = fetcher.fetch(start);
        if (page == null) {
            throw new ProtocolException("the provider's page could not be read", ErrorContext.of(provider));
        }
        return issued(page);
    }

    @Override
    public Listing<T> resumeFrom(String continuationToken) {
        return new PagedListing<>(provider, fetcher, Optional.of(unwrap(Arguments.requireId("continuationToken", continuationToken))),
                ahead);
    }

    /** The page as callers see it: its next token is the listing's own. */
    private Page<T> issued(Page<T> page) {
        return page.nextToken().isEmpty() ? page : new Page<>(page.items(), Optional.of(wrap(page.nextToken().get())));
    }

    private static final String TOKEN_PREFIX = "tl1.";

    private String wrap(String providerToken) {
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(providerToken.getBytes(StandardCharsets.UTF_8))
                + "." + check(providerToken);
    }

    private String unwrap(String token) {
        int dot = token.lastIndexOf('.');
        if (token.startsWith(TOKEN_PREFIX) && dot > TOKEN_PREFIX.length()) {
            try {
                String providerToken = new String(Base64.getUrlDecoder().decode(token.substring(TOKEN_PREFIX.length(), dot)),
                        StandardCharsets.UTF_8);
                if (check(providerToken).equals(token.substring(dot + 1))) {
                    return providerToken;
                }
            } catch (IllegalArgumentException notBase64) {
                // refused below like any other token this listing did not issue
            }
        }
        throw dev.telephony.api.error.InvalidRequestException.of("continuationToken",
                "is not a token a " + provider + " listing issued: pass back a page's nextToken unchanged");
    }

    /** Ties a token to the provider that issued it; a check against mistakes, not a secret. */
    private String check(String providerToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((provider + "\n" + providerToken).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
