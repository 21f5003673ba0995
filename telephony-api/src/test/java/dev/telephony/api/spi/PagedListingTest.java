package dev.telephony.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.Listing;
import dev.telephony.api.Page;
import dev.telephony.api.error.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
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
}
