package dev.telephony.api.spi;

import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.error.TelephonyException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a purchase without ever buying twice. A rate limit means nothing was done, so the purchase is
 * sent again after the wait. An ambiguous failure (time-out, reset, server error, unreadable answer)
 * may hide a purchase the carrier made, so the account's numbers are read first: what is owned now
 * is answered from that truth, and only a purchase known to have bought nothing is sent again. When
 * the truth cannot be read, {@link PurchaseOutcomeUnknownException} says what is known.
 */
public final class PurchaseGuard {
    private static final Logger log = LoggerFactory.getLogger(PurchaseGuard.class);

    private final String provider;
    private final Retrier retrier;

    public PurchaseGuard(String provider, Retrier retrier) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.retrier = Objects.requireNonNull(retrier, "retrier");
    }

    /**
     * Buys {@code request}.
     *
     * @param send      sends the purchase once
     * @param ownedNow  which of the given numbers the account owns now (an idempotent read)
     * @param fromTruth the order to answer when a failed send turns out to have bought {@code owned}
     */
    public PurchaseOrder purchase(PurchaseRequest request, Function<PurchaseRequest, PurchaseOrder> send,
                                  Function<List<PhoneNumber>, Set<PhoneNumber>> ownedNow,
                                  BiFunction<PurchaseRequest, Set<PhoneNumber>, PurchaseOrder> fromTruth) {
        int maxSends = retrier.policy().maxAttempts();
        for (int sent = 1; ; sent++) {
            try {
                return send.apply(request);
            } catch (RateLimitedException e) {
                java.util.Optional<Duration> wait = retrier.delayAfter(sent, e);
                if (sent >= maxSends || wait.isEmpty()) {
                    throw e;
                }
                Duration delay = wait.get();
                log.debug("purchase rate limited by {}, sending again in {} ms", provider, delay.toMillis());
                retrier.pause(delay, e);
            } catch (ProviderUnavailableException | ProtocolException e) {
                Set<PhoneNumber> owned = establishTruth(request, ownedNow, e);
                if (!owned.isEmpty()) {
                    log.info("purchase at {} failed ambiguously ({}); the account owns {} of {}: answering from that",
                            provider, e.getClass().getSimpleName(), owned.size(), request.numbers().size());
                    return fromTruth.apply(request, owned);
                }
                if (sent >= maxSends || !(e instanceof ProviderUnavailableException unavailable)) {
                    throw e;
                }
                Duration delay = retrier.delayAfter(sent, unavailable).orElse(Duration.ZERO);
                log.info("purchase at {} failed ({}) and bought nothing; sending again in {} ms", provider,
                        e.getClass().getSimpleName(), delay.toMillis());
                retrier.pause(delay, e);
            }
        }
    }

    private Set<PhoneNumber> establishTruth(PurchaseRequest request,
                                           Function<List<PhoneNumber>, Set<PhoneNumber>> ownedNow,
                                           TelephonyException failure) {
        try {
            return Set.copyOf(retrier.call("check purchase outcome", () -> ownedNow.apply(request.numbers())));
        } catch (TelephonyException unreadable) {
            failure.addSuppressed(unreadable);
            throw new PurchaseOutcomeUnknownException(request.numbers(), List.of(), null,
                    ErrorContext.of(provider), failure);
        }
    }
}
