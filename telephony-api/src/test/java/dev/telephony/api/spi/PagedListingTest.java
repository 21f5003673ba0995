package dev.telephony.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.Listing;
import dev.telephony.api.Page;
import dev.telephony.api.error.ProtocolException;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PagedListingTest {
    private final List<Optional<String>> fetched = new ArrayList<>();

    /** 0..24 in pages of 10; the token is the index of the page's first item. */
    private Listing<Integer> listing() {
        return PagedListing.of("test", token -> {
            fetched.add(token);
            int from = token.map(Integer::parseInt).orElse(0);
            int to = Math.min(from + 10, 25);
            return new Page<>(IntStream.range(from, to).boxed().toList(),
                    to < 25 ? Optional.of(String.valueOf(to)) : Optional.empty());
        });
    }

    @Test
    void fetchesNothingUntilIteratedAndOnePageAtATime() {
        Listing<Integer> listing = listing();
        assertThat(fetched).isEmpty();
        var it = listing.iterator();
        it.next();
        assertThat(fetched).hasSize(1);
        for (int i = 1; i < 10; i++) {
            it.next();
        }
        assertThat(fetched).hasSize(1);
        it.next();
        assertThat(fetched).hasSize(2);
    }

    @Test
    void canBeIteratedAgainStreamedAndWalkedByPage() {
        Listing<Integer> listing = listing();
        List<Integer> first = new ArrayList<>();
        listing.forEach(first::add);
        assertThat(first).containsExactlyElementsOf(IntStream.range(0, 25).boxed().toList());
        assertThat(listing.stream().toList()).isEqualTo(first);
        List<Integer> sizes = new ArrayList<>();
        listing.pages().forEach(p -> sizes.add(p.items().size()));
        assertThat(sizes).containsExactly(10, 10, 5);
    }

    @Test
    void resumesFromAToken() {
        Page<Integer> first = listing().firstPage();
        assertThat(listing().resumeFrom(first.nextToken().orElseThrow()).stream().toList())
                .containsExactlyElementsOf(IntStream.range(10, 25).boxed().toList());
    }

    @Test
    void aRepeatedTokenIsAProtocolErrorNotALoop() {
        Listing<Integer> looping = PagedListing.of("test", token -> new Page<>(List.of(1), Optional.of("same")));
        assertThatThrownBy(() -> looping.stream().limit(100).toList()).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aProviderThatIgnoresPagingEndsTheListingAfterOnePassInsteadOfLoopingForever() {
        List<Integer> all = IntStream.range(0, 120).boxed().toList();
        Listing<Integer> listing = PagedListing.of("test", token -> {
            fetched.add(token);
            // every request answers the whole list and, as the library guessed, another page
            return new Page<>(all, Optional.of("page-" + fetched.size()));
        });
        assertThat(listing.stream().toList()).isEqualTo(all);
        assertThat(fetched).hasSize(2);
    }

    @Test
    void aTokenSeenBeforeIsAProtocolError() {
        Listing<Integer> listing = PagedListing.of("test", token -> {
            int page = token.map(Integer::parseInt).orElse(0);
            return new Page<>(List.of(page), Optional.of(String.valueOf((page + 1) % 3)));
        });
        assertThatThrownBy(() -> listing.stream().toList()).isInstanceOf(ProtocolException.class);
    }

    @Test
    void tokensAreTheListingsOwnAndAnyOtherIsRefusedBeforeAFetch() {
        Page<Integer> first = listing().firstPage();
        String token = first.nextToken().orElseThrow();
        assertThat(token).doesNotContain("10").startsWith("tl1.");
        fetched.clear();
        for (String foreign : List.of("10", "https://evil.example/steal", token.substring(0, token.length() - 1) + "x",
                token.replace("tl1.", "tl2."))) {
            assertThatThrownBy(() -> listing().resumeFrom(foreign).firstPage())
                    .isInstanceOf(dev.telephony.api.error.InvalidRequestException.class).hasMessageContaining("continuationToken");
        }
        assertThat(fetched).as("fetches for tokens the listing did not issue").isEmpty();
        assertThatThrownBy(() -> PagedListing.of("other", t -> new Page<Integer>(List.of(), Optional.empty())).resumeFrom(token))
                .as("a token of another provider's listing").isInstanceOf(dev.telephony.api.error.InvalidRequestException.class);
        assertThat(listing().resumeFrom(token).firstPage().items()).startsWith(10);
    }

    /**
     * Reading ahead, on an executor that only queues its tasks: the test runs them when it chooses, so
     * what has been fetched at each step is exact.
     */
    @Nested
    class ReadingAhead {
        private final Deque<Runnable> tasks = new ArrayDeque<>();

        /** 0..24 in pages of 10, reading ahead on {@link #tasks}; page "10" fails when {@code failing}. */
        private Listing<Integer> listing(boolean failing) {
            return PagedListing.readingAhead("test", token -> {
                fetched.add(token);
                if (failing && token.equals(Optional.of("10"))) {
                    throw new ProtocolException("page 2 is garbled", dev.telephony.api.error.ErrorContext.of("test"));
                }
                int from = token.map(Integer::parseInt).orElse(0);
                int to = Math.min(from + 10, 25);
                return new Page<>(IntStream.range(from, to).boxed().toList(),
                        to < 25 ? Optional.of(String.valueOf(to)) : Optional.empty());
            }, tasks::add);
        }

        @Test
        void fetchesTheNextPageWhileTheCallerConsumesThisOneAndNeverMoreThanOnePageAhead() {
            Iterator<Integer> it = listing(false).iterator();
            assertThat(fetched).isEmpty();
            assertThat(it.next()).isZero();
            assertThat(fetched).containsExactly(Optional.empty());
            assertThat(tasks).hasSize(1);
            tasks.poll().run();
            assertThat(fetched).containsExactly(Optional.empty(), Optional.of("10"));
            for (int i = 1; i < 10; i++) {
                it.next();
            }
            assertThat(tasks).as("a second page ahead").isEmpty();
            assertThat(it.next()).isEqualTo(10);
            assertThat(fetched).as("the page read ahead is not fetched again").hasSize(2);
            assertThat(tasks).hasSize(1);
            // the caller reaches the third page before the executor starts on it: the caller fetches it
            for (int i = 11; i < 20; i++) {
                it.next();
            }
            assertThat(it.next()).isEqualTo(20);
            assertThat(fetched).containsExactly(Optional.empty(), Optional.of("10"), Optional.of("20"));
            tasks.poll().run();
            assertThat(fetched).as("the task the caller overtook fetches nothing").hasSize(3);
            List<Integer> rest = new ArrayList<>();
            it.forEachRemaining(rest::add);
            assertThat(rest).containsExactly(21, 22, 23, 24);
            assertThat(tasks).as("nothing read ahead of the last page").isEmpty();
        }

        @Test
        void itemsAndPagesAreTheSameAsWithoutReadingAhead() {
            Listing<Integer> listing = PagedListing.readingAhead("test", token -> {
                int from = token.map(Integer::parseInt).orElse(0);
                int to = Math.min(from + 10, 25);
                return new Page<>(IntStream.range(from, to).boxed().toList(),
                        to < 25 ? Optional.of(String.valueOf(to)) : Optional.empty());
            }, Runnable::run);
            assertThat(listing.stream().toList()).containsExactlyElementsOf(IntStream.range(0, 25).boxed().toList());
            List<Integer> sizes = new ArrayList<>();
            listing.pages().forEach(p -> sizes.add(p.items().size()));
            assertThat(sizes).containsExactly(10, 10, 5);
            Page<Integer> first = listing.firstPage();
            assertThat(listing.resumeFrom(first.nextToken().orElseThrow()).stream().toList())
                    .containsExactlyElementsOf(IntStream.range(10, 25).boxed().toList());
        }

        @Test
        void anErrorFetchingThePageReadAheadIsThrownWhenTheCallerReachesIt() {
            Iterator<Integer> it = listing(true).iterator();
            it.next();
            tasks.poll().run();
            assertThat(fetched).hasSize(2);
            for (int i = 1; i < 10; i++) {
                assertThat(it.next()).isEqualTo(i);
            }
            assertThatThrownBy(it::hasNext).isInstanceOf(ProtocolException.class).hasMessageContaining("page 2 is garbled");
        }

        @Test
        void anExecutorThatRefusesLeavesThePageToTheCaller() {
            Listing<Integer> listing = PagedListing.readingAhead("test", token -> {
                fetched.add(token);
                int from = token.map(Integer::parseInt).orElse(0);
                return new Page<>(List.of(from), from < 2 ? Optional.of(String.valueOf(from + 1)) : Optional.empty());
            }, task -> {
                throw new java.util.concurrent.RejectedExecutionException("shut down");
            });
            assertThat(listing.stream().toList()).containsExactly(0, 1, 2);
            assertThat(fetched).hasSize(3);
        }

        @Test
        void closingTheStreamDropsThePageReadAheadIfItHasNotStarted() {
            try (Stream<Integer> stream = listing(false).stream()) {
                assertThat(stream.limit(3).toList()).containsExactly(0, 1, 2);
            }
            assertThat(tasks).hasSize(1);
            tasks.poll().run();
            assertThat(fetched).as("fetches after the stream was closed").containsExactly(Optional.empty());
        }

        @Test
        void anAbandonedWalkLeavesAtMostTheOnePageAheadAndSchedulesNothingMore() {
            Iterator<Integer> it = listing(false).iterator();
            it.next();
            tasks.poll().run();
            // the caller walks away: the page read ahead is the last work the walk ever does
            assertThat(tasks).isEmpty();
            assertThat(fetched).hasSize(2);
        }
    }
}
