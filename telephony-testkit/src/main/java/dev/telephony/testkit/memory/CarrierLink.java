package dev.telephony.testkit.memory;

import dev.telephony.api.Secret;
import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.FieldError;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.api.spi.Retrier;
import dev.telephony.testkit.carrier.CarrierRejection;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory provider's "wire": every call is one request to the carrier state, counted, subject
 * to the carrier's injected faults and credential check, and logged by the same allow-list a real
 * provider logs (operation, outcome, duration, request id; never a credential).
 */
final class CarrierLink {
    private static final Logger log = LoggerFactory.getLogger(CarrierLink.class);

    private final String provider;
    private final CarrierState carrier;
    private final Secret token;
    private final Clock clock;
    private final Retrier retrier;
    private final Reconciliation reconciliation;
    private final AtomicLong requestIds = new AtomicLong();

    CarrierLink(String provider, CarrierState carrier, Secret token, Clock clock, Retrier retrier) {
        this.provider = provider;
        this.carrier = carrier;
        this.token = token;
        this.clock = clock;
        this.retrier = retrier;
        this.reconciliation = new Reconciliation(ErrorContext.of(provider), retrier);
    }

    /** How this provider's purchases and releases are sent and reconciled. */
    Reconciliation reconciliation() {
        return reconciliation;
    }

    String provider() {
        return provider;
    }

    CarrierState carrier() {
        return carrier;
    }

    Retrier retrier() {
        return retrier;
    }

    ErrorContext context() {
        return ErrorContext.of(provider);
    }

    /** An idempotent read, retried under the retry policy. */
    <T> T read(String operation, Supplier<T> action) {
        return retrier.call(operation, () -> send(RequestKind.READ, operation, action));
    }

    /** One request to the carrier, never retried here. */
    <T> T send(RequestKind kind, String operation, Supplier<T> action) {
        String requestId = "mem-" + requestIds.incrementAndGet();
        long started = clock.millis();
        carrier.recordRequest(kind);
        ErrorContext context = context().withRequestId(requestId);
        String outcome = "ok";
        try {
            if (!carrier.accepts(token == null ? null : token.reveal())) {
                throw new AuthenticationException("the carrier refused the credentials", context.withHttpStatus(401));
            }
            Optional<Fault> fault = carrier.faults().next(kind);
            if (fault.isPresent() && !fault.get().kind().commits()) {
                throw before(fault.get(), context);
            }
            T result = perform(action, context);
            if (fault.isPresent()) {
                throw after(fault.get(), context);
            }
            return result;
        } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName();
            throw e;
        } finally {
            log.debug("{} {} -> {} in {} ms [requestId={}]", kind, operation, outcome, clock.millis() - started, requestId);
        }
    }

    private static <T> T perform(Supplier<T> action, ErrorContext context) {
        try {
            return action.get();
        } catch (CarrierRejection rejection) {
            throw switch (rejection.reason()) {
                case NOT_FOUND -> new NotFoundException(rejection.getMessage(), context.withHttpStatus(404));
                case NOT_AVAILABLE -> new dev.telephony.api.error.NumberNotAvailableException(List.of(), context.withHttpStatus(409), rejection);
                case CONFLICT -> new ConflictException(rejection.getMessage(), context.withHttpStatus(409));
                case INVALID -> new InvalidRequestException(List.of(new FieldError("request", rejection.getMessage())),
                        context.withHttpStatus(422));
            };
        }
    }

    private static RuntimeException before(Fault fault, ErrorContext context) {
        return switch (fault.kind()) {
            case UNAUTHORIZED -> new AuthenticationException("the carrier refused the credentials", context.withHttpStatus(401));
            case RATE_LIMITED -> new RateLimitedException("the carrier asked us to slow down", context.withHttpStatus(429),
                    fault.retryAfter().orElse(null));
            case SERVER_ERROR -> new ProviderUnavailableException("the carrier answered with a server error",
                    context.withHttpStatus(fault.status()));
            default -> throw new IllegalStateException("not a fault before the request: " + fault);
        };
    }

    private static RuntimeException after(Fault fault, ErrorContext context) {
        return switch (fault.kind()) {
            case MALFORMED_BODY, MUTATED_ANSWER -> new ProtocolException("the carrier's answer could not be parsed: '<<<garbage'",
                    context.withHttpStatus(200));
            case TIMEOUT_AFTER_COMMIT -> new ProviderUnavailableException("the carrier did not answer in time", context);
            case RESET_AFTER_COMMIT -> new ProviderUnavailableException("the connection was reset before the answer", context);
            default -> throw new IllegalStateException("not a fault after the request: " + fault);
        };
    }
}
