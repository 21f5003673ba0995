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
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
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
