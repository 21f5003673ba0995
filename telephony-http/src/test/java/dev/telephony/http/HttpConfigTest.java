package dev.telephony.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.spi.ProviderConfig;
import dev.telephony.testkit.time.ManualClock;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** The bulk-concurrency key and the threads a client runs work beside its caller on. */
class HttpConfigTest {
    private final ManualClock clock = ManualClock.standard();

    private HttpSettings settings(Map<String, String> values) {
        return HttpConfig.settings(ProviderConfig.of("acme", HttpConfig.keys(), values, clock, clock.sleeper()));
    }

    @Test
    void bulkConcurrencyIsTenByDefaultAndConfigurableWithinItsBounds() {
        assertThat(settings(Map.of()).bulkConcurrency()).isEqualTo(HttpSettings.DEFAULT_BULK_CONCURRENCY).isEqualTo(10);
        assertThat(settings(Map.of(HttpConfig.BULK_CONCURRENCY, "3")).bulkConcurrency()).isEqualTo(3);
        assertThatThrownBy(() -> settings(Map.of(HttpConfig.BULK_CONCURRENCY, "0")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(HttpConfig.BULK_CONCURRENCY);
        assertThatThrownBy(() -> settings(Map.of(HttpConfig.BULK_CONCURRENCY, "1001")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(HttpConfig.BULK_CONCURRENCY);
    }

    @Test
    void aClientRunsWorkBesideItsCallerOnItsOwnThreadsAndRefusesMoreOnceClosed() throws Exception {
        RestClient client = RestClient.builder("acme", URI.create("http://127.0.0.1:9")).clock(clock).sleeper(clock.sleeper()).build();
        CompletableFuture<String> ranOn = new CompletableFuture<>();
        client.executor().execute(() -> ranOn.complete(Thread.currentThread().getName()));
        assertThat(ranOn.get()).startsWith("telephony-acme-");
        client.close();
        assertThatThrownBy(() -> client.executor().execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void aCallersExecutorIsUsedInsteadAndNeverShutDown() {
        java.util.List<Runnable> given = new java.util.ArrayList<>();
        RestClient client = RestClient.builder("acme", URI.create("http://127.0.0.1:9")).executor(given::add).build();
        client.executor().execute(() -> { });
        client.close();
        client.executor().execute(() -> { });
        assertThat(given).hasSize(2);
    }
}
