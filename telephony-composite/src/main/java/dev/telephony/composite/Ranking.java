package dev.telephony.composite;

import dev.telephony.api.AvailableNumber;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Orders for merging the offers of several members. Without a ranking the composite merges by member
 * order (the first member's offers first); a ranking sorts all offers, ties kept in member order.
 */
public final class Ranking {
    /** The attributes a price is read from, in this order: {@code price}, then {@code cost} (Azure's). */
    private static final String[] PRICE_ATTRIBUTES = {"price", "cost"};

    private Ranking() {
    }

    /**
     * Cheapest first, where members report a price ({@code "1.00 USD"} or {@code "1.00"} in the offer's
     * {@code price} or {@code cost} attribute). Offers without a readable price come after those with one.
     * Prices are compared within a currency; different currencies are ordered by currency code, never
     * converted.
     */
    public static Comparator<AvailableNumber> byPrice() {
        return Comparator.comparing((AvailableNumber offer) -> price(offer).isEmpty())
                .thenComparing(offer -> price(offer).map(Price::currency).orElse(""))
                .thenComparing(offer -> price(offer).map(Price::amount).orElse(BigDecimal.ZERO));
    }

    /** The price an offer reports, if it reports a readable one. */
    static Optional<Price> price(AvailableNumber offer) {
        for (String key : PRICE_ATTRIBUTES) {
            String text = offer.attributes().get(key);
            if (text == null) {
                continue;
            }
            String[] parts = text.strip().split("\\s+");
            try {
                BigDecimal amount = new BigDecimal(parts[0]);
                String currency = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "";
                return Optional.of(new Price(amount, currency));
            } catch (NumberFormatException unreadable) {
                // not a price this ranking can read: the offer ranks with those without one
            }
        }
        return Optional.empty();
    }

    record Price(BigDecimal amount, String currency) {
    }
}
