package dev.telephony.api;

import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.HoldExpiredException;
import dev.telephony.api.error.InvalidRequestException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to buy: one or more numbers, ideally the offers a search returned (they carry the hold and the
 * provider facts needed to buy them), with an optional friendly name and client reference.
 *
 * <pre>{@code
 * PurchaseRequest.of(offer).withName("Support line")
 * }</pre>
 */
public final class PurchaseRequest {
    /** The most numbers one request may name; providers split larger batches themselves. */
    public static final int MAX_NUMBERS = 1000;
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final List<PhoneNumber> numbers;
    private final List<AvailableNumber> offers;
    private final String name;
    private final String reference;

    private PurchaseRequest(List<PhoneNumber> numbers, List<AvailableNumber> offers, String name, String reference) {
        this.numbers = List.copyOf(numbers);
        this.offers = List.copyOf(offers);
        this.name = name;
        this.reference = reference;
    }

    /** Buy the numbers these offers name. */
    public static PurchaseRequest of(AvailableNumber... offers) {
        return ofOffers(Arrays.asList(Fields.requireNonNull("purchase.offers", offers)));
    }

    /** Buy the numbers these offers name. */
    public static PurchaseRequest ofOffers(List<AvailableNumber> offers) {
        Fields.requireNotEmpty("purchase.offers", offers);
        List<AvailableNumber> copy = Fields.listCopy("purchase.offers", offers);
        checkNumbers(copy.stream().map(AvailableNumber::number).toList());
        return new PurchaseRequest(copy.stream().map(AvailableNumber::number).toList(), copy, null, null);
    }

    /** Buy these numbers, known without a search. */
    public static PurchaseRequest of(PhoneNumber... numbers) {
        return ofNumbers(Arrays.asList(Fields.requireNonNull("purchase.numbers", numbers)));
    }

    /** Buy these numbers, known without a search. */
    public static PurchaseRequest ofNumbers(List<PhoneNumber> numbers) {
        Fields.requireNotEmpty("purchase.numbers", numbers);
        checkNumbers(numbers);
        return new PurchaseRequest(numbers, List.of(), null, null);
    }

    /** This request with a friendly name (1 to 64 characters) for every number bought. */
    public PurchaseRequest withName(String name) {
        return new PurchaseRequest(numbers, offers, Fields.requireMaxLength("purchase.name", name, 64), reference);
    }

    /** This request with the caller's own reference (1 to 64 of {@code A-Z a-z 0-9 . _ : -}). */
    public PurchaseRequest withReference(String reference) {
        Fields.requireNonBlank("purchase.reference", reference);
        if (!REFERENCE.matcher(reference).matches()) {
            throw InvalidRequestException.of("purchase.reference",
                    "must be 1 to 64 of the characters A-Z a-z 0-9 . _ : -, was '" + Fields.shorten(reference) + "'");
        }
        return new PurchaseRequest(numbers, offers, name, reference);
    }

    /** The same name and reference, for other numbers: how providers split or narrow a request. */
    public PurchaseRequest forNumbers(List<PhoneNumber> subset) {
        Fields.requireEntries("purchase.numbers", subset);
        List<AvailableNumber> subsetOffers = offers.stream().filter(o -> subset.contains(o.number())).toList();
        PurchaseRequest narrowed = subsetOffers.size() == subset.size() ? ofOffers(subsetOffers) : ofNumbers(subset);
        return new PurchaseRequest(narrowed.numbers, narrowed.offers, name, reference);
    }

    public List<PhoneNumber> numbers() {
        return numbers;
    }

    /** The offers the request was built from; empty when it was built from bare numbers. */
    public List<AvailableNumber> offers() {
        return offers;
    }

    /** The offer for {@code number}, when the request was built from offers. */
    public Optional<AvailableNumber> offer(PhoneNumber number) {
        return offers.stream().filter(o -> o.number().equals(number)).findFirst();
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** The capabilities a provider needs to carry this request out. */
    public Set<Capability> requiredCapabilities() {
        Set<Capability> needed = EnumSet.of(Capability.PURCHASE);
        if (numbers.size() > 1) {
            needed.add(Capability.BULK_PURCHASE);
        }
        if (name != null) {
            needed.add(Capability.NAMES);
        }
        return Set.copyOf(needed);
    }

    /**
     * Fails with {@link HoldExpiredException} if any offer's hold has run out at {@code now}: buying it
     * would fail at the provider or, worse, buy a different number.
     */
    public void requireLiveHolds(Instant now, ErrorContext context) {
        Fields.requireNonNull("now", now);
        Fields.requireNonNull("context", context);
        for (int i = 0; i < offers.size(); i++) {
            AvailableNumber offer = offers.get(i);
            if (offer.holdExpired(now)) {
                throw new HoldExpiredException("purchase.offers[" + i + "]", offer.number(),
                        offer.holdExpiresAt().orElseThrow(), context);
            }
        }
    }

    @Override
    public String toString() {
        return "PurchaseRequest[numbers=" + numbers + (name == null ? "" : ", name=" + name)
                + (reference == null ? "" : ", reference=" + reference) + "]";
    }

    private static void checkNumbers(List<PhoneNumber> numbers) {
        Fields.requireDistinctNumbers("purchase.numbers", numbers, MAX_NUMBERS);
    }
}
