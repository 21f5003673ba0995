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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
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
 *
 * <p>{@link #purchaseEach} buys up to {@link Bulk#concurrency()} numbers at once (see {@link Bulk}); every
 * number still goes through the rules above on its own, and none is ever sent again because of what
 * happened to another.
 */
public final class Reconciliation {
    /** The logger, made when first used: connecting logs nothing, so it need not start the logging backend. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    }

    private final ErrorContext context;
    private final Retrier retrier;
    private final Bulk bulk;

    /**
     * A reconciliation that buys the numbers of {@link #purchaseEach} one after another, on the caller's thread.
     *
     * @param context the provider's error context, carried by outcome-unknown errors
     * @param retrier the provider's retry policy: how often and after what wait a rate-limited or
     *                proven-harmless write is sent again
     */
    public Reconciliation(ErrorContext context, Retrier retrier) {
        this(context, retrier, Bulk.sequential());
    }

    /**
     * @param context the provider's error context, carried by outcome-unknown errors
     * @param retrier the provider's retry policy: how often and after what wait a rate-limited or
     *                proven-harmless write is sent again
     * @param bulk    how many numbers of one {@link #purchaseEach} may be in flight at once, and where
     */
    public Reconciliation(ErrorContext context, Retrier retrier, Bulk bulk) {
        this.context = Objects.requireNonNull(context, "context");
        this.retrier = Objects.requireNonNull(retrier, "retrier");
        this.bulk = Objects.requireNonNull(bulk, "bulk");
    }

    /**
     * How the numbers of one {@link #purchaseEach} are spread over threads.
     *
     * <p>At most {@code concurrency} numbers are in flight at once, each on a thread of {@code executor}
     * (the caller's thread waits for them). A rate limit (429) on any of them pauses the whole batch:
     * no number starts a request until the wait the carrier asked for is over, timed on {@code clock}
     * and slept with the retrier's sleeper. With a concurrency of 1, or a single number, everything
     * runs on the caller's thread and {@code executor} is not used.
     *
     * @param concurrency how many numbers may be in flight at once, 1 to {@value #MAX_CONCURRENCY}
     * @param executor    runs each number's purchase; an executor that refuses a task has it run on the
     *                    caller's thread instead. Its threads must not themselves wait on a bulk purchase.
     * @param clock       the clock a batch's pause after a rate limit is timed on
     */
    public record Bulk(int concurrency, Executor executor, Clock clock) {
        /** The most numbers a bulk purchase keeps in flight, whatever is configured. */
        public static final int MAX_CONCURRENCY = 1000;

        public Bulk {
            if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
                throw InvalidRequestException.of("bulk.concurrency", "must be between 1 and " + MAX_CONCURRENCY + ", was " + concurrency);
            }
            Arguments.require("bulk.executor", executor);
            Arguments.require("bulk.clock", clock);
        }

        /** One number at a time, on the caller's thread. */
        public static Bulk sequential() {
            return new Bulk(1, Runnable::run, Clock.systemUTC());
        }
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
        return purchase(request, write, alone);
    }

    private PurchaseOrder purchase(PurchaseRequest request, Purchase write, Pace pace) {
        for (int sent = 1; ; sent++) {
            Sent<PurchaseOrder> outcome = sendOnce(() -> write.send(request));
            if (outcome instanceof Answered<PurchaseOrder> answered) {
                return answered.answer();
            }
            if (outcome instanceof NotSent<PurchaseOrder> notSent) {
                waitBeforeSendingAgain(sent, notSent.refusal(), "purchase", pace);
                continue;
            }
            TelephonyException failure = ((Lost<PurchaseOrder>) outcome).failure();
            // the read that learns what the lost send did waits out a batch's pause too, but is never skipped
            pace.awaitTurn();
            Set<PhoneNumber> claimed;
            int asked = request.numbers().size();
            try {
                claimed = Set.copyOf(write.claimed(request.numbers()));
            } catch (RuntimeException unreadable) {
                events().reconciled(Write.PURCHASE, Conclusion.UNKNOWN, asked, failure);
                throw purchaseUnknown(request.numbers(), List.of(), failure, unreadable);
            }
            if (!claimed.isEmpty()) {
                Log.LOG.info("purchase at {} failed ambiguously ({}); the account shows {} of {} numbers bought or on order",
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
            Log.LOG.info("purchase at {} failed ({}) and the account shows it bought nothing", provider(),
                    failure.getClass().getSimpleName());
            events().reconciled(Write.PURCHASE, Conclusion.NOT_BOUGHT, asked, failure);
            waitBeforeSendingAgain(sent, failure, "purchase", pace);
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
     * Buys every number of {@code request}, one request each, under {@link #purchase}: up to
     * {@link Bulk#concurrency()} at once, each on its own (an ambiguous answer for one number is
     * reconciled by reading that number, and never causes another to be sent again). A rate limit on
     * any number pauses the whole batch (see {@link Bulk}). The order reports every number in the
     * order asked.
     *
     * <p>A number refused as unavailable or invalid is reported as a failure; when none could be
     * bought and every one was refused, {@link NumberNotAvailableException}. A failure that is not
     * about the number (credentials, a rate limit past the budget) while nothing is bought or refused
     * yet stops the batch: no further number is started, and when nothing was bought it is thrown.
     * An outcome that could not be established stops the batch too: no further number is started,
     * those in flight finish, and {@link PurchaseOutcomeUnknownException} names every number not
     * confirmed, carrying those confirmed bought. A number a stopped batch did not start is reported
     * as a failure ("not sent"), never as bought.
     */
    public PurchaseOrder purchaseEach(PurchaseRequest request, Receipts receipts, SingleNumberPurchase write) {
        List<PhoneNumber> numbers = request.numbers();
        Each[] each = new Each[numbers.size()];
        for (int i = 0; i < each.length; i++) {
            each[i] = new Each(numbers.get(i));
        }
        int limit = Math.min(bulk.concurrency(), each.length);
        if (limit <= 1) {
            Each stop = null;
            boolean boughtOrRefused = false;
            for (Each one : each) {
                if (stop == null) {
                    buy(one, request, receipts, write, alone);
                    stop = stops(one, boughtOrRefused) ? one : null;
                    boughtOrRefused |= one.boughtOrRefused();
                } else {
                    one.notStarted(stop);
                }
            }
        } else {
            buyInParallel(each, limit, request, receipts, write);
        }
        return settle(request, receipts, each);
    }

    /** What came of one number of a {@link #purchaseEach}; written by the thread that bought it, read once it is done. */
    private static final class Each {
        enum Kind { BOUGHT, REFUSED, NOT_BOUGHT, UNKNOWN, NOT_STARTED }

        final PhoneNumber number;
        final List<String> notes = new ArrayList<>();
        Kind kind;
        TelephonyException failure;
        String notSentBecause;

        Each(PhoneNumber number) {
            this.number = number;
        }

        boolean boughtOrRefused() {
            return kind == Kind.BOUGHT || kind == Kind.REFUSED;
        }

        void unexpected(Throwable failure, ErrorContext context) {
            // a bug after the request may have left: whether the number was bought is not known
            kind = Kind.UNKNOWN;
            this.failure = new ProtocolException("buying " + number + " failed unexpectedly: "
                    + failure.getClass().getSimpleName(), context, failure);
        }

        void notStarted(Each stop) {
            kind = Kind.NOT_STARTED;
            notSentBecause = stop.kind == Kind.UNKNOWN ? "the outcome for " + stop.number + " could not be established"
                    : stop.failure == null ? "the purchase was interrupted"
                    : "buying " + stop.number + " failed: " + stop.failure.reason();
        }
    }

    /**
     * Whether {@code done} stops the batch: an unknown outcome always; a failure that is not a refusal
     * of the number while no number of the batch is known bought or refused (credentials, a rate limit
     * past the budget: every other number would meet it too).
     */
    private static boolean stops(Each done, boolean boughtOrRefused) {
        return done.kind == Each.Kind.UNKNOWN || done.kind == Each.Kind.NOT_BOUGHT && !boughtOrRefused;
    }

    /**
     * Keeps up to {@code limit} numbers in flight on the bulk executor, in the order asked, until all
     * are done or the batch stops; then waits for those in flight, whatever happens to this thread
     * meanwhile, since each may have bought its number.
     */
    private void buyInParallel(Each[] each, int limit, PurchaseRequest request, Receipts receipts, SingleNumberPurchase write) {
        BatchPace pace = new BatchPace();
        BlockingQueue<Each> done = new LinkedBlockingQueue<>();
        Each stop = null;
        boolean boughtOrRefused = false;
        boolean interrupted = false;
        int next = 0;
        int running = 0;
        while (true) {
            while (stop == null && running < limit && next < each.length) {
                Each one = each[next++];
                Runnable task = () -> {
                    try {
                        if (pace.awaitTurn()) {
                            buy(one, request, receipts, write, pace);
                        } else {
                            one.kind = Each.Kind.NOT_STARTED;
                            one.notSentBecause = "the purchase was interrupted";
                        }
                    } catch (Throwable unexpected) {
                        one.unexpected(unexpected, context);
                    } finally {
                        done.add(one);
                    }
                };
                try {
                    bulk.executor().execute(task);
                } catch (RejectedExecutionException refused) {
                    // nothing of this number was sent yet: buying it on this thread is only slower
                    task.run();
                }
                running++;
            }
            if (running == 0) {
                break;
            }
            Each finished;
            try {
                finished = done.take();
            } catch (InterruptedException e) {
                interrupted = true;
                if (stop == null) {
                    stop = new Each(each[0].number);
                }
                continue;
            }
            running--;
            if (stop == null && stops(finished, boughtOrRefused)) {
                stop = finished;
                Log.LOG.info("bulk purchase at {} starts no further number after {} ({}); {} in flight finish", provider(),
                        finished.number, finished.kind, running);
            }
            boughtOrRefused |= finished.boughtOrRefused();
        }
        for (Each one : each) {
            if (one.kind == null) {
                one.notStarted(stop);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Buys the number of {@code one} under {@link #purchase}, and says what came of it in {@code one}. */
    private void buy(Each one, PurchaseRequest request, Receipts receipts, SingleNumberPurchase write, Pace pace) {
        PhoneNumber number = one.number;
        PurchaseRequest single = request.forNumbers(List.of(number));
        List<String> notes = one.notes;
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
            }, pace);
            one.kind = Each.Kind.BOUGHT;
        } catch (PurchaseOutcomeUnknownException unknown) {
            one.kind = Each.Kind.UNKNOWN;
            one.failure = unknown;
        } catch (NumberNotAvailableException | InvalidRequestException refused) {
            one.kind = Each.Kind.REFUSED;
            one.failure = refused;
        } catch (TelephonyException notBought) {
            // thrown by purchase() only when the carrier refused or the truth proved nothing was bought
            one.kind = Each.Kind.NOT_BOUGHT;
            one.failure = notBought;
        } catch (RuntimeException unexpected) {
            one.unexpected(unexpected, context);
        }
    }

    /** The answer for a finished batch, each number in the order asked. */
    private PurchaseOrder settle(PurchaseRequest request, Receipts receipts, Each[] each) {
        List<PhoneNumber> bought = new ArrayList<>();
        TelephonyException unknown = null;
        for (Each one : each) {
            if (one.kind == Each.Kind.BOUGHT) {
                bought.add(one.number);
            } else if (one.kind == Each.Kind.UNKNOWN) {
                if (unknown == null) {
                    unknown = one.failure;
                } else {
                    unknown.addSuppressed(one.failure);
                }
            }
        }
        if (unknown != null) {
            throw purchaseUnknown(request.numbers(), bought, unknown, null);
        }
        List<PurchaseFailure> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean onlyRefusals = true;
        TelephonyException firstRefusal = null;
        for (Each one : each) {
            switch (one.kind) {
                case BOUGHT -> notes.addAll(one.notes);
                case REFUSED -> {
                    firstRefusal = firstRefusal == null ? one.failure : firstRefusal;
                    failures.add(new PurchaseFailure(one.number, one.failure.reason(), one.failure.providerCode()));
                }
                case NOT_BOUGHT -> {
                    if (bought.isEmpty() && failures.isEmpty()) {
                        // nothing of the batch was bought: the failure is the caller's answer for every number
                        throw one.failure;
                    }
                    onlyRefusals = false;
                    failures.add(new PurchaseFailure(one.number, one.failure.reason(), one.failure.providerCode()));
                }
                default -> {
                    onlyRefusals = false;
                    failures.add(new PurchaseFailure(one.number, "not sent: " + one.notSentBecause, Optional.empty()));
                }
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
                    waitBeforeSendingAgain(sent, notSent.refusal(), "release", alone);
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
            Log.LOG.info("release of a number at {} failed ambiguously ({}) and the number is gone: released", provider(),
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
    private void waitBeforeSendingAgain(int sent, TelephonyException failure, String write, Pace pace) {
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
        Log.LOG.debug("{} at {} sending again in {} ms after {}", write, provider(), wait.get().toMillis(),
                failure.getClass().getSimpleName());
        events().retry(write, sent, failure, wait.get());
        pace.waitOut(wait.get(), failure);
    }

    // ---- pacing ---------------------------------------------------------------------------------

    /** When one number's next request may start. */
    private interface Pace {
        /** Waits until a new request may start; returns early, with the thread's interrupt flag set, if interrupted. */
        boolean awaitTurn();

        /** Waits {@code wait} before sending again after {@code failure}; rethrows it if interrupted. */
        void waitOut(Duration wait, TelephonyException failure);
    }

    /** A write on its own: it waits alone, and nothing else waits for it. */
    private final Pace alone = new Pace() {
        @Override
        public boolean awaitTurn() {
            return true;
        }

        @Override
        public void waitOut(Duration wait, TelephonyException failure) {
            retrier.pause(wait, failure);
        }
    };

    /**
     * The pace of one batch: a rate limit on any of its numbers holds back every number's next request
     * until the carrier's wait is over. One thread sleeps out the pause while the others queue on the
     * lock, so a pause is slept once, not once per thread (which a test's clock would add up).
     */
    private final class BatchPace implements Pace {
        private final Clock clock = bulk.clock();
        private final ReentrantLock sleeping = new ReentrantLock();
        private volatile Instant resumeAt = Instant.MIN;

        @Override
        public boolean awaitTurn() {
            if (!clock.instant().isBefore(resumeAt)) {
                return true;
            }
            try {
                sleeping.lockInterruptibly();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                for (Duration left = until(resumeAt); !left.isZero(); left = until(resumeAt)) {
                    retrier.sleeper().sleep(left);
                }
                return true;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                sleeping.unlock();
            }
        }

        @Override
        public void waitOut(Duration wait, TelephonyException failure) {
            if (!(failure instanceof RateLimitedException)) {
                // an outage proven harmless concerns this number's request: only it backs off
                retrier.pause(wait, failure);
            } else {
                hold(wait);
            }
            if (!awaitTurn()) {
                throw failure;
            }
        }

        /** No request of the batch starts before {@code wait} from now (or a later time already set). */
        private synchronized void hold(Duration wait) {
            Instant until = clock.instant().plus(wait);
            if (until.isAfter(resumeAt)) {
                resumeAt = until;
            }
        }

        /** What is left of the pause, in whole milliseconds rounded up so that a real sleep never comes back short of it. */
        private Duration until(Instant end) {
            Instant now = clock.instant();
            if (!now.isBefore(end)) {
                return Duration.ZERO;
            }
            long nanos = Duration.between(now, end).toNanos();
            return Duration.ofMillis((nanos + 999_999) / 1_000_000);
        }
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
