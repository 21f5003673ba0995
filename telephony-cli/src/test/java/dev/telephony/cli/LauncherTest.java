package dev.telephony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./telephony} launcher runs the runnable jar, never the Javadoc or sources jar
 * the build writes beside it. Run on a copy of the launcher in a directory of its own, with a stand-in
 * {@code java} that prints what it was asked to run.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
    @Test
    void theLauncherRunsTheRunnableJarNotTheJavadocOrSourcesJarBesideIt(@TempDir Path root) throws IOException, InterruptedException {
        Path launcher = root.resolve("telephony");
        Files.copy(Path.of("..", "telephony"), launcher);
        Path target = Files.createDirectories(root.resolve("telephony-cli/target"));
        for (String jar : new String[] {"telephony-cli-0.1.0-SNAPSHOT-javadoc.jar", "telephony-cli-0.1.0-SNAPSHOT-sources.jar",
                "telephony-cli-0.1.0-SNAPSHOT.jar"}) {
            Files.writeString(target.resolve(jar), "");
        }
        Path java = Files.createDirectories(root.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder run = new ProcessBuilder("sh", launcher.toString(), "search", "--area-code", "212").redirectErrorStream(true);
        run.environment().put("JAVA_HOME", root.resolve("jdk").toString());
        Process process = run.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo("-jar " + target.resolve("telephony-cli-0.1.0-SNAPSHOT.jar") + " search --area-code 212");
    }
}
