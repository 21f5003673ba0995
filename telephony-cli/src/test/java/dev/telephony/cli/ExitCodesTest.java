package dev.telephony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of failure: one line on stderr, nothing on stdout, its own exit code. */
class ExitCodesTest {
    @TempDir
    Path home;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(home);
    }

    @Test
    void badInputIsAUsageError() {
        assertFails(cli.run("search", "--limit", "0"), ExitCodes.USAGE,
                "telephony: invalid request: search.limit: must be between 1 and 100, was 0");
        assertFails(cli.run("search", "--area-code", "21"), ExitCodes.USAGE,
                "telephony: invalid request: search.areaCode: must be 3 digits not starting with 0 or 1 in North America, was '21'");
        assertFails(cli.run("show", "555-01"), ExitCodes.USAGE,
                "telephony: Invalid value for positional parameter at index 0 (NUMBER): '555-01' has the wrong length "
                        + "for country code +1 (see 'telephony show --help')");
        assertFails(cli.run("search", "--type", "landline"), ExitCodes.USAGE,
                "telephony: Invalid value for option '--type': 'landline' is not a number type; use local, toll-free or "
                        + "mobile (see 'telephony search --help')");
        assertFails(cli.run("list", "--frobnicate"), ExitCodes.USAGE,
                "telephony: Unknown option: '--frobnicate' (see 'telephony list --help')");
        assertFails(cli.run("buy"), ExitCodes.USAGE, "telephony: name the numbers to buy, or search for them with "
                + "--from-search and the filters of 'telephony search' (see 'telephony buy --help')");
        assertFails(cli.run("update", "+12125550100"), ExitCodes.USAGE,
                "telephony: say what to change (see 'telephony update --help')");
        assertFails(cli.run("update", "+12125550100", "--caller-id-name", "lower case"), ExitCodes.USAGE, null);
        assertFails(cli.run("buy", "--wait", "--timeout", "soon", "+12125550100"), ExitCodes.USAGE, null);
        Result none = cli.run();
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("Usage: telephony", "telephony: name a command");
    }

    @Test
    void whatTheAccountDoesNotHaveIsNotFound() {
        assertFails(cli.run("show", "+12125550100"), ExitCodes.NOT_FOUND,
                "telephony: +12125550100 is not a number of this account [provider=in-memory]");
        assertFails(cli.run("release", "--yes", "+12125550100"), ExitCodes.NOT_FOUND, null);
        assertFails(cli.run("update", "+12125550100", "--name", "x"), ExitCodes.NOT_FOUND, null);
        assertFails(cli.run("order", "order-404"), ExitCodes.NOT_FOUND, "telephony: no order order-404 [provider=in-memory]");
        assertFails(cli.run("port", "status", "port-404"), ExitCodes.NOT_FOUND, null);
        assertFails(cli.run("sandbox", "advance-port", "port-404"), ExitCodes.NOT_FOUND, null);
    }

    @Test
    void aNumberSomeoneElseHasIsRefused() {
        assertThat(cli.run("buy", "+14155550100", "--wait").exitCode()).isZero();
        Result again = cli.run("buy", "+14155550100");
        assertFails(again, ExitCodes.REFUSED, "telephony: not available to buy: [+14155550100] [provider=in-memory, status=409, requestId=mem-1]");
        assertFails(cli.run("buy", "--area-code", "212", "--contains", "999"), ExitCodes.REFUSED,
                "telephony: no numbers match the search; nothing was bought");
    }

    @Test
    void configurationErrorsNameTheKeysAndNeverAValue() throws Exception {
        Result missing = cli.run("--provider", "signalwire", "list");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).startsWith("telephony: provider 'signalwire' is missing configuration space or base-url")
                .contains("project-id", "api-token", "TELEPHONY_SIGNALWIRE_API_TOKEN").hasLineCount(1);

        Result unknown = cli.run("list", "--provider", "acme");
        assertFails(unknown, ExitCodes.CONFIGURATION, null);
        assertThat(unknown.err()).contains("no provider named 'acme' (chosen by --provider)", "sandbox (the default)", "signalwire");
        cli.env("TELEPHONY_PROVIDER", "acme");
        assertThat(cli.run("list").err()).contains("chosen by environment variable TELEPHONY_PROVIDER");

        Path config = home.resolve("telephony.properties");
        Files.writeString(config, "telephony.provider=signalwire\nproject-id=p\napi-token=TOP-SECRET-VALUE\nbase-url=http://127.0.0.1:9\nregion=us\n");
        Result unknownKey = cli.run("list", "--config", config.toString());
        assertFails(unknownKey, ExitCodes.CONFIGURATION, null);
        assertThat(unknownKey.err()).contains("has no configuration key [region]").doesNotContain("TOP-SECRET-VALUE");

        assertFails(cli.run("list", "--config", home.resolve("absent.properties").toString()), ExitCodes.CONFIGURATION,
                "telephony: the configuration file " + home.resolve("absent.properties") + " does not exist");

        Path sandboxConfig = home.resolve("sandbox.properties");
        Files.writeString(sandboxConfig, "api-token=TOP-SECRET-VALUE\n");
        Result sandbox = new CliRunner(home).run("list", "--config", sandboxConfig.toString());
        assertFails(sandbox, ExitCodes.CONFIGURATION, null);
        assertThat(sandbox.err()).contains("the sandbox takes no configuration", "[api-token]").doesNotContain("TOP-SECRET-VALUE");
    }

    @Test
    void withJsonAnErrorIsOneJsonLine() {
        Result result = cli.run("show", "+12125550100", "--json");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).hasLineCount(1);
        JsonNode error = result.errorJson().path("error");
        assertThat(error.path("kind").asText()).isEqualTo("not_found");
        assertThat(error.path("exitCode").asInt()).isEqualTo(3);
        assertThat(error.path("message").asText()).isEqualTo("+12125550100 is not a number of this account [provider=in-memory]");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Result quiet = cli.run("show", "+12125550100");
        assertThat(quiet.err()).doesNotContain("\tat ");
        Result verbose = cli.run("show", "+12125550100", "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(verbose.err()).startsWith("telephony: +12125550100 is not a number of this account")
                .contains("NumberNotFoundException", "\tat ");
    }

    @Test
    void helpDocumentsTheExitCodes() {
        Result help = cli.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Exit codes:", "3   not found", "4   authentication failed or permission denied",
                "8   configuration", "TELEPHONY_PROVIDER", "sandbox");
        Result sub = cli.run("release", "--help");
        assertThat(sub.exitCode()).isZero();
        assertThat(sub.out()).contains("--yes", "Exit codes: 0 done");
        assertThat(cli.run("--version").out()).startsWith("telephony ");
    }

    private static void assertFails(Result result, int code, String line) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(code);
        assertThat(result.out()).as(result.toString()).isEmpty();
        assertThat(result.err()).as(result.toString()).hasLineCount(1).startsWith("telephony: ");
        if (line != null) {
            assertThat(result.err()).isEqualTo(line + "\n");
        }
    }
}
