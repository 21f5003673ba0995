package dev.telephony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telephony.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newcomer's session against the sandbox, one process-like invocation per command. */
class SandboxSessionTest {
    @TempDir
    Path home;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(home);
    }

    @Test
    void searchBuyListShowUpdateRelease() {
        Result search = cli.run("search", "--area-code", "212", "--limit", "3");
        assertThat(search.exitCode()).as(search.toString()).isZero();
        assertThat(search.out().lines()).containsExactly(
                "NUMBER        TYPE   REGION  LOCALITY  RATE CENTER  FEATURES",
                "+12125550100  LOCAL  NY      New York  NWYRCYZN01   VOICE,SMS,MMS",
                "+12125550101  LOCAL  NY      New York  NWYRCYZN01   VOICE,SMS,MMS",
                "+12125550102  LOCAL  NY      New York  NWYRCYZN01   VOICE,SMS,MMS");
        assertThat(search.err()).contains("3 numbers offered; buy one with: telephony buy +12125550100");

        Result buy = cli.run("buy", "+12125550100", "--name", "Support line", "--wait");
        assertThat(buy.exitCode()).as(buy.toString()).isZero();
        assertThat(buy.out()).containsPattern("status\\s+COMPLETED").containsPattern("bought\\s+\\+12125550100");
        assertThat(buy.err().lines()).containsExactly(
                "order order-7e1e0000-0000-4000-8000-000000000001 is PENDING; waiting up to 5m",
                "  still PENDING after 1s",
                "order order-7e1e0000-0000-4000-8000-000000000001 is COMPLETED after 2s");

        Result list = cli.run("list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out().lines()).containsExactly(
                "NUMBER            TYPE       STATUS    FEATURES           NAME",
                "+12125550100      LOCAL      ACTIVE    VOICE,SMS,MMS      Support line");
        assertThat(list.err()).isEqualTo("1 number\n");

        Result update = cli.run("update", "(212) 555-0100", "--voice-url", "https://example.com/voice",
                "--sms-url", "https://example.com/sms", "--caller-id-name", "ACME SUPPORT", "--features", "voice,sms");
        assertThat(update.exitCode()).as(update.toString()).isZero();

        Result show = cli.run("show", "+12125550100");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).containsPattern("name\\s+Support line")
                .containsPattern("voice\\s+POST https://example.com/voice")
                .containsPattern("messaging\\s+POST https://example.com/sms")
                .containsPattern("caller id name\\s+ACME SUPPORT")
                .containsPattern("features\\s+VOICE,SMS\n")
                .containsPattern("created\\s+2026-01-05T09:00:0\\dZ");

        Result refused = cli.run("release", "+12125550100");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).isEqualTo("telephony: not releasing +12125550100 without confirmation: there is no "
                + "terminal to ask on; add --yes to release\n");
        assertThat(cli.run("list").out()).contains("+12125550100");

        Result release = cli.run("release", "+12125550100", "--yes");
        assertThat(release.exitCode()).as(release.toString()).isZero();
        assertThat(release.out()).isEqualTo("released +12125550100\n");

        Result empty = cli.run("list");
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out()).isEmpty();
        assertThat(empty.err()).isEqualTo("no numbers\n");
        assertThat(cli.run("show", "+12125550100").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void stateLivesInTheHomeDirectoryAcrossInvocationsAndResetStartsOver() throws Exception {
        assertThat(cli.run("buy", "--area-code", "512", "--count", "2", "--wait").exitCode()).isZero();
        Path state = home.resolve(".telephony").resolve("sandbox.json");
        assertThat(state).exists();
        assertThat(Files.readString(state)).contains("+15125550100", "+15125550101");

        // a new "process": nothing but the file carries the state over
        CliRunner later = new CliRunner(home);
        Result list = later.run("list", "--json");
        assertThat(list.json()).extracting(n -> n.path("number").asText()).containsExactly("+15125550100", "+15125550101");
        Result search = later.run("search", "--area-code", "512", "--limit", "1");
        assertThat(search.out()).contains("+15125550102").doesNotContain("+15125550100");

        Result info = later.run("sandbox", "info");
        assertThat(info.out()).containsPattern("owned\\s+2 numbers").contains(state.toString());

        Result reset = later.run("sandbox", "reset");
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(reset.out()).startsWith("the sandbox starts over").containsPattern("owned\\s+0 numbers")
                .containsPattern("on offer\\s+220 numbers");
        assertThat(later.run("list").err()).isEqualTo("no numbers\n");
        assertThat(later.run("search", "--area-code", "512", "--limit", "1").out()).contains("+15125550100");
    }

    @Test
    void aPendingOrderIsFollowedByItsIdInALaterCommand() {
        Result buy = cli.run("buy", "+18335550100", "--json");
        assertThat(buy.exitCode()).as(buy.toString()).isZero();
        String id = buy.json().path("id").asText();
        assertThat(buy.json().path("status").asText()).isEqualTo("PENDING");
        assertThat(buy.err()).contains("follow it with: telephony order " + id + " --wait");
        assertThat(cli.run("list").err()).isEqualTo("no numbers\n");

        Result pending = cli.run("order", id);
        assertThat(pending.out()).containsPattern("status\\s+PENDING");

        Result waited = new CliRunner(home, cli.clock()).run("order", id, "--wait", "--json");
        assertThat(waited.exitCode()).as(waited.toString()).isZero();
        assertThat(waited.json().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(waited.json().path("purchased").get(0).asText()).isEqualTo("+18335550100");
        assertThat(cli.run("show", "+18335550100").out()).containsPattern("type\\s+TOLL_FREE");
    }

    @Test
    void aWaitThatRunsOutSaysSoAndCancelsNothing() {
        Result buy = cli.run("buy", "+12065550100", "--wait", "--timeout", "1s", "--json");
        // the purchase was sent: the answer must not look worth retrying (5), and it carries the order to follow
        assertThat(buy.exitCode()).as(buy.toString()).isEqualTo(ExitCodes.PENDING);
        assertThat(buy.json().path("status").asText()).isEqualTo("PENDING");
        assertThat(buy.json().path("id").asText()).startsWith("order-");
        assertThat(buy.err()).contains("gave up waiting", "the order goes on");
        cli.clock().advance(Duration.ofSeconds(5));
        assertThat(cli.run("list").out()).contains("+12065550100");
    }

    @Test
    void releaseAsksOnATerminalAndKeepsTheNumberUnlessTheAnswerIsYes() {
        cli.run("buy", "+13125550100", "+13125550101", "--name", "Desk", "--wait");
        cli.terminal("n", "yes");
        Result release = cli.run("release", "+13125550100", "+13125550101");
        assertThat(cli.terminal().prompts()).containsExactly(
                "Release +13125550100 (Desk)? It leaves the account and may not come back. [y/N] ",
                "Release +13125550101 (Desk)? It leaves the account and may not come back. [y/N] ");
        assertThat(release.exitCode()).isEqualTo(ExitCodes.OTHER);
        assertThat(release.out()).isEqualTo("released +13125550101\n");
        assertThat(release.err()).isEqualTo("kept +13125550100\n");
        assertThat(cli.run("list").out()).contains("+13125550100").doesNotContain("+13125550101");
    }

    @Test
    void portCheckSubmitStatusAdvanceAndCancel() {
        Result check = cli.run("port", "check", "+16075550199");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).containsPattern("portable\\s+yes").containsPattern("current carrier\\s+AT&T");
        assertThat(cli.run("port", "check", "+13125550199").out()).containsPattern("portable\\s+no")
                .contains("port-out freeze");

        Result submit = cli.run("port", "submit", "+16075550199", "--first-name", "Ada", "--last-name", "Lovelace",
                "--street", "1 Main St", "--city", "Binghamton", "--state", "NY", "--zip", "13901",
                "--account-number", "ACCT-1", "--pin", "4321", "--json");
        assertThat(submit.exitCode()).as(submit.toString()).isZero();
        assertThat(submit.all()).doesNotContain("4321");
        String id = submit.json().path("id").asText();
        assertThat(submit.json().path("status").asText()).isEqualTo("PENDING");
        assertThat(submit.json().path("requestedDate").asText()).isEqualTo("2026-01-19");

        Result status = cli.run("port", "status", id);
        assertThat(status.out()).containsPattern("status\\s+PENDING").containsPattern("number\\s+\\+16075550199 PENDING");
        Result all = cli.run("port", "status");
        assertThat(all.out()).contains(id, "PENDING", "2026-01-19", "+16075550199");

        assertThat(cli.run("sandbox", "advance-port", id).out()).containsPattern("status\\s+APPROVED");
        Result late = cli.run("port", "cancel", id);
        assertThat(late.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(late.err()).contains("can no longer be cancelled");
        cli.run("sandbox", "advance-port", id);
        assertThat(cli.run("sandbox", "advance-port", id).out()).containsPattern("status\\s+COMPLETED");
        assertThat(cli.run("list").out()).contains("+16075550199");

        Result second = cli.run("port", "submit", "+13125550199", "--first-name", "Ada", "--last-name", "Lovelace",
                "--street", "1 Main St", "--city", "Chicago", "--state", "IL", "--zip", "60601", "--account-number", "A");
        assertThat(second.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(second.err()).contains("not portable");
    }

    @Test
    void aPortIsCancelledWhilePendingAndItsPinCanComeFromTheEnvironment() {
        cli.env(PortCommand.PIN_ENVIRONMENT, "8642");
        Result submit = cli.run("port", "submit", "+16075550199", "--first-name", "Ada", "--last-name", "Lovelace",
                "--street", "1 Main St", "--city", "Binghamton", "--state", "NY", "--zip", "13901",
                "--account-number", "ACCT-1", "--date", "2026-02-02");
        assertThat(submit.exitCode()).as(submit.toString()).isZero();
        assertThat(submit.out()).containsPattern("requested date\\s+2026-02-02").doesNotContain("8642");
        String id = submit.out().lines().filter(l -> l.startsWith("port ")).findFirst().orElseThrow().split("\\s+")[1];
        Result cancel = cli.run("port", "cancel", id, "--json");
        assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
        assertThat(cancel.json().path("status").asText()).isEqualTo("CANCELLED");

        Result tooSoon = cli.run("port", "submit", "+16075550199", "--first-name", "Ada", "--last-name", "Lovelace",
                "--street", "1 Main St", "--city", "Binghamton", "--state", "NY", "--zip", "13901",
                "--account-number", "ACCT-1", "--date", "2026-01-06");
        assertThat(tooSoon.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooSoon.err()).contains("port.requestedDate: must be at least 7 days ahead");
    }

    @Test
    void aCorruptStateFileIsAConfigurationErrorThatResetCures() throws Exception {
        Path state = home.resolve(".telephony").resolve("sandbox.json");
        Files.createDirectories(state.getParent());
        Files.writeString(state, "{ not json");
        Result broken = cli.run("list");
        assertThat(broken.exitCode()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(broken.err()).startsWith("telephony: the sandbox state in " + state + " cannot be read")
                .contains("'telephony sandbox reset' starts over");
        assertThat(cli.run("sandbox", "reset").exitCode()).isZero();
        assertThat(cli.run("list").exitCode()).isZero();
    }
}
