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

/** The bulk-concurrency key, who declares it, and the threads a client runs work beside its caller on. */
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
    void aProviderThatBuysByOrderDeclaresNoBulkConcurrencyAndGetsTheDefaultSettings() {
        assertThat(HttpConfig.keys()).extracting(k -> k.name()).contains(HttpConfig.BULK_CONCURRENCY);
        assertThat(HttpConfig.keysForOrders()).extracting(k -> k.name()).doesNotContain(HttpConfig.BULK_CONCURRENCY)
                .containsExactlyElementsOf(HttpConfig.keys().stream().map(k -> k.name())
                        .filter(name -> !name.equals(HttpConfig.BULK_CONCURRENCY)).toList());
        ProviderConfig byOrder = ProviderConfig.of("acme", HttpConfig.keysForOrders(), Map.of(HttpConfig.MAX_CONNECTIONS, "7"),
                clock, clock.sleeper());
        assertThat(byOrder.declares(HttpConfig.BULK_CONCURRENCY)).isFalse();
        assertThat(byOrder.declares(HttpConfig.MAX_CONNECTIONS)).isTrue();
        HttpSettings settings = HttpConfig.settings(byOrder);
        assertThat(settings.maxConnections()).isEqualTo(7);
        assertThat(settings.bulkConcurrency()).isEqualTo(HttpSettings.DEFAULT_BULK_CONCURRENCY);
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
