package dev.telephony.benchmarks;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.composite.CompositeProvider;
import dev.telephony.signalwire.SignalWireProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * 7. A composite's search over three SignalWire members whose carriers answer after a fixed delay each
 * (40, 60 and 80 ms, slept by the server): the fan-out should take about the slowest member's time, not
 * the sum. Compared with the slowest member asked alone, and with the three asked one after another.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompositeBenchmark {
    /** What the others are compared with: the slowest member alone. */
    static final String REFERENCE = "CompositeBenchmark.slowestMemberAlone";
    static final int[] DELAYS_MILLIS = {40, 60, 80};
    static final NumberSearch SEARCH = NumberSearch.builder().country("US").areaCode("212").limit(30).build();

    CannedServer[] servers;
    TelephonyProvider[] members;
    TelephonyProvider[] alone;
    CompositeProvider composite;

    @Setup(Level.Trial)
    public void start() throws IOException {
        int count = DELAYS_MILLIS.length;
        servers = new CannedServer[count];
        members = new TelephonyProvider[count];
        alone = new TelephonyProvider[count];
        byte[] answer = Wire.signalWireSearch(10).getBytes(StandardCharsets.UTF_8);
        CompositeProvider.Builder builder = CompositeProvider.builder().memberTimeout(Duration.ofSeconds(5));
        for (int i = 0; i < count; i++) {
            long delay = DELAYS_MILLIS[i];
            servers[i] = new CannedServer(4).generate(Wire.SW_NUMBERS + "/search", uri -> {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return answer;
            });
            members[i] = provider(servers[i]);
            alone[i] = provider(servers[i]);
            builder.member("carrier-" + (i + 1), members[i]);
        }
        composite = builder.build();
    }

    private static TelephonyProvider provider(CannedServer server) {
        return SignalWireProvider.builder().baseUrl(server.base()).projectId("bench-project").apiToken(Fixture.TOKEN).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        composite.close();
        for (int i = 0; i < servers.length; i++) {
            alone[i].close();
            servers[i].close();
        }
    }

    @Benchmark
    public List<AvailableNumber> fanOutSearch() {
        List<AvailableNumber> offers = composite.inventory().search(SEARCH);
        if (offers.isEmpty()) {
            throw new IllegalStateException("the composite found nothing");
        }
        return offers;
    }

    @Benchmark
    public int membersOneAfterAnother() {
        int found = 0;
        for (TelephonyProvider member : alone) {
            found += member.inventory().search(SEARCH).size();
        }
        return found;
    }

    @Benchmark
    public List<AvailableNumber> slowestMemberAlone() {
        return alone[alone.length - 1].inventory().search(SEARCH);
    }
}
