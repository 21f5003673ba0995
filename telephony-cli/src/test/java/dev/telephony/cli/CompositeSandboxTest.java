package dev.telephony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telephony.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-carrier sandbox: east and west as one composite, each keeping its state between commands. */
class CompositeSandboxTest {
    @TempDir
    Path home;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(home).env("TELEPHONY_PROVIDER", CompositeSandbox.NAME);
    }

    @Test
    void searchShowsTheCarrierOfEachOfferAndBuyingGoesToIt() {
        Result search = cli.run("search", "--area-code", "303", "--limit", "2");
        assertThat(search.exitCode()).as(search.toString()).isZero();
        assertThat(search.out().lines()).containsExactly(
                "NUMBER        CARRIER  TYPE   REGION  LOCALITY  RATE CENTER  FEATURES",
                "+13035550100  west     LOCAL  CO      Denver    DENVER       VOICE,SMS,MMS",
                "+13035550101  west     LOCAL  CO      Denver    DENVER       VOICE,SMS,MMS");

        Result buy = cli.run("buy", "--area-code", "303", "--name", "Denver desk", "--wait");
        assertThat(buy.exitCode()).as(buy.toString()).isZero();
        assertThat(buy.out()).containsPattern("status\\s+COMPLETED").containsPattern("bought\\s+\\+13035550100")
                .containsPattern("composite\\.carrier\\s+west");
        assertThat(buy.err()).contains("order cmp1.west.");

        Result list = cli.run("list");
        assertThat(list.out().lines()).containsExactly(
                "NUMBER            CARRIER       TYPE       STATUS    FEATURES           NAME",
                "+13035550100      west          LOCAL      ACTIVE    VOICE,SMS,MMS      Denver desk");
        assertThat(Files.exists(Sandbox.stateFile(cli.context(), "composite-west"))).isTrue();
        assertThat(Files.exists(Sandbox.stateFile(cli.context()))).as("the plain sandbox is left alone").isFalse();
    }

    @Test
    void aRateCenterSearchGoesToTheOnlyCarrierThatCanApplyIt() {
        Result search = cli.run("search", "--rate-center", "NWYRCYZN01", "--region", "NY", "--limit", "60");
        assertThat(search.exitCode()).as(search.toString()).isZero();
        assertThat(search.out()).contains("east").doesNotContain("west");
    }

    @Test
    void theProvidersListNamesIt() {
        Result providers = cli.run("providers", CompositeSandbox.NAME);
        assertThat(providers.exitCode()).as(providers.toString()).isZero();
        assertThat(providers.out()).contains(CompositeSandbox.NAME + "  (in use, chosen by environment variable TELEPHONY_PROVIDER)");
    }
}
