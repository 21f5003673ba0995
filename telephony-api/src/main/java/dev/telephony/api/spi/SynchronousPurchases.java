package dev.telephony.api.spi;

import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseFailure;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import dev.telephony.api.error.TelephonyException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Purchases for providers that buy one number per request and keep no order resource (SignalWire,
 * the LaML/Twilio API): each number is bought under the {@link PurchaseGuard}, the outcome of each is
 * reported, and the order id is a receipt that encodes the numbers asked for and those bought, so
 * that {@link #order(String)} reads the order back after a restart without a request.
 */
public final class SynchronousPurchases {
    private final String prefix;
    private final ErrorContext context;
    private final PurchaseGuard guard;

    /**
     * @param receiptPrefix starts every order id this provider issues, such as {@code sw1-}
     */
    public SynchronousPurchases(String receiptPrefix, ErrorContext context, PurchaseGuard guard) {
        this.prefix = Objects.requireNonNull(receiptPrefix, "receiptPrefix");
        this.context = Objects.requireNonNull(context, "context");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /**
     * Buys every number of {@code request}, one at a time. A number refused as unavailable or invalid
     * is reported as a failure; when none could be bought, {@link NumberNotAvailableException}.
     *
     * <p>An outcome that could not be established is never reported as "not bought": it ends the
     * purchase with {@link PurchaseOutcomeUnknownException} carrying every number confirmed so far.
     *
     * @param buyOne   sends the purchase of the single number of its request; refuses with
     *                 {@link NumberNotAvailableException} when it is not for sale. Answers a note when
     *                 the number was bought but a follow-up (naming it) failed, else empty
     * @param owns     whether the account owns a number now (an idempotent read)
     * @param afterAmbiguousSuccess what to do for a number found bought after an ambiguous failure
     *                 (name it, say); answers a note like {@code buyOne}
     */
    public PurchaseOrder purchaseEach(PurchaseRequest request, Function<PurchaseRequest, Optional<String>> buyOne,
                                      Predicate<PhoneNumber> owns, Function<PurchaseRequest, Optional<String>> afterAmbiguousSuccess) {
        List<PhoneNumber> bought = new ArrayList<>();
        List<PurchaseFailure> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean onlyRefusals = true;
        for (PhoneNumber number : request.numbers()) {
            PurchaseRequest single = request.forNumbers(List.of(number));
            try {
                guard.purchase(single,
                        r -> {
                            buyOne.apply(r).ifPresent(notes::add);
                            return receipt(r.numbers(), r.numbers(), List.of());
                        },
                        numbers -> Set.copyOf(numbers.stream().filter(owns).toList()),
                        (r, owned) -> {
                            afterAmbiguousSuccess.apply(r).ifPresent(notes::add);
                            return receipt(r.numbers(), List.copyOf(owned), List.of());
                        });
                bought.add(number);
            } catch (PurchaseOutcomeUnknownException unknown) {
                List<PhoneNumber> confirmed = new ArrayList<>(bought);
                confirmed.addAll(unknown.confirmedBought());
                throw new PurchaseOutcomeUnknownException(request.numbers(), confirmed, null, context, unknown);
            } catch (NumberNotAvailableException | InvalidRequestException refused) {
                failures.add(new PurchaseFailure(number, refused.reason(), refused.providerCode()));
            } catch (TelephonyException other) {
                if (bought.isEmpty() && failures.isEmpty()) {
                    throw other;
                }
                onlyRefusals = false;
                failures.add(new PurchaseFailure(number, other.reason(), other.providerCode()));
            }
        }
        if (bought.isEmpty() && onlyRefusals) {
            throw new NumberNotAvailableException(request.numbers(), context);
        }
        PurchaseOrder order = receipt(request.numbers(), bought, failures);
        if (notes.isEmpty()) {
            return order;
        }
        return PurchaseOrder.builder(order.id(), order.status()).requested(order.requested()).purchased(order.purchased())
                .failures(order.failures()).details(String.join("; ", notes)).build();
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
            List<PurchaseFailure> failures = requested.stream().filter(n -> !bought.contains(n))
                    .map(n -> new PurchaseFailure(n, "not bought", Optional.empty())).toList();
            return Optional.of(build(orderId, requested, bought, failures));
        } catch (IllegalArgumentException | InvalidRequestException notOurs) {
            return Optional.empty();
        }
    }

    private PurchaseOrder receipt(List<PhoneNumber> requested, List<PhoneNumber> bought, List<PurchaseFailure> failures) {
        String encoded = join(requested) + "|" + join(bought);
        String id = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(encoded.getBytes(StandardCharsets.UTF_8));
        return build(id, requested, bought, failures);
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
