package dev.telephony.composite;

import dev.telephony.api.Listing;
import dev.telephony.api.Page;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.spi.PagedListing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One listing over several members: their listings one after the other, in member order, a page at a
 * time. The continuation token names the member and carries that member's own token, so a listing
 * resumes across members from the token alone, after a restart too.
 */
final class MemberListing {
    private static final String PREFIX = "cl1.";
    /** Empty pages a member may answer in a row, with a next token, before its listing is taken for broken. */
    private static final int EMPTY_PAGES = 3;

    private MemberListing() {
    }

    /**
     * @param members the members to walk, in order
     * @param listing a member's listing (nothing fetched yet)
     * @param tag     what the composite makes of each item (tags it with its carrier)
     */
    static <T> Listing<T> of(List<Member> members, Function<Member, Listing<T>> listing, BiFunction<Member, T, T> tag) {
        return PagedListing.of(CompositeProvider.NAME, token -> fetch(members, listing, tag, token));
    }

    private static <T> Page<T> fetch(List<Member> members, Function<Member, Listing<T>> listing,
                                     BiFunction<Member, T, T> tag, Optional<String> token) {
        Position at = token.map(t -> decode(t, members)).orElse(new Position(0, Optional.empty()));
        int empty = 0;
        while (true) {
            Position here = at;
            Member member = members.get(here.member());
            Page<T> page;
            try {
                Listing<T> walk = listing.apply(member);
                page = here.token().isPresent() ? walk.resumeFrom(here.token().get()).firstPage() : walk.firstPage();
            } catch (RuntimeException e) {
                throw MemberErrors.translate(member.name(), e);
            }
            List<T> items = new ArrayList<>(page.items().size());
            page.items().forEach(item -> items.add(tag.apply(member, item)));
            Optional<Position> next = page.nextToken().map(t -> new Position(here.member(), Optional.of(t)));
            if (next.isEmpty() && here.member() + 1 < members.size()) {
                next = Optional.of(new Position(here.member() + 1, Optional.empty()));
            }
            // an empty page in the middle would end the walk (a page that adds nothing ends a listing): go on
            if (!items.isEmpty() || next.isEmpty()) {
                return new Page<>(items, next.map(p -> encode(p, members)));
            }
            if (next.get().member() == here.member() && ++empty >= EMPTY_PAGES) {
                throw new ProtocolException("carrier '" + member.name() + "' answered " + EMPTY_PAGES
                        + " empty pages in a row that each promised another; stopping", MemberErrors.context());
            }
            if (next.get().member() != here.member()) {
                empty = 0;
            }
            at = next.get();
        }
    }

    private record Position(int member, Optional<String> token) {
    }

    private static String encode(Position position, List<Member> members) {
        String text = members.get(position.member()).name() + "\n" + position.token().orElse("");
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String token, List<Member> members) {
        // a token that is not ours is refused before any member is asked
        if (!token.startsWith(PREFIX)) {
            throw notOurs();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token.substring(PREFIX.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
        int newline = text.indexOf('\n');
        if (newline <= 0) {
            throw notOurs();
        }
        String name = text.substring(0, newline);
        String memberToken = text.substring(newline + 1);
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).name().equals(name)) {
                return new Position(i, memberToken.isEmpty() ? Optional.empty() : Optional.of(memberToken));
            }
        }
        throw InvalidRequestException.of("continuationToken", "names carrier '" + name + "', which is not a member of this composite");
    }

    private static InvalidRequestException notOurs() {
        return InvalidRequestException.of("continuationToken", "is not a token this provider issued");
    }
}
