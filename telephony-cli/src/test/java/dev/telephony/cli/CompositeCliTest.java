package dev.telephony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telephony.api.PhoneNumber;
import dev.telephony.cli.CliRunner.Result;
import dev.telephony.signalwire.SignalWireSimulator;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --provider composite} over two SignalWire accounts ("east" and "west"), each a simulator on
 * loopback, configured only as a user would: the member list and each member's keys under its own name,
 * in the environment or a --config file. Searches show the carrier of each offer and the members that failed.
 */
class CompositeCliTest {
    private static final String PROJECT = "5f1c3c9e-2f7a-4b8e-9d61-0c2a7e4b1d33";
    private static final String EAST_TOKEN = "PTeast1f0e7b2d94e3f9a6c5b4d3e2f1a0b";
    private static final String WEST_TOKEN = "PTwest1f0e7b2d94e3f9a6c5b4d3e2f1a0b";

    @TempDir
    Path home;

    CarrierState east;
    CarrierState west;
    SignalWireSimulator eastSimulator;
    SignalWireSimulator westSimulator;
    CliRunner cli;
    final List<Result> results = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ManualClock clock = ManualClock.standard();
        east = new CarrierState(clock);
        east.seed().areaCode("212").exchange("555").region("NY").locality("New York").rateCenter("NWYRCYZN01").count(2).add();
        west = new CarrierState(clock);
        west.seed().areaCode("212").exchange("555").region("NY").locality("New York").rateCenter("NWYRCYZN01")
                .firstLine(150).count(2).add();
        eastSimulator = new SignalWireSimulator(east, PROJECT, EAST_TOKEN);
        westSimulator = new SignalWireSimulator(west, PROJECT, WEST_TOKEN);
        cli = new CliRunner(home, clock)
                .env("TELEPHONY_PROVIDER", "composite")
                .env("TELEPHONY_COMPOSITE_CARRIERS", "east:signalwire,west:signalwire")
                .env("TELEPHONY_EAST_BASE_URL", eastSimulator.baseUri().toString())
                .env("TELEPHONY_EAST_PROJECT_ID", PROJECT)
                .env("TELEPHONY_EAST_API_TOKEN", EAST_TOKEN)
                .env("TELEPHONY_WEST_BASE_URL", westSimulator.baseUri().toString())
                .env("TELEPHONY_WEST_PROJECT_ID", PROJECT)
                .env("TELEPHONY_WEST_API_TOKEN", WEST_TOKEN);
    }

    @AfterEach
    void tearDown() {
        eastSimulator.close();
        westSimulator.close();
        assertThat(results).allSatisfy(r -> assertThat(r.all()).doesNotContain(EAST_TOKEN).doesNotContain(WEST_TOKEN));
    }

    Result run(String... args) {
        Result result = cli.run(args);
        results.add(result);
        return result;
    }

    @Test
    void searchShowsEachOffersCarrierAndBuyGoesToIt() {
        Result search = run("search", "--area-code", "212", "--limit", "4");
        assertThat(search.exitCode()).as(search.toString()).isZero();
        assertThat(search.out().lines().toList()).hasSize(5);
        assertThat(search.out().lines().findFirst().orElseThrow()).startsWith("NUMBER        CARRIER  TYPE");
        assertThat(search.out()).containsPattern("\\+12125550100  east     LOCAL").containsPattern("\\+12125550150  west     LOCAL");

        Result buy = run("buy", "--area-code", "212", "--count", "4", "--wait");
        assertThat(buy.exitCode()).as(buy.toString()).isZero();
        assertThat(buy.out()).containsPattern("status\\s+COMPLETED").containsPattern("part\\.1\\s+east ").containsPattern("part\\.2\\s+west ");
        assertThat(east.owned(PhoneNumber.of("+12125550100"))).isPresent();
        assertThat(west.owned(PhoneNumber.of("+12125550151"))).isPresent();

        Result list = run("list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out().lines().toList()).containsExactly(
                "NUMBER            CARRIER       TYPE       STATUS    FEATURES           NAME",
                "+12125550100      east          LOCAL      ACTIVE    VOICE,SMS,MMS      -",
                "+12125550101      east          LOCAL      ACTIVE    VOICE,SMS,MMS      -",
                "+12125550150      west          LOCAL      ACTIVE    VOICE,SMS,MMS      -",
                "+12125550151      west          LOCAL      ACTIVE    VOICE,SMS,MMS      -");
        Result show = run("show", "+12125550151");
        assertThat(show.out()).containsPattern("composite\\.carrier\\s+west");
    }

    @Test
    void aMemberThatFailsASearchIsShownAndTheOthersOffersStill() {
        west.faults().inject(RequestKind.READ, Fault.serverError(), 100);
        Result search = run("search", "--area-code", "212");
        assertThat(search.exitCode()).as(search.toString()).isZero();
        assertThat(search.out()).contains("+12125550100  east").doesNotContain("west");
        assertThat(search.err()).contains("carrier west failed: carrier 'west': ");

        east.faults().inject(RequestKind.READ, Fault.serverError(), 100);
        Result nothing = run("search", "--area-code", "212");
        assertThat(nothing.exitCode()).as("nothing offered, every member failed: unavailable").isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(nothing.err()).contains("carrier east failed").contains("carrier west failed");
    }

    @Test
    void theMembersCanBeConfiguredInTheConfigFile() throws Exception {
        Path config = home.resolve("composite.properties");
        Files.writeString(config, String.join("\n",
                "telephony.provider=composite",
                "carriers=west:signalwire",
                "telephony.west.base-url=" + westSimulator.baseUri(),
                "telephony.west.project-id=" + PROJECT,
                "telephony.west.api-token=" + WEST_TOKEN));
        CliRunner bare = new CliRunner(home, cli.clock());
        Result search = bare.run("--config", config.toString(), "search", "--area-code", "212");
        results.add(search);
        assertThat(search.exitCode()).as(search.toString()).isZero();
        assertThat(search.out()).contains("+12125550150  west").doesNotContain("east");
    }

    @Test
    void missingKeysOfEveryMemberAreNamed() {
        CliRunner bare = new CliRunner(home, cli.clock()).env("TELEPHONY_PROVIDER", "composite")
                .env("TELEPHONY_COMPOSITE_CARRIERS", "east:signalwire,west:signalwire");
        Result result = bare.run("search", "--area-code", "212");
        results.add(result);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(result.err()).contains("east.project-id").contains("west.api-token").contains("TELEPHONY_WEST_API_TOKEN");
    }
}
