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

    private PagedListing(String provider, PageFetcher<T> fetcher, Optional<String> start) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.start = start;
    }

    /** A listing of {@code provider}'s pages, starting at the first. Fetches nothing yet. */
    public static <T> Listing<T> of(String provider, PageFetcher<T> fetcher) {
        return new PagedListing<>(provider, fetcher, Optional.empty());
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> pages = pages().iterator();
        return new Iterator<>() {
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
        };
    }

    @Override
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /**
     * The pages, each fetched when reached. Whatever the provider answers, the walk ends: at a page
     * without a next token, at a page that adds nothing the page before it did not already hold (a
     * provider that ignores paging parameters answers the same list again), or, as a
     * {@link ProtocolException}, at a continuation token seen before or a page naming an item twice.
     */
    @Override
    public Iterable<Page<T>> pages() {
        return () -> new Iterator<>() {
            private Optional<String> token = start;
            private boolean first = true;
            private Set<T> previous = Set.of();
            private final Set<String> seenTokens = new HashSet<>();

            @Override
            public boolean hasNext() {
                return first || token.isPresent();
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                token.ifPresent(seenTokens::add);
                Page<T> page = fetcher.fetch(token);
                if (page == null) {
                    throw new ProtocolException("the provider's page could not be read", ErrorContext.of(provider));
                }
                if (page.nextToken().isPresent() && seenTokens.contains(page.nextToken().get())) {
                    throw new ProtocolException("the provider returned a continuation token it had returned before; stopping to "
                            + "avoid a loop", ErrorContext.of(provider));
                }
                Set<T> items = new HashSet<>(page.items());
                if (items.size() < page.items().size()) {
                    throw new ProtocolException("the provider listed the same item twice on one page (" + page.items().size()
                            + " items, " + items.size() + " distinct)", ErrorContext.of(provider));
                }
                if (!first && previous.containsAll(items)) {
                    log.warn("a page from {} added nothing to the one before it ({} items); the listing ends there", provider,
                            page.items().size());
                    token = Optional.empty();
                    return new Page<>(List.of(), Optional.empty());
                }
                first = false;
                token = page.nextToken();
                previous = items;
                return issued(page);
            }
        };
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
        return new PagedListing<>(provider, fetcher, Optional.of(unwrap(Arguments.requireId("continuationToken", continuationToken))));
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
