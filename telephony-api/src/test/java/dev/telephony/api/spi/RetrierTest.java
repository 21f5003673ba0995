package dev.telephony.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.RateLimitedException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {
    private final TestClock clock = new TestClock();
    private final Retrier retrier = new Retrier(RetryPolicy.defaults(), clock.sleeper(), new SplittableRandom(1));
    private final ErrorContext context = ErrorContext.of("test");

    @Test
    void honoursRetryAfter() {
        AtomicInteger calls = new AtomicInteger();
        String result = retrier.call("read", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new RateLimitedException("slow down", context, Duration.ofSeconds(9));
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(9));
    }

    @Test
    void givesUpAfterTheBoundWithGrowingJitteredBackoff() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call("read", () -> {
            calls.incrementAndGet();
            throw new ProviderUnavailableException("503", context);
        })).isInstanceOf(ProviderUnavailableException.class);
        assertThat(calls).hasValue(4);
        assertThat(clock.sleeps).hasSize(3);
        // each wait lies between half and all of 250 ms, 500 ms, 1 s
        long[] caps = {250, 500, 1000};
        for (int i = 0; i < 3; i++) {
            assertThat(clock.sleeps.get(i).toMillis()).isBetween(caps[i] / 2, caps[i]);
        }
    }

    @Test
    void doesNotRetryWhatRetryingCannotCure() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call("read", () -> {
            calls.incrementAndGet();
            throw new AuthenticationException("no", context);
        })).isInstanceOf(AuthenticationException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void doesNotSitThroughAnOverlongRetryAfter() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call("read", () -> {
            calls.incrementAndGet();
            throw new RateLimitedException("come back tomorrow", context, Duration.ofHours(24));
        })).isInstanceOf(RateLimitedException.class);
        assertThat(calls).hasValue(1);
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void backoffIsCappedAtTheMaximum() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMinutes(1));
        Retrier capped = new Retrier(policy, clock.sleeper(), new SplittableRandom(3));
        for (int attempt = 1; attempt <= 9; attempt++) {
            assertThat(capped.delayAfter(attempt, new ProviderUnavailableException("x", context)).orElseThrow().toMillis())
                    .isLessThanOrEqualTo(4000);
        }
    }

    @Test
    void policiesRefuseWaitsThatCouldOverflowTheBackoff() {
        Duration day = RetryPolicy.MAX_WAIT;
        new RetryPolicy(20, day, day, day);
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("retryPolicy.maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(4, Duration.ofSeconds(Long.MAX_VALUE), day, day))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("retryPolicy.initialBackoff");
        assertThatThrownBy(() -> new RetryPolicy(4, day, Duration.ofMillis(-1), day))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("retryPolicy.maxBackoff");
        assertThatThrownBy(() -> new RetryPolicy(4, day, day, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("retryPolicy.maxRetryAfter");
    }

    @Test
    void theLongestPolicyBacksOffWithoutOverflowOnAnyAttempt() {
        Duration day = RetryPolicy.MAX_WAIT;
        Retrier longest = new Retrier(new RetryPolicy(20, day, day, day), clock.sleeper(), new SplittableRandom(5));
        for (int attempt : new int[] {Integer.MIN_VALUE, -1, 0, 1, 2, 20, 21, 64, Integer.MAX_VALUE}) {
            assertThat(longest.delayAfter(attempt, new ProviderUnavailableException("x", context)).orElseThrow())
                    .as("attempt " + attempt).isBetween(Duration.ZERO, day);
        }
    }

    @Test
    void aRetryAfterInThePastIsNoWait() {
        assertThat(retrier.delayAfter(1, new RateLimitedException("now", context, Duration.ofSeconds(-30)))).contains(Duration.ZERO);
    }
}
