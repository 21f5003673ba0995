package dev.telephony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.cli.CliRunner.Result;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code telephony hold …} against the sandbox, one process-like invocation per command: the hold outlives each. */
class HoldCliTest {
    @TempDir
    Path home;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(home);
    }

    @Test
    void createAddRemoveShowListAndBuyExactlyWhatIsHeld() {
        Result create = cli.run("hold", "create", "+12125550100", "(212) 555-0101");
        assertThat(create.exitCode()).as(create.toString()).isZero();
        assertThat(create.out()).containsPattern("status\\s+ACTIVE")
                .containsPattern("number\\s+\\+12125550100 HELD").containsPattern("number\\s+\\+12125550101 HELD")
                .containsPattern("expires\\s+2026-01-05T09:15:00Z");
        String id = create.out().lines().filter(l -> l.startsWith("hold ")).findFirst().orElseThrow().substring(5).strip();
        assertThat(create.err()).contains("telephony hold buy " + id + " --wait");

        Result search = cli.run("search", "--area-code", "212", "--limit", "2");
        assertThat(search.out()).as("held numbers are offered to nobody").doesNotContain("+12125550100").doesNotContain("+12125550101");

        Result add = cli.run("hold", "add", id, "+12125550102");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.out()).containsPattern("number\\s+\\+12125550102 HELD");

        Result remove = cli.run("hold", "remove", id, "+12125550100");
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        assertThat(remove.out()).doesNotContain("+12125550100");

        JsonNode shown = cli.run("hold", "show", id, "--json").json();
        assertThat(shown.path("id").asText()).isEqualTo(id);
        assertThat(shown.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(shown.path("held")).extracting(JsonNode::asText).containsExactly("+12125550101", "+12125550102");
        assertThat(shown.path("numbers").get(0).path("offer").path("rateCenter").asText()).isEqualTo("NWYRCYZN01");

        Result list = cli.run("hold", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains(id).contains("+12125550101 +12125550102");
        assertThat(list.err()).isEqualTo("1 hold\n");
        assertThat(cli.run("hold", "list", "--json").json()).hasSize(1);

        Result buy = cli.run("hold", "buy", id, "--wait");
        assertThat(buy.exitCode()).as(buy.toString()).isZero();
        assertThat(buy.out()).containsPattern("status\\s+COMPLETED").containsPattern("bought\\s+\\+12125550101 \\+12125550102");

        Result owned = cli.run("list");
        assertThat(owned.out()).contains("+12125550101").contains("+12125550102").doesNotContain("+12125550100");
        assertThat(owned.err()).isEqualTo("2 numbers\n");
        assertThat(cli.run("hold", "show", id).out()).containsPattern("status\\s+PURCHASED");
    }

    @Test
    void aNumberThatCannotBeHeldIsReportedWithItsReason() {
        Result create = cli.run("hold", "create", "--from-search", "--area-code", "212", "--count", "1", "--json");
        assertThat(create.exitCode()).as(create.toString()).isZero();
        String id = create.json().path("id").asText();
        Result add = cli.run("hold", "add", id, "+12125559999", "--json");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        JsonNode error = add.json().path("numbers").get(1);
        assertThat(error.path("number").asText()).isEqualTo("+12125559999");
        assertThat(error.path("status").asText()).isEqualTo("ERROR");
        assertThat(error.path("errorMessage").asText()).contains("not on offer");

        Result none = cli.run("hold", "create", "+12125559999");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(none.err()).contains("+12125559999");
    }

    @Test
    void anExpiredHoldIsNotBoughtAndAReleasedOneIsGone() {
        String expiring = cli.run("hold", "create", "+12125550100", "--json").json().path("id").asText();
        cli.clock().advance(Duration.ofMinutes(16));
        Result late = cli.run("hold", "buy", expiring);
        assertThat(late.exitCode()).as(late.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(late.err()).contains("expired");
        assertThat(cli.run("hold", "show", expiring).out()).containsPattern("status\\s+EXPIRED");
        assertThat(cli.run("list").err()).isEqualTo("no numbers\n");

        String released = cli.run("hold", "create", "+12125550100", "--json").json().path("id").asText();
        Result release = cli.run("hold", "release", released);
        assertThat(release.exitCode()).as(release.toString()).isZero();
        assertThat(release.out()).isEqualTo("released hold " + released + "\n");
        assertThat(cli.run("hold", "show", released).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli.run("hold", "release", released).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void holdWithoutACommandOrNumbersIsAUsageError() {
        assertThat(cli.run("hold").exitCode()).isEqualTo(ExitCodes.USAGE);
        Result create = cli.run("hold", "create");
        assertThat(create.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(create.err()).contains("name the numbers to hold");
        assertThat(cli.run("hold", "buy").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
