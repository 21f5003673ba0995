package dev.telephony.api.error;

import java.time.Duration;
import java.util.Optional;

/** The provider asked us to slow down (HTTP 429 or equivalent), possibly saying for how long. */
public class RateLimitedException extends RetryableException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(String reason, ErrorContext context, Duration retryAfter) {
        super(reason, context, null);
        this.retryAfter = retryAfter;
    }

    /** How long the provider asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
