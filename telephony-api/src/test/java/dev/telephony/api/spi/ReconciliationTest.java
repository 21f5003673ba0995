package dev.telephony.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.error.ReleaseOutcomeUnknownException;
import dev.telephony.api.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The one reconciliation path, against a fake carrier in plain Java (no HTTP layer exists in the api). */
class ReconciliationTest {
    private static final PhoneNumber NUMBER = PhoneNumber.of("+12125550100");
    private static final PhoneNumber TAKEN = PhoneNumber.of("+12125550101");
    private static final PhoneNumber LOST = PhoneNumber.of("+12125550102");

    private final TestClock clock = new TestClock();
    private final ErrorContext context = ErrorContext.of("test");
    private final Reconciliation reconciliation = new Reconciliation(context,
            new Retrier(RetryPolicy.defaults(), clock.sleeper(), new SplittableRandom(7)));
    private final Set<PhoneNumber> owned = new HashSet<>();
    private final AtomicInteger sends = new AtomicInteger();

    private PurchaseOrder completed(PurchaseRequest request, Set<PhoneNumber> bought) {
        return PurchaseOrder.builder("order-1", PurchaseStatus.COMPLETED).requested(request.numbers())
                .purchased(List.copyOf(bought)).build();
    }

    private Reconciliation.Purchase write(Function<PurchaseRequest, PurchaseOrder> send,
                                          Supplier<Set<PhoneNumber>> claimed) {
        return new Reconciliation.Purchase() {
            @Override
            public PurchaseOrder send(PurchaseRequest request) {
                sends.incrementAndGet();
                return send.apply(request);
            }

            @Override
            public Set<PhoneNumber> claimed(List<PhoneNumber> numbers) {
                return claimed.get();
            }

            @Override
            public PurchaseOrder recovered(PurchaseRequest request, Set<PhoneNumber> found) {
                return completed(request, found);
            }
        };
    }

    @Nested
    class OneSend {
        @Test
        void aFailureAfterTheRequestMayHaveLeftIsLostAndAnUntypedOneIsWrapped() {
            assertThat(reconciliation.sendOnce(() -> {
                throw new ProviderUnavailableException("reset", context);
            })).isInstanceOf(Reconciliation.Lost.class);
            assertThat(reconciliation.sendOnce(() -> {
                throw new ProtocolException("garbled", context);
            })).isInstanceOf(Reconciliation.Lost.class);
            assertThat(reconciliation.sendOnce(() -> {
                throw new NullPointerException("a bug reading the answer");
            })).isInstanceOfSatisfying(Reconciliation.Lost.class,
                    lost -> assertThat(lost.failure()).isInstanceOf(ProtocolException.class));
            assertThat(reconciliation.sendOnce(() -> {
                throw new AuthenticationException("401", context);
            })).isInstanceOf(Reconciliation.NotSent.class);
            assertThat(reconciliation.sendOnce(() -> "ok")).isEqualTo(new Reconciliation.Answered<>("ok"));
        }
    }

    @Nested
    class Purchase {
        @Test
        void anAnswerLostAfterTheSaleIsAnsweredFromTheTruthWithoutSendingAgain() {
            PurchaseOrder order = reconciliation.purchase(PurchaseRequest.of(NUMBER), write(r -> {
                owned.add(NUMBER);
                throw new ProviderUnavailableException("connection reset", context);
            }, () -> owned));
            assertThat(sends).hasValue(1);
            assertThat(order.purchased()).containsExactly(NUMBER);
        }

        @Test
        void anUnusableAnswerIsReconciledToo() {
            PurchaseOrder order = reconciliation.purchase(PurchaseRequest.of(NUMBER), write(r -> {
                owned.add(NUMBER);
                throw new ProtocolException("{} has no data field", context);
            }, () -> owned));
            assertThat(sends).hasValue(1);
            assertThat(order.purchased()).containsExactly(NUMBER);
        }

