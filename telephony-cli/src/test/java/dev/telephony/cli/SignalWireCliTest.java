package dev.telephony.cli;

import dev.telephony.signalwire.SignalWireSimulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.api.PhoneNumber;
import dev.telephony.cli.CliRunner.Result;
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
 * The same commands against a real provider, SignalWire's REST API, served by a simulator on
 * loopback. The command line is configured only as a user would configure it: environment variables
 * (or a --config file). The API token never appears in anything it prints.
 */
class SignalWireCliTest {
    private static final String PROJECT = "5f1c3c9e-2f7a-4b8e-9d61-0c2a7e4b1d33";
    private static final String TOKEN = "PTa8c1f0e7b2d94e3f9a6c5b4d3e2f1a0b";

    @TempDir
    Path home;

    CarrierState carrier;
    SignalWireSimulator simulator;
    CliRunner cli;
    final List<Result> results = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ManualClock clock = ManualClock.standard();
        carrier = new CarrierState(clock);
        carrier.seed().areaCode("212").exchange("555").region("NY").locality("New York").rateCenter("NWYRCYZN01").count(20).add();
        carrier.seed().tollFree("888").exchange("555").count(5).add();
        simulator = new SignalWireSimulator(carrier, PROJECT, TOKEN);
        cli = new CliRunner(home, clock)
                .env("TELEPHONY_PROVIDER", "signalwire")
                .env("TELEPHONY_SIGNALWIRE_BASE_URL", simulator.baseUri().toString())
                .env("TELEPHONY_SIGNALWIRE_PROJECT_ID", PROJECT)
                .env("TELEPHONY_SIGNALWIRE_API_TOKEN", TOKEN);
    }

    @AfterEach
    void tearDown() {
        simulator.close();
        assertThat(results).allSatisfy(r -> assertThat(r.all()).doesNotContain(TOKEN));
    }

    Result run(String... args) {
        Result result = cli.run(args);
        results.add(result);
        return result;
    }

    @Test
    void theNewcomersSessionWorksTheSameAgainstSignalWire() {
        Result search = run("search", "--area-code", "212", "--limit", "3");
        assertThat(search.exitCode()).as(search.toString()).isZero();
        // the simulator answers every other result in SignalWire's legacy shape, which carries no city
        assertThat(search.out().lines()).containsExactly(
                "NUMBER        TYPE   REGION  LOCALITY  RATE CENTER  FEATURES",
                "+12125550100  LOCAL  NY      New York  NWYRCYZN01   VOICE,SMS,MMS",
                "+12125550101  LOCAL  NY      -         NWYRCYZN01   VOICE,SMS,MMS",
                "+12125550102  LOCAL  NY      New York  NWYRCYZN01   VOICE,SMS,MMS");

        Result buy = run("buy", "+12125550100", "--name", "Support line", "--wait");
        assertThat(buy.exitCode()).as(buy.toString()).isZero();
        assertThat(buy.out()).containsPattern("status\\s+COMPLETED").containsPattern("bought\\s+\\+12125550100");
        assertThat(carrier.owned(PhoneNumber.of("+12125550100"))).hasValueSatisfying(n -> assertThat(n.name()).contains("Support line"));

        Result list = run("list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out().lines()).containsExactly(
                "NUMBER            TYPE       STATUS    FEATURES           NAME",
                "+12125550100      LOCAL      ACTIVE    VOICE,SMS,MMS      Support line");

        Result update = run("update", "+12125550100", "--voice-url", "https://example.com/voice");
        assertThat(update.exitCode()).as(update.toString()).isZero();
        Result show = run("show", "+12125550100", "--json");
        assertThat(show.json().path("voiceRoute").path("url").asText()).isEqualTo("https://example.com/voice");
        assertThat(show.json().path("id").asText()).isEqualTo(carrier.owned(PhoneNumber.of("+12125550100")).orElseThrow().id());

        int requests = carrier.requestCount();
        Result refused = run("release", "+12125550100");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(carrier.requestCount()).as("nothing reaches the provider without confirmation").isEqualTo(requests);

        Result release = run("release", "+12125550100", "--yes");
        assertThat(release.exitCode()).as(release.toString()).isZero();
        assertThat(carrier.releases()).containsExactly(PhoneNumber.of("+12125550100"));
        assertThat(run("list").err()).isEqualTo("no numbers\n");
    }

    @Test
    void searchAndBuyAnswerInJsonAndListPagesThroughLinks() {
        JsonNode offers = run("search", "--json", "--type", "toll-free", "--limit", "5").json();
        assertThat(offers).hasSize(5);
        assertThat(offers.get(0).path("type").asText()).isEqualTo("TOLL_FREE");

        Result buy = run("buy", "--from-search", "--area-code", "212", "--contains", "5501", "--count", "12", "--json");
        assertThat(buy.exitCode()).as(buy.toString()).isZero();
        assertThat(buy.json().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(buy.json().path("purchased")).hasSize(12);

        int reads = carrier.requestCount(RequestKind.READ);
        JsonNode listed = run("list", "--json", "--page-size", "5").json();
        assertThat(listed).hasSize(12);
        assertThat(carrier.requestCount(RequestKind.READ) - reads).as("three pages of 5").isEqualTo(3);
    }

    @Test
    void whatSignalWireCannotDoFailsAsUnsupportedBeforeAnyRequest() {
        int requests = carrier.requestCount();
        Result port = run("port", "check", "+16075550199");
        assertThat(port.exitCode()).isEqualTo(ExitCodes.UNSUPPORTED);
        assertThat(port.err()).startsWith("telephony: provider 'signalwire' does not support PORTING");
        assertThat(run("search", "--rate-center", "NWYRCYZN01").exitCode()).isEqualTo(ExitCodes.UNSUPPORTED);
        assertThat(run("update", "+12125550100", "--caller-id-name", "ACME").exitCode()).isEqualTo(ExitCodes.UNSUPPORTED);
        assertThat(run("regions").exitCode()).isEqualTo(ExitCodes.UNSUPPORTED);
        assertThat(carrier.requestCount()).isEqualTo(requests);
    }

    @Test
    void credentialsAreCheckedAndNeverShown() {
        cli.env("TELEPHONY_SIGNALWIRE_API_TOKEN", "PT00000000000000000000000000000000");
        Result wrong = run("list", "--verbose");
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(wrong.err()).startsWith("telephony: ").contains("status=401").doesNotContain("PT00000000000000000000000000000000");

        cli.env("TELEPHONY_SIGNALWIRE_API_TOKEN", "");
        Result missing = run("list");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(missing.err()).contains("missing configuration api-token", "TELEPHONY_SIGNALWIRE_API_TOKEN");
    }

    @Test
    void anOutageIsWorthRetryingLater() {
        carrier.faults().inject(RequestKind.READ, Fault.serverError(), 20);
        Result list = run("list");
        assertThat(list.exitCode()).as(list.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(list.err()).startsWith("telephony: ").contains("status=5").hasLineCount(1);
    }

    @Test
    void aConfigFileWorksInsteadOfTheEnvironment() throws Exception {
        CliRunner bare = new CliRunner(home, cli.clock());
        Path config = home.resolve("signalwire.properties");
        Files.writeString(config, String.join("\n",
                "telephony.provider=signalwire",
                "telephony.signalwire.base-url=" + simulator.baseUri(),
                "telephony.signalwire.project-id=" + PROJECT,
                "api-token=" + TOKEN,
                "telephony.twilio.account-sid=ignored-for-signalwire",
                ""));
        Result search = bare.run("search", "--config", config.toString(), "--area-code", "212", "--limit", "1", "--json");
        results.add(search);
        assertThat(search.exitCode()).as(search.toString()).isZero();
        assertThat(search.json().get(0).path("number").asText()).isEqualTo("+12125550100");

        Result providers = bare.run("providers", "signalwire", "--config", config.toString());
        results.add(providers);
        assertThat(providers.out()).contains("in use, chosen by telephony.provider in " + config);
    }
}
