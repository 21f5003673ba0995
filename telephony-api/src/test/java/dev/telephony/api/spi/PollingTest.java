package dev.telephony.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.OperationTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollingTest {
    private final TestClock clock = new TestClock();
    private final Polling polling = new Polling(clock, clock.sleeper(), ErrorContext.of("test"));

    @Test
    void pollsAtTheProvidersPaceUntilDone() {
        AtomicInteger polls = new AtomicInteger();
        int result = polling.await("op-1", Duration.ofMinutes(1), polls::incrementAndGet, n -> n == 4,
                n -> Duration.ofSeconds(5), String::valueOf);
        assertThat(result).isEqualTo(4);
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void theTimeoutBoundsTheWholeWaitNotEachPoll() {
        AtomicInteger polls = new AtomicInteger();
        var started = clock.instant();
        assertThatThrownBy(() -> polling.await("op-2", Duration.ofSeconds(12), polls::incrementAndGet, n -> false,
                n -> Duration.ofSeconds(5), n -> "poll " + n))
                .isInstanceOfSatisfying(OperationTimeoutException.class, e -> {
                    assertThat(e.operationId()).isEqualTo("op-2");
                    assertThat(e.lastKnownState()).isEqualTo("poll 4");
                    assertThat(e.getMessage()).contains("nothing was cancelled");
                });
        assertThat(Duration.between(started, clock.instant())).isEqualTo(Duration.ofSeconds(12));
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    @Test
    void aDoneStateNeedsNoWait() {
        assertThat(polling.await("op-3", Duration.ZERO, () -> "done", s -> true, s -> Duration.ofSeconds(1), s -> s))
                .isEqualTo("done");
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void aHugeTimeoutDoesNotOverflowTheDeadline() {
        AtomicInteger polls = new AtomicInteger();
        int result = polling.await("op-4", Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), polls::incrementAndGet, n -> n == 3,
                n -> Duration.ofSeconds(5), String::valueOf);
        assertThat(result).isEqualTo(3);
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void aNegativeOrMissingTimeoutIsRefusedBeforeAnyPoll() {
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> polling.await("op-5", Duration.ofSeconds(-1), polls::incrementAndGet, n -> true,
                n -> Duration.ofSeconds(5), String::valueOf))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> polling.await("op-5", null, polls::incrementAndGet, n -> true, n -> Duration.ofSeconds(5),
                String::valueOf))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("timeout");
        assertThat(polls).hasValue(0);
    }
}
