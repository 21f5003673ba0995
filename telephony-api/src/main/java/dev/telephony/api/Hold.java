package dev.telephony.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Numbers the provider holds for the account until {@link #expiresAt()}, so that exactly these can be
 * bought (a shopping cart: Azure calls it a reservation). Get one from {@link NumberHolds#create(HoldRequest)};
 * read it again by {@link #id()} after a restart.
 *
 * @param id         the provider's id of the hold
 * @param status     where the hold stands
 * @param numbers    every number in it, in the provider's order, each with its own status, unmodifiable
 * @param expiresAt  when the provider stops holding its numbers (a change may move it on)
 * @param attributes provider facts worth showing (creation time, …), unmodifiable
 */
public record Hold(String id, HoldStatus status, List<HeldNumber> numbers, Instant expiresAt, Map<String, String> attributes) {
    public Hold {
        Fields.requireNonBlank("hold.id", id);
        Fields.requireNonNull("hold.status", status);
        numbers = Fields.listCopy("hold.numbers", numbers);
        Fields.requireNonNull("hold.expiresAt", expiresAt);
        attributes = Collections2.unmodifiableCopy("hold.attributes", attributes);
    }

    /** A hold with no provider attributes. */
    public static Hold of(String id, HoldStatus status, List<HeldNumber> numbers, Instant expiresAt) {
        return new Hold(id, status, numbers, expiresAt, Map.of());
    }

    /** The numbers held for us: those buying the hold buys. */
    public List<PhoneNumber> held() {
        return numbers.stream().filter(n -> n.status() == HeldNumber.Status.HELD).map(HeldNumber::number).toList();
    }

    /** The numbers the provider could not hold, each with its reason. */
    public List<HeldNumber> errors() {
        return numbers.stream().filter(n -> n.status() == HeldNumber.Status.ERROR).toList();
    }

    /** The entry for {@code number}, when the hold has it. */
    public Optional<HeldNumber> number(PhoneNumber number) {
        Fields.requireNonNull("number", number);
        return numbers.stream().filter(n -> n.number().equals(number)).findFirst();
    }

    /** Whether the hold has run out at {@code now}, by its status or its expiry. */
    public boolean expired(Instant now) {
        Fields.requireNonNull("now", now);
        return status == HoldStatus.EXPIRED || !now.isBefore(expiresAt);
    }
}
