package dev.telephony.api.spi;

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

/** Writes each event as one line, in order. */
final class RecordingListener extends TelephonyListener {
    final List<String> lines = new ArrayList<>();
    final List<Object> events = new ArrayList<>();

    @Override
    public synchronized void operationStart(OperationEvent operation) {
        lines.add("start " + operation.operation());
        events.add(operation);
    }

    @Override
    public synchronized void operationEnd(OperationEvent operation, Duration duration) {
        lines.add("end " + operation.operation() + " " + duration.toMillis());
    }

    @Override
    public synchronized void operationFailed(OperationEvent operation, Duration duration, Failure failure) {
        lines.add("failed " + operation.operation() + " " + failure.type());
        events.add(failure);
    }

    @Override
    public synchronized void requestStart(RequestEvent request) {
        lines.add("request " + request.method() + " " + request.path() + " #" + request.attempt());
    }

    @Override
    public synchronized void requestEnd(RequestEvent request, int status, Optional<String> requestId, Duration duration) {
        lines.add("answered " + status);
    }

    @Override
    public synchronized void retry(RetryEvent retry) {
        lines.add("retry " + retry.operation() + " #" + retry.attempt() + " " + retry.reason().type() + " " + retry.delay().toMillis());
        events.add(retry);
    }

    @Override
    public synchronized void reconciled(ReconciliationEvent reconciliation) {
        lines.add("reconciled " + reconciliation.write() + " " + reconciliation.conclusion());
        events.add(reconciliation);
    }

    @Override
    public synchronized void orderStatusChanged(OrderStatusEvent change) {
        lines.add("order " + change.previous().map(Enum::name).orElse("-") + " > " + change.current());
    }

    @Override
    public synchronized void portStatusChanged(PortStatusEvent change) {
        lines.add("port " + change.previous().map(Enum::name).orElse("-") + " > " + change.current());
    }
}
