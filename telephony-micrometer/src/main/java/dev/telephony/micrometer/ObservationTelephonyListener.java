package dev.telephony.micrometer;

import dev.telephony.api.event.Failure;
import dev.telephony.api.event.OperationEvent;
import dev.telephony.api.event.OrderStatusEvent;
import dev.telephony.api.event.PortStatusEvent;
import dev.telephony.api.event.ReconciliationEvent;
import dev.telephony.api.event.RequestEvent;
import dev.telephony.api.event.RetryEvent;
import dev.telephony.api.event.TelephonyListener;
import dev.telephony.micrometer.TelephonyObservation.Keys;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The library's events as Micrometer observations: register it once and every provider's service
 * calls and HTTP requests are timed (and traced, with Micrometer Tracing, requests as children of
 * their call), and retries, reconciliations and status changes are counted.
 *
 * <pre>{@code
 * TelephonyProvider telephony = Telephony.builder()
 *         .listener(new ObservationTelephonyListener(observationRegistry))
 *         .connect();
 * }</pre>
 *
 * <p>The names and keys are those of {@link TelephonyObservation}. Tags take only fixed values: provider
 * and operation names, outcomes, error types, status classes; never a phone number, an id or a secret.
 * Micrometer times observations on its own clock, not the provider's.
 */
public final class ObservationTelephonyListener extends TelephonyListener {
    private final ObservationRegistry registry;
    /** Observations under way, by the id of the event that started them. */
    private final Map<Long, Started> open = new ConcurrentHashMap<>();

    /** Records into {@code registry}. */
    public ObservationTelephonyListener(ObservationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    private record Started(Observation observation, Observation.Scope scope) {
        void stop() {
            scope.close();
            observation.stop();
        }
    }

    @Override
    public void operationStart(OperationEvent operation) {
        Observation observation = TelephonyObservation.OPERATION.observation(registry)
                .contextualName("telephony " + operation.operation())
                .lowCardinalityKeyValue(Keys.PROVIDER.withValue(operation.provider()))
                .lowCardinalityKeyValue(Keys.OPERATION.withValue(operation.operation()))
                .start();
        open.put(operation.id(), new Started(observation, observation.openScope()));
    }

    @Override
    public void operationEnd(OperationEvent operation, Duration duration) {
        end(operation.id(), observation -> observation
                .lowCardinalityKeyValue(Keys.OUTCOME.withValue("success"))
                .lowCardinalityKeyValue(Keys.ERROR.withValue("none")));
    }

    @Override
    public void operationFailed(OperationEvent operation, Duration duration, Failure failure) {
        end(operation.id(), observation -> observation
                .lowCardinalityKeyValue(Keys.OUTCOME.withValue("failure"))
                .lowCardinalityKeyValue(Keys.ERROR.withValue(failure.type())));
    }

    @Override
    public void requestStart(RequestEvent request) {
        Observation observation = TelephonyObservation.REQUEST.observation(registry)
                .contextualName("telephony " + request.method() + " " + request.path())
                .lowCardinalityKeyValue(Keys.PROVIDER.withValue(request.provider()))
                .lowCardinalityKeyValue(Keys.METHOD.withValue(request.method()))
                .highCardinalityKeyValue(Keys.PATH.withValue(request.path()))
                .highCardinalityKeyValue(Keys.ATTEMPT.withValue(String.valueOf(request.attempt())))
                .start();
        open.put(request.id(), new Started(observation, observation.openScope()));
    }

    @Override
    public void requestEnd(RequestEvent request, int status, Optional<String> requestId, Duration duration) {
        end(request.id(), observation -> {
            observation.lowCardinalityKeyValue(Keys.STATUS.withValue(status / 100 + "xx"))
                    .lowCardinalityKeyValue(Keys.OUTCOME.withValue(status < 400 ? "success" : "failure"))
                    .lowCardinalityKeyValue(Keys.ERROR.withValue("none"));
            requestId.ifPresent(id -> observation.highCardinalityKeyValue(Keys.REQUEST_ID.withValue(id)));
        });
    }

    @Override
    public void requestFailed(RequestEvent request, Duration duration, Failure failure) {
        end(request.id(), observation -> observation
                .lowCardinalityKeyValue(Keys.STATUS.withValue("none"))
                .lowCardinalityKeyValue(Keys.OUTCOME.withValue("failure"))
                .lowCardinalityKeyValue(Keys.ERROR.withValue(failure.type())));
    }

    @Override
    public void retry(RetryEvent retry) {
        TelephonyObservation.RETRY.observation(registry)
                .lowCardinalityKeyValue(Keys.PROVIDER.withValue(retry.provider()))
                .lowCardinalityKeyValue(Keys.REASON.withValue(retry.reason().type()))
                .highCardinalityKeyValue(Keys.RETRIED.withValue(retry.operation()))
                .highCardinalityKeyValue(Keys.ATTEMPT.withValue(String.valueOf(retry.attempt())))
                .highCardinalityKeyValue(Keys.DELAY.withValue(String.valueOf(retry.delay().toMillis())))
                .observe(() -> { });
    }

    @Override
    public void reconciled(ReconciliationEvent reconciliation) {
        TelephonyObservation.RECONCILIATION.observation(registry)
                .lowCardinalityKeyValue(Keys.PROVIDER.withValue(reconciliation.provider()))
                .lowCardinalityKeyValue(Keys.WRITE.withValue(lower(reconciliation.write())))
                .lowCardinalityKeyValue(Keys.CONCLUSION.withValue(lower(reconciliation.conclusion())))
                .lowCardinalityKeyValue(Keys.REASON.withValue(reconciliation.cause().type()))
                .observe(() -> { });
    }

    @Override
    public void orderStatusChanged(OrderStatusEvent change) {
        TelephonyObservation.ORDER_STATUS.observation(registry)
                .lowCardinalityKeyValue(Keys.PROVIDER.withValue(change.provider()))
                .lowCardinalityKeyValue(Keys.ORDER_STATUS.withValue(lower(change.current())))
                .observe(() -> { });
    }

    @Override
    public void portStatusChanged(PortStatusEvent change) {
        TelephonyObservation.PORT_STATUS.observation(registry)
                .lowCardinalityKeyValue(Keys.PROVIDER.withValue(change.provider()))
                .lowCardinalityKeyValue(Keys.ORDER_STATUS.withValue(lower(change.current())))
                .observe(() -> { });
    }

    private void end(long id, java.util.function.Consumer<Observation> outcome) {
        Started started = open.remove(id);
        if (started != null) {
            outcome.accept(started.observation());
            started.stop();
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "ObservationTelephonyListener[" + registry + "]";
    }
}
