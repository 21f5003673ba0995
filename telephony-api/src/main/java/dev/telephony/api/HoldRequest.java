package dev.telephony.api;

import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.HoldExpiredException;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which numbers to put in a hold, or to add to one: ideally offers a search returned (they carry the
 * facts a provider needs to hold them), or bare numbers where the provider can hold those.
 *
 * <pre>{@code
 * Hold hold = provider.holds().create(HoldRequest.of(offers.get(0)));
 * }</pre>
 */
public final class HoldRequest {
    /** The most numbers one request may name. */
    public static final int MAX_NUMBERS = PurchaseRequest.MAX_NUMBERS;

    private final List<PhoneNumber> numbers;
    private final List<AvailableNumber> offers;

    private HoldRequest(List<PhoneNumber> numbers, List<AvailableNumber> offers) {
        this.numbers = List.copyOf(numbers);
        this.offers = List.copyOf(offers);
    }

    /** Hold the numbers these offers name. */
    public static HoldRequest of(AvailableNumber... offers) {
        return ofOffers(Arrays.asList(Fields.requireNonNull("hold.offers", offers)));
    }

    /** Hold the numbers these offers name. */
    public static HoldRequest ofOffers(List<AvailableNumber> offers) {
        Fields.requireNotEmpty("hold.offers", offers);
        List<AvailableNumber> copy = Fields.listCopy("hold.offers", offers);
        List<PhoneNumber> numbers = copy.stream().map(AvailableNumber::number).toList();
        checkNumbers("hold.offers", numbers);
        return new HoldRequest(numbers, copy);
    }

    /** Hold these numbers, known without a search. */
    public static HoldRequest of(PhoneNumber... numbers) {
        return ofNumbers(Arrays.asList(Fields.requireNonNull("hold.numbers", numbers)));
    }

    /** Hold these numbers, known without a search. */
    public static HoldRequest ofNumbers(List<PhoneNumber> numbers) {
        Fields.requireNotEmpty("hold.numbers", numbers);
        checkNumbers("hold.numbers", numbers);
        return new HoldRequest(numbers, List.of());
    }

    public List<PhoneNumber> numbers() {
        return numbers;
    }

    /** The offers the request was built from; empty when it was built from bare numbers. */
    public List<AvailableNumber> offers() {
        return offers;
    }

    /** Whether the request was built from offers (every number has one). */
    public boolean hasOffers() {
        return !offers.isEmpty();
    }

    /** The offer for {@code number}, when the request was built from offers. */
    public Optional<AvailableNumber> offer(PhoneNumber number) {
        return offers.stream().filter(o -> o.number().equals(number)).findFirst();
    }

    /**
     * Fails with {@link HoldExpiredException} if any offer's own hold (a searched offer some providers
     * hold) has run out at {@code now}.
     */
    public void requireLiveOffers(Instant now, ErrorContext context) {
        Fields.requireNonNull("now", now);
        Fields.requireNonNull("context", context);
        for (int i = 0; i < offers.size(); i++) {
            AvailableNumber offer = offers.get(i);
            if (offer.holdExpired(now)) {
                throw new HoldExpiredException("hold.offers[" + i + "]", offer.number(),
                        offer.holdExpiresAt().orElseThrow(), context);
            }
        }
    }

    @Override
    public String toString() {
        return "HoldRequest[numbers=" + numbers + "]";
    }

    private static void checkNumbers(String field, List<PhoneNumber> numbers) {
        Fields.requireDistinctNumbers(field, numbers, MAX_NUMBERS);
    }
}
