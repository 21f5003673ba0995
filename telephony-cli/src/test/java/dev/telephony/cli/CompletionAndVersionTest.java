package dev.telephony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telephony.cli.CliRunner.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shell completion scripts and the version the build put in. */
class CompletionAndVersionTest {
    @TempDir
    Path home;

    @Test
    void completionScriptsNameEveryCommandForBashAndZsh() {
        CliRunner cli = new CliRunner(home);
        Result bash = cli.run("completion", "bash");
        assertThat(bash.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(bash.out()).contains("complete -F").contains("search").contains("buy").contains("release").contains("hold")
                .contains("--agree-not-to-resell")
                .contains("--area-code");
        Result zsh = cli.run("completion", "zsh");
        assertThat(zsh.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(zsh.out()).startsWith("autoload -U +X compinit").contains("bashcompinit").contains("complete -F");
        Result fish = cli.run("completion", "fish");
        assertThat(fish.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fish.err()).contains("fish");
    }

    @Test
    void versionIsTheBuildVersion() {
        Result version = new CliRunner(home).run("--version");
        assertThat(version.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(version.out()).containsPattern("telephony \\d+\\.\\d+\\.\\d+").doesNotContain("development");
    }
}
