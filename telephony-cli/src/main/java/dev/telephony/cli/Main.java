package dev.telephony.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The runnable jar's entry point: {@code java -jar telephony-cli.jar COMMAND ...}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: JSON is UTF-8, and provider descriptions are not all ASCII
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = TelephonyCli.run(CliContext.system(), out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
