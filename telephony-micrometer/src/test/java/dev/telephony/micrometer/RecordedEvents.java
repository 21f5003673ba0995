package dev.telephony.micrometer;

import dev.telephony.api.event.Failure;
import dev.telephony.api.event.OperationEvent;
import dev.telephony.api.event.OrderStatusEvent;
import dev.telephony.api.event.PortStatusEvent;
import dev.telephony.api.event.ReconciliationEvent;
import dev.telephony.api.event.RequestEvent;
import dev.telephony.api.event.RetryEvent;
import dev.telephony.api.event.TelephonyListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every event a provider reports, each as one line and as the event values themselves. */
public final class RecordedEvents extends TelephonyListener {
    private final List<String> lines = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Every value an event carried, for secret checks. */
    public synchronized List<Object> values() {
        return List.copyOf(values);
    }

    /** Forgets what was recorded so far. */
    public synchronized void clear() {
        lines.clear();
        values.clear();
    }

    private synchronized void add(String line, Object... carried) {
        lines.add(line);
        values.addAll(List.of(carried));
    }

    @Override
    public void operationStart(OperationEvent operation) {
        add("start " + operation.operation(), operation);
    }

    @Override
    public void operationEnd(OperationEvent operation, Duration duration) {
        add("end " + operation.operation(), operation, duration);
    }

    @Override
    public void operationFailed(OperationEvent operation, Duration duration, Failure failure) {
        add("failed " + operation.operation() + " " + failure.type(), operation, duration, failure);
    }

    @Override
    public void requestStart(RequestEvent request) {
        add("request " + request.method() + " " + request.path() + " #" + request.attempt(), request);
    }

    @Override
    public void requestEnd(RequestEvent request, int status, Optional<String> requestId, Duration duration) {
        add("answered " + status + (requestId.isPresent() ? " with request id" : ""), request, status, requestId, duration);
    }

    @Override
    public void requestFailed(RequestEvent request, Duration duration, Failure failure) {
        add("no answer " + failure.type(), request, duration, failure);
    }

    @Override
    public void retry(RetryEvent retry) {
        add("retry " + retry.operation() + " after #" + retry.attempt() + " " + retry.reason().type(), retry);
    }

    @Override
    public void reconciled(ReconciliationEvent reconciliation) {
        add("reconciled " + reconciliation.write() + " " + reconciliation.conclusion(), reconciliation);
    }

    @Override
    public void orderStatusChanged(OrderStatusEvent change) {
        add("order " + change.previous().map(Enum::name).orElse("-") + " > " + change.current(), change);
    }

    @Override
    public void portStatusChanged(PortStatusEvent change) {
        add("port " + change.previous().map(Enum::name).orElse("-") + " > " + change.current(), change);
    }
}
