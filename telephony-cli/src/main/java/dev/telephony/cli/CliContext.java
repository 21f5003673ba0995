package dev.telephony.cli;

import dev.telephony.api.Sleeper;
import java.io.Console;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything the command line takes from the world outside its arguments: the environment, the
 * system properties, the home directory (where the sandbox keeps its state), the clock and sleeper
 * every wait goes through, and the terminal to ask questions on, if there is one. {@link #system()}
 * is the real one; tests build their own, so commands run in-process without real time, a real home
 * or a terminal.
 *
 * @param environment      the environment variables ({@code TELEPHONY_PROVIDER}, {@code TELEPHONY_<PROVIDER>_<KEY>})
 * @param systemProperties the system properties ({@code telephony.<provider>.<key>})
 * @param home             the user's home directory; the sandbox lives in {@code <home>/.telephony}
 * @param clock            the clock for waits and dates
 * @param sleeper          how waits wait
 * @param terminal         the terminal, when the command line runs on one
 */
public record CliContext(Map<String, String> environment, Properties systemProperties, Path home, Clock clock,
                         Sleeper sleeper, Optional<Terminal> terminal) {
    public CliContext {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(systemProperties, "systemProperties");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(terminal, "terminal");
    }

    /**
     * The real world: this process's environment and properties, the user's home ({@code $HOME} when
     * set, as shells mean it, else Java's {@code user.home}), real time, {@link System#console()}.
     */
    public static CliContext system() {
        Console console = System.console();
        Map<String, String> environment = System.getenv();
        String home = Optional.ofNullable(environment.get("HOME")).filter(h -> !h.isBlank())
                .orElse(System.getProperty("user.home"));
        return new CliContext(environment, System.getProperties(), Path.of(home), Clock.systemUTC(), Sleeper.SYSTEM,
                Optional.ofNullable(console).map(Terminal::of));
    }

    /** A terminal to ask on: prompts for a line or a secret. */
    public interface Terminal {
        /** Shows {@code prompt} and reads a line; {@code null} at end of input. */
        String readLine(String prompt);

        /** Shows {@code prompt} and reads a secret without echoing it; {@code null} at end of input. */
        char[] readPassword(String prompt);

        /** The real console. */
        static Terminal of(Console console) {
            return new Terminal() {
                @Override
                public String readLine(String prompt) {
                    return console.readLine("%s", prompt);
                }

                @Override
                public char[] readPassword(String prompt) {
                    return console.readPassword("%s", prompt);
                }
            };
        }
    }
}
