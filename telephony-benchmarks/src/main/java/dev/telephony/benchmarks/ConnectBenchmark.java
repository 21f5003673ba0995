package dev.telephony.benchmarks;

import dev.telephony.api.Telephony;
import dev.telephony.api.TelephonyProvider;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 4. {@code Telephony.connect} in a fresh JVM with every provider on the classpath: one call per JVM,
 * measured over several forks.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ConnectBenchmark {
    @Benchmark
    public TelephonyProvider connectAfterJvmStart() {
        return connect();
    }

    /** The connect both connect benchmarks measure, and the archive's training run makes. */
    static TelephonyProvider connect() {
        return Telephony.builder().provider("signalwire")
                .config(Map.of("base-url", "http://127.0.0.1:9", "project-id", "p", "api-token", Fixture.TOKEN)).connect();
    }
}
