package dev.telephony.benchmarks;

import dev.telephony.api.ListQuery;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.signalwire.SignalWireProvider;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** 3. Listing up to 1,000,000 owned numbers through lazy paging in a 64 MB heap. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class ListingBenchmark {
    @Param({"250000", "1000000"})
    public int numbers;

    CannedServer server;
    TelephonyProvider provider;

    @Setup(Level.Trial)
    public void start() throws IOException {
        int total = numbers;
        server = new CannedServer(2).generate(Wire.SW_NUMBERS, uri -> Wire.generatedSignalWirePage(uri, total));
        provider = SignalWireProvider.builder().baseUrl(server.base()).projectId("bench-project").apiToken(Fixture.TOKEN).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        provider.close();
        server.close();
    }

    @Benchmark
    public long listEveryNumber() {
        long count = provider.inventory().list(ListQuery.builder().pageSize(1000).build()).stream().count();
        if (count != numbers) {
            throw new IllegalStateException("listed " + count + " of " + numbers);
        }
        return count;
    }
}
