package dev.telephony.benchmarks;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import java.io.IOException;
import java.util.List;
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

/** 1. Per-call cost of {@code get} and a 100-result search, library against the hand-written floor. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallCostBenchmark {
    static final PhoneNumber NUMBER = PhoneNumber.of(Wire.NUMBER);
    static final NumberSearch SEARCH = NumberSearch.builder().country("US").areaCode("212").limit(100).build();
    Fixture fixture;

    @Setup(Level.Trial)
    public void start() throws IOException {
        fixture = new Fixture(4);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        fixture.close();
    }

    @Benchmark
    public Optional<OwnedNumber> signalWireGet() {
        return fixture.signalWire.inventory().get(NUMBER);
    }

    @Benchmark
    public String signalWireGetFloor() throws IOException {
        return fixture.floorGet(Wire.SW_NUMBERS + "?filter_number=%2B12125550100&page_size=1000", "data", "number");
    }

    @Benchmark
    public List<AvailableNumber> signalWireSearch100() {
        return fixture.signalWire.inventory().search(SEARCH);
    }

    @Benchmark
    public List<String> signalWireSearch100Floor() throws IOException {
        return fixture.floorSearch(Wire.SW_NUMBERS + "/search?number_type=local&areacode=212&max_results=100", "data", "number");
    }

    @Benchmark
    public Optional<OwnedNumber> compatGet() {
        return fixture.compat.inventory().get(NUMBER);
    }

    @Benchmark
    public String compatGetFloor() throws IOException {
        return fixture.floorGet(Wire.LAML_NUMBERS + "?PhoneNumber=%2B12125550100&PageSize=1000", "incoming_phone_numbers", "phone_number");
    }

    @Benchmark
    public List<AvailableNumber> compatSearch100() {
        return fixture.compat.inventory().search(SEARCH);
    }

    @Benchmark
    public List<String> compatSearch100Floor() throws IOException {
        return fixture.floorSearch(Wire.LAML_ROOT + "/Accounts/" + Wire.ACCOUNT + "/AvailablePhoneNumbers/US/Local.json?AreaCode=212&PageSize=100",
                "available_phone_numbers", "phone_number");
    }
}
