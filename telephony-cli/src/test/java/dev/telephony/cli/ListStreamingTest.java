package dev.telephony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.api.AvailableNumber;
import dev.telephony.cli.CliRunner.Result;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.time.ManualClock;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code list} over thousands of numbers prints as pages arrive: the first row is out after one page
 * was fetched, and a limit stops fetching. Runs on the in-memory provider chosen by name, over a
 * carrier the test registers, configured only through the environment.
 */
class ListStreamingTest {
    private static final int NUMBERS = 3_000;

    @TempDir
    Path home;

    String carrierName;
    CarrierState carrier;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        ManualClock clock = ManualClock.standard();
        carrier = new CarrierState(clock);
        List<AvailableNumber> block = carrier.seed().areaCode("212").exchange("555").firstLine(0).count(NUMBERS).add();
        block.forEach(offer -> carrier.own(offer.number(), offer.number().e164().endsWith("7") ? "seven" : null));
        carrierName = "cli-list-" + System.nanoTime();
        CarrierState.register(carrierName, carrier);
        cli = new CliRunner(home, clock).env("TELEPHONY_PROVIDER", "in-memory").env("TELEPHONY_IN_MEMORY_CARRIER", carrierName);
    }

    @AfterEach
    void tearDown() {
        CarrierState.forget(carrierName);
    }

    @Test
    void printsEveryNumberAsItsPageArrives() {
        AtomicInteger readsAtFirstRow = new AtomicInteger(-1);
        Writer watcher = new StringWriter() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                if (readsAtFirstRow.get() < 0 && new String(buffer, offset, length).contains("+1212555")) {
                    readsAtFirstRow.set(carrier.requestCount(RequestKind.READ));
                }
                super.write(buffer, offset, length);
            }
        };
        Result result = cli.run(watcher, "list");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(NUMBERS + 1);
        assertThat(lines.get(0)).isEqualTo("NUMBER            TYPE       STATUS    FEATURES           NAME");
        assertThat(lines.get(1)).isEqualTo("+12125550000      LOCAL      ACTIVE    VOICE,SMS,MMS      -");
        assertThat(lines.get(8)).isEqualTo("+12125550007      LOCAL      ACTIVE    VOICE,SMS,MMS      seven");
        assertThat(lines.get(NUMBERS)).startsWith("+12125552999");
        assertThat(result.err()).isEqualTo("3000 numbers\n");
        assertThat(readsAtFirstRow.get()).as("pages fetched before the first row was printed").isEqualTo(1);
        assertThat(carrier.requestCount(RequestKind.READ)).as("one request per page of 50").isEqualTo(NUMBERS / 50);
    }

    @Test
    void aLimitStopsFetching() {
        Result result = cli.run("list", "--limit", "10", "--page-size", "100");
        assertThat(result.out().lines()).hasSize(11);
        assertThat(result.err()).isEqualTo("10 numbers shown; more follow (raise --limit)\n");
        assertThat(carrier.requestCount(RequestKind.READ)).isEqualTo(1);
    }

    @Test
    void jsonStreamsOneArray() {
        Result result = cli.run("list", "--json", "--page-size", "1000");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode all = result.json();
        assertThat(all).hasSize(NUMBERS);
        assertThat(all.get(NUMBERS - 1).path("number").asText()).isEqualTo("+12125552999");
        assertThat(carrier.requestCount(RequestKind.READ)).isEqualTo(3);

        JsonNode named = cli.run("list", "--json", "--name-contains", "SEVEN").json();
        assertThat(named).hasSize(NUMBERS / 10);
    }
}
