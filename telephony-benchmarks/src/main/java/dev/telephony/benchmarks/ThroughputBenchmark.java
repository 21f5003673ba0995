package dev.telephony.benchmarks;

import dev.telephony.api.OwnedNumber;
import java.io.IOException;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.Threads;

/** 2. Throughput of {@code get} with 64 concurrent callers, library against the floor. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(64)
public class ThroughputBenchmark {
    Fixture fixture;

    @Setup(Level.Trial)
    public void start() throws IOException {
        fixture = new Fixture(16);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        fixture.close();
    }

    @Benchmark
    public Optional<OwnedNumber> signalWireGet() {
        return fixture.signalWire.inventory().get(CallCostBenchmark.NUMBER);
    }

    @Benchmark
    public String signalWireGetFloor() throws IOException {
        return fixture.floorGet(Wire.SW_NUMBERS + "?filter_number=%2B12125550100&page_size=1000", "data", "number");
    }
}
