package dev.telephony.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.testkit.time.ManualClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Runs the command line in-process, as a user would from a shell: captured stdout and stderr, an
 * environment map, a home directory of the test's own, a manual clock (waits move it; no real time
 * passes) and, unless a test gives one, no terminal.
 */
final class CliRunner {
    private final Path home;
    private final ManualClock clock;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private ScriptedTerminal terminal;

    CliRunner(Path home) {
        this(home, ManualClock.standard());
    }

    CliRunner(Path home, ManualClock clock) {
        this.home = home;
        this.clock = clock;
    }

    CliRunner env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** From now on the command line runs on a terminal that answers with these lines, in order. */
    CliRunner terminal(String... answers) {
        terminal = new ScriptedTerminal(List.of(answers));
        return this;
    }

    ScriptedTerminal terminal() {
        return terminal;
    }

    ManualClock clock() {
        return clock;
    }

    Path home() {
        return home;
    }

    CliContext context() {
        return new CliContext(environment, new Properties(), home, clock, clock.sleeper(), Optional.ofNullable(terminal));
    }

    Result run(String... args) {
        return run(new StringWriter(), args);
    }

    /** Runs with stdout going to {@code out} as well, to watch it as it is written. */
    Result run(Writer out, String... args) {
        StringWriter copy = new StringWriter();
        StringWriter err = new StringWriter();
        Writer tee = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                copy.write(buffer, offset, length);
                out.write(buffer, offset, length);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() {
            }
        };
        int code = TelephonyCli.run(context(), new PrintWriter(tee), new PrintWriter(err), args);
        return new Result(code, copy.toString(), err.toString());
    }

    /** What a command did: its exit code, stdout and stderr. */
    record Result(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("stdout is not JSON: " + out, e);
            }
        }

        JsonNode errorJson() {
            try {
                return Json.MAPPER.readTree(err);
            } catch (IOException e) {
                throw new UncheckedIOException("stderr is not JSON: " + err, e);
            }
        }

        /** Both streams, to check what was never printed. */
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A terminal that answers prompts from a script and remembers what it was asked. */
    static final class ScriptedTerminal implements CliContext.Terminal {
        private final Deque<String> answers;
        private final List<String> prompts = new ArrayList<>();

        ScriptedTerminal(List<String> answers) {
            this.answers = new ArrayDeque<>(answers);
        }

        @Override
        public String readLine(String prompt) {
            prompts.add(prompt);
            return answers.pollFirst();
        }

        @Override
        public char[] readPassword(String prompt) {
            prompts.add(prompt);
            String answer = answers.pollFirst();
            return answer == null ? null : answer.toCharArray();
        }

        List<String> prompts() {
            return prompts;
        }
    }
}
