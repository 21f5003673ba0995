package dev.telephony.api.spi;

import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseFailure;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Order ids for providers that buy synchronously and keep no order resource (SignalWire, the
 * LaML/Twilio API): the id is a receipt that encodes the numbers asked for and those bought, so that
 * {@link #order(String)} reads the order back after a restart without a request.
 */
public final class Receipts {
    private final String prefix;

    /**
     * @param prefix starts every order id this provider issues, such as {@code sw1-}
     */
    public Receipts(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** A completed order (or a failed one, when nothing was bought) whose id is its receipt. */
    public PurchaseOrder receipt(List<PhoneNumber> requested, List<PhoneNumber> bought, List<PurchaseFailure> failures) {
        String encoded = join(requested) + "|" + join(bought);
        String id = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(encoded.getBytes(StandardCharsets.UTF_8));
        return build(id, requested, bought, failures);
    }

    /** The order a receipt id stands for, or empty when the id is not one of this provider's receipts. */
    public Optional<PurchaseOrder> order(String orderId) {
        if (orderId == null || !orderId.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(orderId.substring(prefix.length())),
                    StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            List<PhoneNumber> requested = numbers(parts[0]);
            List<PhoneNumber> bought = numbers(parts[1]);
            if (requested.isEmpty() || !requested.containsAll(bought)) {
                return Optional.empty();
            }
            List<PurchaseFailure> failures = requested.stream().filter(n -> !bought.contains(n))
                    .map(n -> new PurchaseFailure(n, "not bought", Optional.empty())).toList();
            return Optional.of(build(orderId, requested, bought, failures));
        } catch (IllegalArgumentException | InvalidRequestException notOurs) {
            return Optional.empty();
        }
    }

    /**
     * {@code NumberPurchaser.await} for receipts: the order is settled already, so it is answered at once;
     * an id that is not one of this provider's receipts is {@link dev.telephony.api.error.NotFoundException}.
     */
    public PurchaseOrder await(String orderId, dev.telephony.api.error.ErrorContext context) {
        return order(orderId).orElseThrow(() -> new dev.telephony.api.error.NotFoundException(
                "no order " + orderId + " (its ids start with " + prefix + ")", context));
    }

    private static PurchaseOrder build(String id, List<PhoneNumber> requested, List<PhoneNumber> bought,
                                       List<PurchaseFailure> failures) {
        return PurchaseOrder.builder(id, bought.isEmpty() ? PurchaseStatus.FAILED : PurchaseStatus.COMPLETED)
                .requested(requested).purchased(bought).failures(failures).build();
    }

    private static String join(List<PhoneNumber> numbers) {
        return String.join(",", numbers.stream().map(PhoneNumber::e164).toList());
    }

    private static List<PhoneNumber> numbers(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.stream(csv.split(",")).map(PhoneNumber::of).toList();
    }
}