        @Test
        void aFailureProvenToHaveBoughtNothingIsSentAgain() {
            PurchaseOrder order = reconciliation.purchase(PurchaseRequest.of(NUMBER), write(r -> {
                if (sends.get() == 1) {
                    throw new ProviderUnavailableException("503", context);
                }
                owned.add(NUMBER);
                return completed(r, owned);
            }, () -> owned));
            assertThat(sends).hasValue(2);
            assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
        }

        @Test
        void aRateLimitIsWaitedOutAndSentAgainWithoutReading() {
            reconciliation.purchase(PurchaseRequest.of(NUMBER), write(r -> {
                if (sends.get() == 1) {
                    throw new RateLimitedException("429", context, Duration.ofSeconds(4));
                }
                return completed(r, Set.of(NUMBER));
            }, () -> {
                throw new AssertionError("a rate limit means nothing was done: no need to check");
            }));
            assertThat(sends).hasValue(2);
            assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(4));
        }

        @Test
        void anUnreadableTruthEndsInOutcomeUnknownWithoutSendingAgain() {
            assertThatThrownBy(() -> reconciliation.purchase(PurchaseRequest.of(NUMBER), write(r -> {
                throw new ProviderUnavailableException("timed out", context);
            }, () -> {
                throw new AuthenticationException("401 on the check", context);
            }))).isInstanceOfSatisfying(PurchaseOutcomeUnknownException.class, e -> {
                assertThat(e.requested()).containsExactly(NUMBER);
                assertThat(e.numbers()).containsExactly(NUMBER);
                assertThat(e.confirmedBought()).isEmpty();
                assertThat(e.getCause()).hasMessageContaining("timed out");
            });
            assertThat(sends).hasValue(1);
        }

        @Test
        void aTruthThatCannotBeTurnedIntoAnAnswerIsOutcomeUnknownNotTheReadsError() {
            Reconciliation.Purchase write = new Reconciliation.Purchase() {
                @Override
                public PurchaseOrder send(PurchaseRequest request) {
                    sends.incrementAndGet();
                    owned.add(NUMBER);
                    throw new ProviderUnavailableException("reset", context);
                }

                @Override
                public Set<PhoneNumber> claimed(List<PhoneNumber> numbers) {
                    return owned;
                }

                @Override
                public PurchaseOrder recovered(PurchaseRequest request, Set<PhoneNumber> claimed) {
                    throw new RateLimitedException("429 past its budget", context, Duration.ofHours(1));
                }
            };
            assertThatThrownBy(() -> reconciliation.purchase(PurchaseRequest.of(NUMBER), write))
                    .isInstanceOfSatisfying(PurchaseOutcomeUnknownException.class,
                            e -> assertThat(e.numbers()).containsExactly(NUMBER));
            assertThat(sends).hasValue(1);
        }

