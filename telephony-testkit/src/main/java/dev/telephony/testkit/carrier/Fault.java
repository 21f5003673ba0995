package dev.telephony.testkit.carrier;

import dev.telephony.testkit.wire.AnswerMutation;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure the carrier produces instead of (or after) serving a request. Each simulator turns it
 * into its own wire form (a 401 body, a 429 with {@code Retry-After}, a dropped connection, …); the
 * in-memory provider raises the matching error directly.
 *
 * @param kind       what goes wrong
 * @param retryAfter for {@link Kind#RATE_LIMITED}: the wait the carrier asks for
 * @param status     for {@link Kind#SERVER_ERROR}: the 5xx status
 * @param mutation   for {@link Kind#MUTATED_ANSWER}: how the carrier's answer is spoiled
 */
public record Fault(Kind kind, Optional<Duration> retryAfter, int status, Optional<AnswerMutation> mutation) {
    /** What goes wrong. */
    public enum Kind {
        /** The credentials are refused (401); nothing is done. */
        UNAUTHORIZED,
        /** Too many requests (429), nothing is done. */
        RATE_LIMITED,
        /** A server error (5xx); nothing is done. */
        SERVER_ERROR,
        /** The request is carried out, but the answer is unparseable. */
        MALFORMED_BODY,
        /** The request is carried out, then the answer never arrives (the client times out). */
        TIMEOUT_AFTER_COMMIT,
        /** The request is carried out, then the connection is reset before the answer. */
        RESET_AFTER_COMMIT,
        /**
         * The request is carried out, and its answer is spoiled by an {@link AnswerMutation} (truncated,
         * wrong types, an error body with status 200, …). Simulators apply it to their real answer; the
         * in-memory provider, which has no wire, takes it as an unreadable answer.
         */
        MUTATED_ANSWER;

        /** Whether the carrier carries the request out before failing. */
        public boolean commits() {
            return this == MALFORMED_BODY || this == TIMEOUT_AFTER_COMMIT || this == RESET_AFTER_COMMIT || this == MUTATED_ANSWER;
        }
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(mutation, "mutation");
    }

    private Fault(Kind kind, Optional<Duration> retryAfter, int status) {
        this(kind, retryAfter, status, Optional.empty());
    }

    /** The carrier acts, then answers what {@code mutation} makes of its answer. */
    public static Fault mutatedAnswer(AnswerMutation mutation) {
        return new Fault(Kind.MUTATED_ANSWER, Optional.empty(), 0, Optional.of(mutation));
    }

    public static Fault unauthorized() {
        return new Fault(Kind.UNAUTHORIZED, Optional.empty(), 401);
    }

    public static Fault rateLimited(Duration retryAfter) {
        return new Fault(Kind.RATE_LIMITED, Optional.of(retryAfter), 429);
    }

    public static Fault serverError() {
        return new Fault(Kind.SERVER_ERROR, Optional.empty(), 503);
    }

    public static Fault malformedBody() {
        return new Fault(Kind.MALFORMED_BODY, Optional.empty(), 200);
    }

    public static Fault timeoutAfterCommit() {
        return new Fault(Kind.TIMEOUT_AFTER_COMMIT, Optional.empty(), 0);
    }

    public static Fault resetAfterCommit() {
        return new Fault(Kind.RESET_AFTER_COMMIT, Optional.empty(), 0);
    }
}
