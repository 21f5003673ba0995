package dev.telephony.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.api.Sleeper;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.OperationTimeoutException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.spi.Retrier;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Following Azure's long-running operations ({@code GET /phoneNumbers/operations/{id}}) on the injected
 * clock, against one deadline that bounds the whole wait: the polls, the pauses between them and the
 * waits after a rate limit or an outage alike. A poll that fails with a rate limit or an outage is
 * repeated (the same operation is polled again, the write that started it is never sent again) within
 * the retry policy's budget. A status Azure does not document is a protocol error, not "still running".
 */
final class AzureOperations {
    /** An operation's status, as Azure documents it. */
    enum Status {
        NOT_STARTED, RUNNING, SUCCEEDED, FAILED;

        static Status of(JsonNode operation, AzureErrors errors) {
            String status = operation.path("status").asText("");
            return switch (status.toLowerCase(Locale.ROOT)) {
                case "notstarted" -> NOT_STARTED;
                case "running" -> RUNNING;
                case "succeeded" -> SUCCEEDED;
                case "failed" -> FAILED;
                default -> throw new ProtocolException("Azure's operation " + AzureErrors.shorten(operation.path("id").asText("?"))
                        + " reports status '" + AzureErrors.shorten(status) + "', which Azure does not document", errors.context());
            };
        }

        boolean done() {
            return this == SUCCEEDED || this == FAILED;
        }
    }

    private final AzureResources resources;
    private final AzureErrors errors;
    private final Retrier retrier;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration pollInterval;

    AzureOperations(AzureResources resources, AzureErrors errors, Retrier retrier, Clock clock, Sleeper sleeper, Duration pollInterval) {
        this.resources = resources;
        this.errors = errors;
        this.retrier = retrier;
        this.clock = clock;
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
    }

    /**
     * Polls operation {@code operationId} until it succeeds or fails, and returns it. Azure no longer
     * knowing the operation is a protocol error: it was accepted, so it must be there.
     *
     * @throws OperationTimeoutException when it is still running at the deadline
     */
    JsonNode finish(String what, String operationId, Duration timeout) {
        return await(what + " (operation " + operationId + ")", timeout, pollInterval, () -> {
            JsonNode operation = resources.operation(operationId).orElseThrow(() -> new ProtocolException(
                    "Azure no longer knows the operation " + AzureErrors.shorten(operationId) + " of the " + what + " it accepted",
                    errors.context().withHttpStatus(404)));
            Status.of(operation, errors);
            return operation;
        }, op -> Status.of(op, errors).done(), op -> op.path("status").asText());
    }

    /**
     * Polls {@code poll} every {@code interval} until {@code done} holds, on the injected clock, all
     * within {@code timeout}.
     * A poll failing with a rate limit or an outage is repeated within the retry budget and the
     * deadline; any other failure ends the wait.
     *
     * @throws OperationTimeoutException when the deadline passes first
     */
    <S> S await(String id, Duration timeout, Duration interval, Supplier<S> poll, Predicate<S> done, Function<S, String> describe) {
        Instant deadline = deadline(timeout);
        String last = "not read yet";
        int failures = 0;
        while (true) {
            Duration pause;
            try {
                S state = poll.get();
                if (done.test(state)) {
                    return state;
                }
                last = describe.apply(state);
                failures = 0;
                pause = interval;
            } catch (RateLimitedException | ProviderUnavailableException failure) {
                failures++;
                Optional<Duration> wait = retrier.delayAfter(failures, failure);
                if (failures >= retrier.policy().maxAttempts() || wait.isEmpty()) {
                    throw failure;
                }
                pause = wait.get();
                last = last + ", then " + failure.getClass().getSimpleName();
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isZero() || left.isNegative()) {
                throw new OperationTimeoutException(id, last, errors.context());
            }
            try {
                sleeper.sleep(pause.compareTo(left) > 0 ? left : pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationTimeoutException(id, last + ", interrupted", errors.context());
            }
        }
    }

    /** Now plus {@code timeout}, refusing a negative one and saturating at the end of time instead of overflowing. */
    Instant deadline(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw InvalidRequestException.of("timeout", "must be zero or positive, was " + timeout);
        }
        Instant now = clock.instant();
        try {
            return now.plus(timeout);
        } catch (DateTimeException | ArithmeticException tooFar) {
            return Instant.MAX;
        }
    }
}
