package dev.telephony.api.spi;

import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseFailure;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.OperationTimeoutException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.error.ReleaseOutcomeUnknownException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.api.event.ReconciliationEvent.Conclusion;
import dev.telephony.api.event.ReconciliationEvent.Write;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where writes that spend or release money are sent and, when their answer is lost,
 * reconciled with the carrier. Every provider sends its purchases and releases through it.
 *
 * <p>Each send of a write ends in exactly one of three ways ({@link Sent}):
 * <ul>
 *   <li>{@link NotSent}: the carrier did not act. It refused (a 4xx: unavailable number, bad
 *       credentials, …) or asked us to slow down (429). A rate limit is waited out and the write sent
 *       again; any other refusal is the caller's answer.</li>
 *   <li>{@link Answered}: the carrier acted and its answer was read. That answer is the caller's.</li>
 *   <li>{@link Lost}: the write may have reached the carrier, and its answer was lost (time-out,
 *       reset, 5xx) or unusable (unreadable, not in the documented shape). Only this outcome
 *       reconciles: the account is read to learn what the write did.</li>
 * </ul>
 *
 * <p>Reconciliation has three endings. The truth shows the write did something: the caller is answered
 * from the truth. The truth shows it did nothing: the write may be sent again (purchases, within the
 * retry budget), else the original failure is thrown, which is then true. The truth cannot be read, or
 * the answer cannot be built from it: {@link PurchaseOutcomeUnknownException} or
 * {@link ReleaseOutcomeUnknownException} naming every number concerned. A failed reconciliation never
 * surfaces as the read's own error and never as "not bought".
 *
 * <p>Each reconciliation's conclusion, and each wait before a write is sent again, is reported to the
 * retrier's {@link ProviderEvents}.
 *
 * <p>The reads a provider hands in ({@link Purchase#claimed}, {@link Release#stillOwned}) are its own
 * retried reads, and must throw, never answer "none", when the account's answer is unusable.
 */
public final class Reconciliation {
    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final ErrorContext context;
    private final Retrier retrier;

    /**
     * @param context the provider's error context, carried by outcome-unknown errors
     * @param retrier the provider's retry policy: how often and after what wait a rate-limited or
     *                proven-harmless write is sent again
     */
    public Reconciliation(ErrorContext context, Retrier retrier) {
        this.context = Objects.requireNonNull(context, "context");
        this.retrier = Objects.requireNonNull(retrier, "retrier");
    }

    // ---- what one send came to ------------------------------------------------------------------

    /** What sending a write once came to. */
    public sealed interface Sent<T> permits NotSent, Answered, Lost {
    }

    /** The carrier did not act: it refused, or asked us to slow down. */
    public record NotSent<T>(TelephonyException refusal) implements Sent<T> {
    }

    /** The carrier acted and answered; {@code answer} is what the provider read from it. */
    public record Answered<T>(T answer) implements Sent<T> {
    }

    /** The write may have reached the carrier; its answer was lost or unusable. */
    public record Lost<T>(TelephonyException failure) implements Sent<T> {
    }

    /**
     * Sends {@code write} once and says what came of it. A failure that is not a
     * {@link TelephonyException} (a bug reading the answer, say) happened after the request may have
     * left, so it counts as lost, wrapped in a {@link ProtocolException}.
     */
    public <T> Sent<T> sendOnce(Supplier<T> write) {
        try {
            return new Answered<>(write.get());
        } catch (ProviderUnavailableException | ProtocolException | OperationTimeoutException lost) {
            return new Lost<>(lost);
        } catch (TelephonyException refused) {
            return new NotSent<>(refused);
        } catch (RuntimeException unexpected) {
            return new Lost<>(new ProtocolException("the answer could not be used: " + unexpected.getClass().getSimpleName(),
                    context, unexpected));
        }
    }

    // ---- one purchase ---------------------------------------------------------------------------

    /** What a provider says about one kind of purchase request. */
    public interface Purchase {
        /** Sends the purchase once and answers the order the carrier's answer describes. */
        PurchaseOrder send(PurchaseRequest request);

        /** Which of {@code numbers} the account owns or has on order now, from a fresh read. */
        Set<PhoneNumber> claimed(List<PhoneNumber> numbers);

        /**
         * The order to answer for a request whose answer was lost, now that the account shows
         * {@code claimed} (never empty). May read; if it fails the outcome is unknown.
         */
        PurchaseOrder recovered(PurchaseRequest request, Set<PhoneNumber> claimed);
    }

    /**
     * Buys {@code request} without ever buying twice: sent, then (only if the answer was lost)
     * reconciled, and sent again only when the reconciliation proved the last send bought nothing.
     *
     * @throws PurchaseOutcomeUnknownException when what was bought could not be established
     */
    public PurchaseOrder purchase(PurchaseRequest request, Purchase write) {
        for (int sent = 1; ; sent++) {
            Sent<PurchaseOrder> outcome = sendOnce(() -> write.send(request));
            if (outcome instanceof Answered<PurchaseOrder> answered) {
                return answered.answer();
            }
            if (outcome instanceof NotSent<PurchaseOrder> notSent) {
                waitBeforeSendingAgain(sent, notSent.refusal(), "purchase");
                continue;
            }
            TelephonyException failure = ((Lost<PurchaseOrder>) outcome).failure();
            Set<PhoneNumber> claimed;
            int asked = request.numbers().size();
            try {
                claimed = Set.copyOf(write.claimed(request.numbers()));
            } catch (RuntimeException unreadable) {
                events().reconciled(Write.PURCHASE, Conclusion.UNKNOWN, asked, failure);
                throw purchaseUnknown(request.numbers(), List.of(), failure, unreadable);
            }
            if (!claimed.isEmpty()) {
                log.info("purchase at {} failed ambiguously ({}); the account shows {} of {} numbers bought or on order",
                        provider(), failure.getClass().getSimpleName(), claimed.size(), asked);
                PurchaseOrder recovered;
                try {
                    recovered = write.recovered(request, claimed);
                } catch (RuntimeException unreadable) {
                    events().reconciled(Write.PURCHASE, Conclusion.UNKNOWN, asked, failure);
                    throw purchaseUnknown(request.numbers(), List.of(), failure, unreadable);
                }
                events().reconciled(Write.PURCHASE, Conclusion.BOUGHT, asked, failure);
                return recovered;
            }
            log.info("purchase at {} failed ({}) and the account shows it bought nothing", provider(),
                    failure.getClass().getSimpleName());
            events().reconciled(Write.PURCHASE, Conclusion.NOT_BOUGHT, asked, failure);
            waitBeforeSendingAgain(sent, failure, "purchase");
        }
    }

    // ---- purchases of one number per request ----------------------------------------------------

    /** What a provider that buys one number per request says about buying one. */
    public interface SingleNumberPurchase {
        /**
         * Sends the purchase of the one number of {@code single} once, and reads the answer. Refuses with
         * {@link NumberNotAvailableException} when it is not for sale. Do nothing else here: a failure
         * after the carrier sold the number would be taken for the purchase's own. Follow-ups (naming
         * the number) belong in {@link #afterBought}. Answers a note for the order, usually empty.
         */
        Optional<String> buy(PurchaseRequest single);

        /**
         * The follow-up for a number just bought (give it the requested name, say); answers a note for
         * the order. A failure here becomes a note: the number is bought whatever happens to its name.
         */
        default Optional<String> afterBought(PurchaseRequest single) {
            return Optional.empty();
        }

        /** Whether the account owns {@code number} now, from a fresh read. */
        boolean owns(PhoneNumber number);

        /**
         * The follow-up for a number found bought after a lost answer (give it the name the lost answer
         * would have carried, say); answers a note like {@link #buy}. A failure here becomes a note too:
         * the number is bought whatever happens to its name. By default, {@link #afterBought}.
         */
        default Optional<String> afterFoundBought(PurchaseRequest single) {
            return afterBought(single);
        }
    }

    /**
     * Buys every number of {@code request}, one request each, under {@link #purchase}. A number refused
     * as unavailable or invalid is reported as a failure; when none could be bought and every one was
     * refused, {@link NumberNotAvailableException}. An outcome that could not be established ends the
     * purchase with {@link PurchaseOutcomeUnknownException} carrying every number confirmed so far;
     * later numbers are not sent.
     */
    public PurchaseOrder purchaseEach(PurchaseRequest request, Receipts receipts, SingleNumberPurchase write) {
        List<PhoneNumber> bought = new ArrayList<>();
        List<PurchaseFailure> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean onlyRefusals = true;
        TelephonyException firstRefusal = null;
        for (PhoneNumber number : request.numbers()) {
            PurchaseRequest single = request.forNumbers(List.of(number));
            try {
                purchase(single, new Purchase() {
                    @Override
                    public PurchaseOrder send(PurchaseRequest r) {
                        write.buy(r).ifPresent(notes::add);
                        followUp(() -> write.afterBought(r));
                        return receipts.receipt(r.numbers(), r.numbers(), List.of());
                    }

                    private void followUp(Supplier<Optional<String>> step) {
                        try {
                            step.get().ifPresent(notes::add);
                        } catch (RuntimeException failed) {
                            notes.add("bought " + number + " but could not finish setting it up ("
                                    + reasonOf(failed) + "); update it to finish");
                        }
                    }

                    @Override
                    public Set<PhoneNumber> claimed(List<PhoneNumber> numbers) {
                        return write.owns(number) ? Set.of(number) : Set.of();
                    }

                    @Override
                    public PurchaseOrder recovered(PurchaseRequest r, Set<PhoneNumber> claimed) {
                        followUp(() -> write.afterFoundBought(r));
                        return receipts.receipt(r.numbers(), r.numbers(), List.of());
                    }
                });
                bought.add(number);
            } catch (PurchaseOutcomeUnknownException unknown) {
                throw purchaseUnknown(request.numbers(), bought, unknown, null);
            } catch (NumberNotAvailableException | InvalidRequestException refused) {
                firstRefusal = firstRefusal == null ? refused : firstRefusal;
                failures.add(new PurchaseFailure(number, refused.reason(), refused.providerCode()));
            } catch (TelephonyException notBought) {
                // thrown by purchase() only when the carrier refused or the truth proved nothing was bought
                if (bought.isEmpty() && failures.isEmpty()) {
                    throw notBought;
                }
                onlyRefusals = false;
                failures.add(new PurchaseFailure(number, notBought.reason(), notBought.providerCode()));
            }
        }
        if (bought.isEmpty() && onlyRefusals) {
            // the provider's refusal (its status, code, words and request id) stays the caller's answer
            if (firstRefusal instanceof NumberNotAvailableException refusal && refusal.numbers().equals(request.numbers())) {
                throw refusal;
            }
            throw new NumberNotAvailableException(request.numbers(), firstRefusal == null ? context : firstRefusal.context(),
                    firstRefusal);
        }
        PurchaseOrder order = receipts.receipt(request.numbers(), bought, failures);
        if (notes.isEmpty()) {
            return order;
        }
        return PurchaseOrder.builder(order.id(), order.status()).requested(order.requested()).purchased(order.purchased())
                .failures(order.failures()).details(String.join("; ", notes)).build();
    }

    // ---- one release ----------------------------------------------------------------------------

    /** What a provider says about releasing one number. */
    public interface Release {
        /** Sends the release once; returns when the carrier answered that it is done. */
        void send();

        /** Whether the account still owns the number, from a fresh read. */
        boolean stillOwned();

        /** A release made of its two steps. */
        static Release of(Runnable send, java.util.function.BooleanSupplier stillOwned) {
            Objects.requireNonNull(send, "send");
            Objects.requireNonNull(stillOwned, "stillOwned");
            return new Release() {
                @Override
                public void send() {
                    send.run();
                }

                @Override
                public boolean stillOwned() {
                    return stillOwned.getAsBoolean();
                }
            };
        }
    }

    /**
     * Releases a number. A rate limit is waited out and the release sent again; any other refusal is
     * thrown. A lost answer is reconciled: a number gone from the account was released; one still
     * there was not, and the original failure is thrown (the release is not sent again).
     *
     * @throws ReleaseOutcomeUnknownException when the account could not be read after a lost answer
     */
    public void release(PhoneNumber number, Release write) {
        for (int sent = 1; ; sent++) {
            Sent<Boolean> outcome = sendOnce(() -> {
                write.send();
                return Boolean.TRUE;
            });
            if (outcome instanceof Answered<Boolean>) {
                return;
            }
            if (outcome instanceof NotSent<Boolean> notSent) {
                if (notSent.refusal() instanceof RateLimitedException) {
                    waitBeforeSendingAgain(sent, notSent.refusal(), "release");
                    continue;
                }
                throw notSent.refusal();
            }
            TelephonyException failure = ((Lost<Boolean>) outcome).failure();
            boolean stillOwned;
            try {
                stillOwned = write.stillOwned();
            } catch (RuntimeException unreadable) {
                events().reconciled(Write.RELEASE, Conclusion.UNKNOWN, 1, failure);
                failure.addSuppressed(unreadable);
                throw new ReleaseOutcomeUnknownException(number, context, failure);
            }
            if (stillOwned) {
                events().reconciled(Write.RELEASE, Conclusion.NOT_RELEASED, 1, failure);
                throw failure;
            }
            events().reconciled(Write.RELEASE, Conclusion.RELEASED, 1, failure);
            log.info("release of a number at {} failed ambiguously ({}) and the number is gone: released", provider(),
                    failure.getClass().getSimpleName());
            return;
        }
    }

    // ---- shared -------------------------------------------------------------------------------

    /**
     * Waits before sending a write again after {@code failure}, which either did nothing at the carrier
     * (a rate limit) or was proven by a reconciliation to have done nothing; rethrows it when the retry
     * budget is spent, the carrier asks for too long a wait, or the failure is not worth repeating.
     */
    private void waitBeforeSendingAgain(int sent, TelephonyException failure, String write) {
        boolean repeatable = failure instanceof RateLimitedException || failure instanceof ProviderUnavailableException
                || failure instanceof ProtocolException;
        if (!repeatable || sent >= retrier.policy().maxAttempts()) {
            throw failure;
        }
        Optional<Duration> wait = failure instanceof dev.telephony.api.error.RetryableException retryable
                ? retrier.delayAfter(sent, retryable) : Optional.of(retrier.policy().initialBackoff());
        if (wait.isEmpty()) {
            throw failure;
        }
        log.debug("{} at {} sending again in {} ms after {}", write, provider(), wait.get().toMillis(),
                failure.getClass().getSimpleName());
        events().retry(write, sent, failure, wait.get());
        retrier.pause(wait.get(), failure);
    }

    private PurchaseOutcomeUnknownException purchaseUnknown(List<PhoneNumber> requested, List<PhoneNumber> confirmed,
                                                            TelephonyException failure, RuntimeException unreadable) {
        if (unreadable != null) {
            failure.addSuppressed(unreadable);
        }
        String orderId = failure instanceof PurchaseOutcomeUnknownException inner ? inner.orderId().orElse(null) : null;
        List<PhoneNumber> all = new ArrayList<>(confirmed);
        if (failure instanceof PurchaseOutcomeUnknownException inner) {
            inner.confirmedBought().stream().filter(n -> !all.contains(n)).forEach(all::add);
        }
        return new PurchaseOutcomeUnknownException(requested, all, orderId, context, failure);
    }

    private static String reasonOf(RuntimeException e) {
        return e instanceof TelephonyException t ? t.reason() : e.getClass().getSimpleName();
    }

    private ProviderEvents events() {
        return retrier.events();
    }

    private String provider() {
        return context.provider().orElse("the provider");
    }
}