        @Test
        void definiteRefusalsAreNotRetried() {
            assertThatThrownBy(() -> reconciliation.purchase(PurchaseRequest.of(NUMBER), write(r -> {
                throw new NumberNotAvailableException(r.numbers(), context);
            }, () -> owned))).isInstanceOf(NumberNotAvailableException.class);
            assertThat(sends).hasValue(1);
        }
    }

    @Nested
    class OneNumberPerRequest {
        private final Receipts receipts = new Receipts("t1-");
        private final Set<PhoneNumber> unreadable = new HashSet<>();

        private Reconciliation.SingleNumberPurchase carrier(Function<PurchaseRequest, Optional<String>> afterFound) {
            return new Reconciliation.SingleNumberPurchase() {
                @Override
                public Optional<String> buy(PurchaseRequest single) {
                    PhoneNumber number = single.numbers().get(0);
                    if (number.equals(TAKEN)) {
                        throw new NumberNotAvailableException(List.of(number), context);
                    }
                    owned.add(number);
                    if (number.equals(LOST)) {
                        throw new ProviderUnavailableException("reset after the sale", context);
                    }
                    return Optional.empty();
                }

                @Override
                public boolean owns(PhoneNumber number) {
                    if (unreadable.contains(number)) {
                        throw new ProviderUnavailableException("still down", context);
                    }
                    return owned.contains(number);
                }

                @Override
                public Optional<String> afterFoundBought(PurchaseRequest single) {
                    return afterFound.apply(single);
                }
            };
        }

        @Test
        void eachNumberIsReportedAndTheReceiptReadsBack() {
            PurchaseOrder order = reconciliation.purchaseEach(PurchaseRequest.of(TAKEN, NUMBER), receipts,
                    carrier(r -> Optional.empty()));
            assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
            assertThat(order.purchased()).containsExactly(NUMBER);
            assertThat(order.failures()).extracting(f -> f.number()).containsExactly(TAKEN);
            assertThat(receipts.order(order.id())).hasValueSatisfying(o -> assertThat(o.purchased()).containsExactly(NUMBER));
            assertThat(receipts.order("someone-else")).isEmpty();
        }

        @Test
        void anOutcomeThatCannotBeEstablishedEndsThePurchaseCarryingWhatWasBought() {
            unreadable.add(LOST);
            assertThatThrownBy(() -> reconciliation.purchaseEach(PurchaseRequest.of(NUMBER, LOST), receipts,
                    carrier(r -> Optional.empty()))).isInstanceOfSatisfying(PurchaseOutcomeUnknownException.class, e -> {
                        assertThat(e.confirmedBought()).containsExactly(NUMBER);
                        assertThat(e.numbers()).containsExactly(LOST);
                    });
        }

        @Test
        void aFollowUpThatFailsAfterANumberWasFoundBoughtIsANoteNotAFailure() {
            PurchaseOrder order = reconciliation.purchaseEach(PurchaseRequest.of(LOST, NUMBER), receipts, carrier(r -> {
                throw new AuthenticationException("401 while naming", context);
            }));
            assertThat(order.purchased()).containsExactly(LOST, NUMBER);
            assertThat(order.failures()).isEmpty();
            assertThat(order.details()).hasValueSatisfying(d -> assertThat(d).contains("could not finish"));
        }
    }

    /**
     * Bulk purchases with several numbers in flight. The executor only queues tasks; the test runs each
     * itself, in the order it chooses, while the purchase waits on another thread. So what is in flight
     * and in which order numbers finish is the test's choice, never the scheduler's, and nothing waits
     * on real time.
     */
    @Nested
    class InParallel {
        private static final List<PhoneNumber> SEVEN = List.of(PhoneNumber.of("+12125550110"), PhoneNumber.of("+12125550111"),
                PhoneNumber.of("+12125550112"), PhoneNumber.of("+12125550113"), PhoneNumber.of("+12125550114"),
                PhoneNumber.of("+12125550115"), PhoneNumber.of("+12125550116"));

        private final Receipts receipts = new Receipts("t1-");
        private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        /** Every purchase request sent, by number, with the clock's time it was sent at. */
        private final Map<PhoneNumber, List<Instant>> buys = new ConcurrentHashMap<>();
        private final Set<PhoneNumber> reads = ConcurrentHashMap.newKeySet();
        private final Set<PhoneNumber> carrierOwns = ConcurrentHashMap.newKeySet();

        private Reconciliation parallel(int concurrency, Sleeper sleeper) {
            return new Reconciliation(context, new Retrier(RetryPolicy.defaults(), sleeper, new SplittableRandom(7)),
                    new Reconciliation.Bulk(concurrency, tasks::add, clock));
        }

        /** A carrier that sells every number, except that {@code answer} may spoil the answer to a request. */
        private Reconciliation.SingleNumberPurchase carrier(java.util.function.BiConsumer<PhoneNumber, Integer> answer) {
            return new Reconciliation.SingleNumberPurchase() {
                @Override
                public Optional<String> buy(PurchaseRequest single) {
                    PhoneNumber number = single.numbers().get(0);
                    List<Instant> sent = buys.computeIfAbsent(number, n -> java.util.Collections.synchronizedList(new ArrayList<>()));
                    sent.add(clock.instant());
                    answer.accept(number, sent.size());
                    carrierOwns.add(number);
                    return Optional.empty();
                }

                @Override
                public boolean owns(PhoneNumber number) {
                    reads.add(number);
                    if (unreadable(number)) {
                        throw new ProviderUnavailableException("still down", context);
                    }
                    return carrierOwns.contains(number);
                }
            };
        }

        private final Set<PhoneNumber> unreadable = ConcurrentHashMap.newKeySet();

        private boolean unreadable(PhoneNumber number) {
            return unreadable.contains(number);
        }

        /** Starts the purchase on its own thread; its tasks arrive in {@link #tasks}. */
        private FutureTask<PurchaseOrder> start(Reconciliation reconciliation, List<PhoneNumber> numbers,
                                                Reconciliation.SingleNumberPurchase write) {
            FutureTask<PurchaseOrder> purchase = new FutureTask<>(() -> reconciliation.purchaseEach(
                    PurchaseRequest.ofNumbers(numbers), receipts, write));
            Thread thread = new Thread(purchase, "bulk-purchase-under-test");
            thread.setDaemon(true);
            thread.start();
            return purchase;
        }

        /** The next {@code count} tasks the purchase hands its executor, in the order handed. */
        private List<Runnable> take(int count) throws InterruptedException {
            List<Runnable> taken = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                taken.add(tasks.take());
            }
            return taken;
        }

        private static PurchaseOrder result(FutureTask<PurchaseOrder> purchase) throws InterruptedException {
            try {
                return purchase.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new AssertionError(e.getCause());
            }
        }

        @Test
        void noMoreThanTheLimitAreInFlightAndTheOrderKeepsTheRequestOrderWhateverOrderTheyFinishIn() throws Exception {
            FutureTask<PurchaseOrder> purchase = start(parallel(3, clock.sleeper()), SEVEN, carrier((n, i) -> { }));
            List<Runnable> first = take(3);
            // the purchase waits for one of the three before it hands out a fourth
            assertThat(tasks).isEmpty();
            assertThat(buys).isEmpty();
            first.get(2).run();
            Runnable fourth = tasks.take();
            assertThat(tasks).isEmpty();
            fourth.run();
            first.get(0).run();
            first.get(1).run();
            for (Runnable rest : take(3)) {
                rest.run();
            }
            PurchaseOrder order = result(purchase);
            assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
            assertThat(order.requested()).containsExactlyElementsOf(SEVEN);
            assertThat(order.purchased()).containsExactlyElementsOf(SEVEN);
            assertThat(receipts.order(order.id())).hasValueSatisfying(o -> assertThat(o.purchased()).containsExactlyElementsOf(SEVEN));
            assertThat(buys.values()).allSatisfy(sent -> assertThat(sent).hasSize(1));
            assertThat(tasks).isEmpty();
        }

        @Test
        void anAmbiguousAnswerForOneNumberIsReconciledByReadingThatNumberAndNeverResendsAnother() throws Exception {
            PhoneNumber lostAfterSale = SEVEN.get(1);
            PhoneNumber lostBeforeSale = SEVEN.get(2);
            FutureTask<PurchaseOrder> purchase = start(parallel(4, clock.sleeper()), SEVEN.subList(0, 4), carrier((n, i) -> {
                if (n.equals(lostAfterSale) && i == 1) {
                    carrierOwns.add(n);
                    throw new ProviderUnavailableException("reset after the sale", context);
                }
                if (n.equals(lostBeforeSale) && i == 1) {
                    throw new ProtocolException("an answer in no documented shape, and nothing sold", context);
                }
            }));
            List<Runnable> all = take(4);
            all.get(1).run();
            all.get(2).run();
            all.get(3).run();
            all.get(0).run();
            PurchaseOrder order = result(purchase);
            assertThat(order.purchased()).containsExactlyElementsOf(SEVEN.subList(0, 4));
            // only the two lost answers were read back, and only the one proven to have bought nothing was sent again
            assertThat(reads).containsExactlyInAnyOrder(lostAfterSale, lostBeforeSale);
            assertThat(buys.get(lostAfterSale)).hasSize(1);
            assertThat(buys.get(lostBeforeSale)).hasSize(2);
            assertThat(buys.get(SEVEN.get(0))).hasSize(1);
            assertThat(buys.get(SEVEN.get(3))).hasSize(1);
        }

        @Test
        void theReadsThatReconcileLostAnswersTakeTheNumbersPlaceInFlightSoTheyStayWithinTheLimit() throws Exception {
            java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
            CountDownLatch reading = new CountDownLatch(2);
            CountDownLatch answer = new CountDownLatch(1);
            Set<PhoneNumber> lost = Set.of(SEVEN.get(0), SEVEN.get(1));
            Reconciliation.SingleNumberPurchase slowTruth = new Reconciliation.SingleNumberPurchase() {
                @Override
                public Optional<String> buy(PurchaseRequest single) {
                    PhoneNumber number = single.numbers().get(0);
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        buys.computeIfAbsent(number, n -> java.util.Collections.synchronizedList(new ArrayList<>())).add(clock.instant());
                        carrierOwns.add(number);
                        if (lost.contains(number)) {
                            throw new ProviderUnavailableException("reset after the sale", context);
                        }
                        return Optional.empty();
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }

                @Override
                public boolean owns(PhoneNumber number) {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        reads.add(number);
                        reading.countDown();
                        answer.await();
                        return carrierOwns.contains(number);
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }
            };
            FutureTask<PurchaseOrder> purchase = start(parallel(2, clock.sleeper()), SEVEN.subList(0, 4), slowTruth);
            List<Thread> running = new ArrayList<>();
            for (Runnable task : take(2)) {
                Thread thread = new Thread(task, "lost answer");
                thread.start();
                running.add(thread);
            }
            reading.await();
            // both numbers in flight are reading back their lost answers: no third number starts meanwhile
            assertThat(tasks).isEmpty();
            assertThat(buys.keySet()).containsExactlyInAnyOrderElementsOf(lost);
            answer.countDown();
            for (Thread thread : running) {
                thread.join();
            }
            for (Runnable rest : take(2)) {
                rest.run();
            }
            PurchaseOrder order = result(purchase);
            assertThat(order.purchased()).containsExactlyElementsOf(SEVEN.subList(0, 4));
            assertThat(reads).containsExactlyInAnyOrderElementsOf(lost);
            assertThat(buys.values()).allSatisfy(sent -> assertThat(sent).hasSize(1));
            assertThat(most.get()).isLessThanOrEqualTo(2);
        }

        @Test
        void anUnknownOutcomeStartsNoFurtherNumberLetsThoseInFlightFinishAndNamesEveryNumberNotConfirmed() throws Exception {
            PhoneNumber unknown = SEVEN.get(1);
            unreadable.add(unknown);
            FutureTask<PurchaseOrder> purchase = start(parallel(3, clock.sleeper()), SEVEN, carrier((n, i) -> {
                if (n.equals(unknown)) {
                    throw new ProviderUnavailableException("timed out, sold or not", context);
                }
            }));
            List<Runnable> inFlight = take(3);
            inFlight.get(1).run();
            // the outcome is open: nothing more is handed out, but the two in flight still finish
            inFlight.get(0).run();
            inFlight.get(2).run();
            assertThatThrownBy(() -> result(purchase)).isInstanceOfSatisfying(PurchaseOutcomeUnknownException.class, e -> {
                assertThat(e.requested()).containsExactlyElementsOf(SEVEN);
                assertThat(e.confirmedBought()).containsExactly(SEVEN.get(0), SEVEN.get(2));
                assertThat(e.numbers()).containsExactly(SEVEN.get(1), SEVEN.get(3), SEVEN.get(4), SEVEN.get(5), SEVEN.get(6));
            });
            assertThat(tasks).isEmpty();
            assertThat(buys.keySet()).containsExactlyInAnyOrder(SEVEN.get(0), SEVEN.get(1), SEVEN.get(2));
            assertThat(buys.get(unknown)).hasSize(1);
        }

        @Test
        void aFailureOfTheAccountBeforeAnythingIsBoughtStartsNoFurtherNumberAndIsTheAnswer() throws Exception {
            FutureTask<PurchaseOrder> purchase = start(parallel(2, clock.sleeper()), SEVEN.subList(0, 5), carrier((n, i) -> {
                throw new AuthenticationException("401", context);
            }));
            List<Runnable> inFlight = take(2);
            inFlight.get(0).run();
            inFlight.get(1).run();
            assertThatThrownBy(() -> result(purchase)).isInstanceOf(AuthenticationException.class);
            assertThat(tasks).isEmpty();
            assertThat(buys.keySet()).containsExactlyInAnyOrder(SEVEN.get(0), SEVEN.get(1));
        }

        @Test
        void numbersAStoppedBatchDidNotStartAreReportedNotSentAndThoseInFlightThatWereBoughtAreKept() throws Exception {
            FutureTask<PurchaseOrder> purchase = start(parallel(2, clock.sleeper()), SEVEN.subList(0, 4), carrier((n, i) -> {
                if (n.equals(SEVEN.get(0))) {
                    throw new AuthenticationException("401", context);
                }
            }));
            List<Runnable> inFlight = take(2);
            // the first number's refusal stops the batch while the second is still in flight, and buys its number
            inFlight.get(0).run();
            inFlight.get(1).run();
            PurchaseOrder order = result(purchase);
            assertThat(order.requested()).containsExactlyElementsOf(SEVEN.subList(0, 4));
            assertThat(order.purchased()).containsExactly(SEVEN.get(1));
            assertThat(order.failures()).extracting(f -> f.number()).containsExactly(SEVEN.get(0), SEVEN.get(2), SEVEN.get(3));
            assertThat(order.failures().get(1).reason()).startsWith("not sent");
            assertThat(buys.keySet()).containsExactlyInAnyOrder(SEVEN.get(0), SEVEN.get(1));
        }

        @Test
        void aRateLimitOnOneNumberHoldsBackEveryNumbersNextRequestUntilTheWaitIsOverAndIsSleptOnce() throws Exception {
            CountDownLatch sleeping = new CountDownLatch(1);
            CountDownLatch wake = new CountDownLatch(1);
            Sleeper sleeper = d -> {
                sleeping.countDown();
                wake.await();
                clock.sleeper().sleep(d);
            };
            Instant start = clock.instant();
            PhoneNumber limited = SEVEN.get(0);
            PhoneNumber other = SEVEN.get(1);
            FutureTask<PurchaseOrder> purchase = start(parallel(2, sleeper), SEVEN.subList(0, 2), carrier((n, i) -> {
                if (n.equals(limited) && i == 1) {
                    throw new RateLimitedException("429", context, Duration.ofSeconds(4));
                }
            }));
            List<Runnable> inFlight = take(2);
            Thread first = new Thread(inFlight.get(0), "limited");
            first.start();
            sleeping.await();
            // the batch is paused: the other number's task starts now, and must wait for the pause before sending
            Thread second = new Thread(inFlight.get(1), "held back");
            second.start();
            while (second.getState() != Thread.State.WAITING && !buys.containsKey(other) && second.isAlive()) {
                Thread.onSpinWait();
            }
            assertThat(buys).doesNotContainKey(other);
            wake.countDown();
            first.join();
            second.join();
            PurchaseOrder order = result(purchase);
            assertThat(order.purchased()).containsExactly(limited, other);
            assertThat(buys.get(limited)).containsExactly(start, start.plusSeconds(4));
            assertThat(buys.get(other)).containsExactly(start.plusSeconds(4));
            assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(4));
        }

        @Test
        void anExecutorThatRefusesATaskHasItRunOnTheCallersThread() {
            Reconciliation refusing = new Reconciliation(context, new Retrier(RetryPolicy.defaults(), clock.sleeper(),
                    new SplittableRandom(7)), new Reconciliation.Bulk(4, task -> {
                        throw new java.util.concurrent.RejectedExecutionException("shut down");
                    }, clock));
            PurchaseOrder order = refusing.purchaseEach(PurchaseRequest.ofNumbers(SEVEN), receipts, carrier((n, i) -> { }));
            assertThat(order.purchased()).containsExactlyElementsOf(SEVEN);
        }

        @Test
        void aConcurrencyOutsideItsBoundsIsRefused() {
            assertThatThrownBy(() -> new Reconciliation.Bulk(0, Runnable::run, clock))
                    .isInstanceOf(dev.telephony.api.error.InvalidRequestException.class);
            assertThatThrownBy(() -> new Reconciliation.Bulk(Reconciliation.Bulk.MAX_CONCURRENCY + 1, Runnable::run, clock))
                    .isInstanceOf(dev.telephony.api.error.InvalidRequestException.class);
        }
    }

    @Nested
    class Release {
        private Reconciliation.Release release(Runnable send, Supplier<Boolean> stillOwned) {
            return new Reconciliation.Release() {
                @Override
                public void send() {
                    sends.incrementAndGet();
                    send.run();
                }

                @Override
                public boolean stillOwned() {
                    return stillOwned.get();
                }
            };
        }

        @Test
        void aLostAnswerWhoseNumberIsGoneWasAReleaseAndIsNotSentAgain() {
            owned.add(NUMBER);
            reconciliation.release(NUMBER, release(() -> {
                owned.remove(NUMBER);
                throw new ProtocolException("garbled", context);
            }, () -> owned.contains(NUMBER)));
            assertThat(sends).hasValue(1);
        }

        @Test
        void aLostAnswerWhoseNumberIsStillOwnedIsTheFailure() {
            owned.add(NUMBER);
            assertThatThrownBy(() -> reconciliation.release(NUMBER, release(() -> {
                throw new ProviderUnavailableException("503", context);
            }, () -> owned.contains(NUMBER)))).isInstanceOf(ProviderUnavailableException.class);
            assertThat(sends).hasValue(1);
        }

        @Test
        void aLostAnswerThatCannotBeCheckedIsOutcomeUnknown() {
            assertThatThrownBy(() -> reconciliation.release(NUMBER, release(() -> {
                throw new ProviderUnavailableException("reset", context);
            }, () -> {
                throw new AuthenticationException("401", context);
            }))).isInstanceOfSatisfying(ReleaseOutcomeUnknownException.class,
                    e -> assertThat(e.numbers()).containsExactly(NUMBER));
        }

        @Test
        void aRateLimitIsWaitedOutAndARefusalIsThrown() {
            reconciliation.release(NUMBER, release(() -> {
                if (sends.get() == 1) {
                    throw new RateLimitedException("429", context, Duration.ofSeconds(2));
                }
            }, () -> true));
            assertThat(sends).hasValue(2);
            assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(2));
            assertThatThrownBy(() -> reconciliation.release(NUMBER, release(() -> {
                throw new AuthenticationException("401", context);
            }, () -> true))).isInstanceOf(AuthenticationException.class);
        }
    }
}
