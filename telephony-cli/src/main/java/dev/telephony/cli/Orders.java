package dev.telephony.cli;

import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.error.OperationTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Showing purchase orders, and waiting for one with progress on stderr. */
final class Orders {
    /** The first progress report comes after this long; the pause doubles up to {@link #LONGEST_STEP}. */
    private static final Duration FIRST_STEP = Duration.ofSeconds(1);
    private static final Duration LONGEST_STEP = Duration.ofSeconds(15);

    private Orders() {
    }

    /**
     * Waits for a PENDING order at the provider's pace ({@link NumberPurchaser#await}), reporting on
     * stderr as it goes. {@code timeout} bounds the whole wait; running out returns the order as it
     * stands (still PENDING) and cancels nothing: the purchase was sent, so it must not look worth retrying.
     */
    static PurchaseOrder await(NumberPurchaser purchaser, PurchaseOrder order, Duration timeout, Clock clock, Output output) {
        if (order.isTerminal()) {
            return order;
        }
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        output.note("order " + order.id() + " is " + order.status() + "; waiting up to " + Converters.format(timeout));
        Duration step = FIRST_STEP;
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            Duration chunk = left.isNegative() ? Duration.ZERO : left.compareTo(step) < 0 ? left : step;
            try {
                PurchaseOrder done = purchaser.await(order.id(), chunk);
                output.note("order " + done.id() + " is " + done.status() + " after "
                        + Converters.format(Duration.between(start, clock.instant())));
                return done;
            } catch (OperationTimeoutException e) {
                if (!clock.instant().isBefore(deadline)) {
                    output.note("gave up waiting after " + Converters.format(timeout) + "; the order goes on");
                    return purchaser.order(order.id()).orElse(order);
                }
                output.note("  still " + e.lastKnownState() + " after " + Converters.format(Duration.between(start, clock.instant())));
                step = step.multipliedBy(2).compareTo(LONGEST_STEP) > 0 ? LONGEST_STEP : step.multipliedBy(2);
            }
        }
    }

    /** Prints the order: JSON, or a label/value block. */
    static void print(PurchaseOrder order, Output output) {
        if (output.json()) {
            output.json(Json.order(order));
            return;
        }
        List<Map.Entry<String, String>> lines = Output.lines();
        lines.add(Output.entry("order", order.id()));
        lines.add(Output.entry("status", order.status().name()));
        lines.add(Output.entry("requested", numbers(order.requested())));
        lines.add(Output.entry("bought", numbers(order.purchased())));
        order.failures().forEach(f -> lines.add(Output.entry("not bought", f.number() + ": " + f.reason())));
        order.details().ifPresent(d -> lines.add(Output.entry("details", d)));
        order.reference().ifPresent(r -> lines.add(Output.entry("reference", r)));
        order.createdAt().ifPresent(t -> lines.add(Output.entry("created", Output.time(t))));
        order.attributes().forEach((k, v) -> lines.add(Output.entry(k, v)));
        output.details(lines);
    }

    /**
     * Prints the order and the hint or failure that goes with its status; returns the exit code:
     * {@link ExitCodes#PENDING} when a wait ran out on a pending order.
     */
    static int finish(PurchaseOrder order, Output output, boolean waited) {
        print(order, output);
        if (order.status() == PurchaseStatus.PENDING) {
            output.note("follow it with: telephony order " + order.id() + " --wait");
            if (waited) {
                return ExitCodes.PENDING;
            }
        }
        if (order.status() == PurchaseStatus.FAILED || order.status() == PurchaseStatus.CANCELLED) {
            throw new ExitCodes.RefusedException("order " + order.id() + " is " + order.status() + ": "
                    + order.details().orElse(order.failures().isEmpty() ? "nothing was bought"
                    : order.failures().stream().map(f -> f.number() + " " + f.reason()).collect(Collectors.joining("; "))));
        }
        return ExitCodes.OK;
    }

    private static String numbers(List<PhoneNumber> numbers) {
        return numbers.stream().map(PhoneNumber::e164).collect(Collectors.joining(" "));
    }
}
