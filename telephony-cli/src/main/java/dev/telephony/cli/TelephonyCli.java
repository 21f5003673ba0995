package dev.telephony.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telephony.api.error.TelephonyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code telephony} command: the global options and the subcommands. Run it in-process with
 * {@link #run(CliContext, PrintWriter, PrintWriter, String...)}, which returns the exit code.
 */
@Command(name = "telephony",
        mixinStandardHelpOptions = true,
        versionProvider = TelephonyCli.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {
                "Search, hold, buy, configure, port and release telephone numbers with any provider.",
                "",
                "With no provider named, commands run against the sandbox: an in-memory carrier with a seeded US "
                        + "offer whose state is kept in ~/.telephony/sandbox.json, so what one command buys the next "
                        + "one owns. It reaches no network and spends no money; 'telephony sandbox reset' starts over."},
        subcommands = {
                ProvidersCommand.class,
                RegionsCommand.class,
                SearchCommand.class,
                BuyCommand.class,
                HoldCommand.class,
                OrderCommand.class,
                ListCommand.class,
                ShowCommand.class,
                UpdateCommand.class,
                ReleaseCommand.class,
                PortCommand.class,
                SandboxCommand.class,
                CompletionCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nChoosing and configuring a provider:%n",
        footer = {
                "The provider is the one named by --provider, else by telephony.provider in the --config file, else by "
                        + "the environment variable TELEPHONY_PROVIDER; with none, the sandbox.",
                "Configuration key K of provider P comes from the --config file (as K or telephony.P.K), else the "
                        + "environment variable TELEPHONY_P_K (upper case, other characters as _). Missing keys are "
                        + "listed by name; 'telephony providers' shows each provider's keys. Secret values are never printed.",
                "",
                "Numbers are E.164 (+12125550100) or written as people do ((212) 555-0100, read as US)."})
public final class TelephonyCli implements Runnable {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-p", "--provider"}, paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The provider to use (see 'telephony providers'); default: TELEPHONY_PROVIDER, else the sandbox.")
    private String provider;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "A properties file of configuration: 'key=value' or 'telephony.<provider>.<key>=value', "
                    + "and optionally 'telephony.provider=<name>'. Its values take precedence over the environment.")
    private Path config;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the result as JSON (errors as one JSON line on stderr).")
    private boolean json;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log each request (never a secret) and show stack traces of errors.")
    private boolean verbose;

    TelephonyCli(CliContext context) {
        this.context = context;
    }

    /** Runs the command line on {@code args} and returns its exit code; output goes to {@code out}, errors to {@code err}. */
    public static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(context, out, err).execute(args);
    }

    /** The command line, configured: exit codes for every failure, one-line error messages. */
    static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        TelephonyCli root = new TelephonyCli(context);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (String line : ExitCodes.HELP) {
            int colon = line.indexOf(':');
            exitCodes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        footers(commandLine);
        commandLine.setExecutionExceptionHandler((error, command, parseResult) -> root.fail(error, command.getErr()));
        commandLine.setParameterExceptionHandler((error, arguments) -> root.usage(error));
        commandLine.setExecutionStrategy(parseResult -> root.withLogging(() -> new CommandLine.RunLast().execute(parseResult)));
        return commandLine;
    }

    private static void footers(CommandLine commandLine) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (sub.getCommandSpec().usageMessage().footer().length == 0) {
                sub.getCommandSpec().usageMessage().footer(
                        "%nExit codes: 0 done, 1 other, 2 usage, 3 not found, 4 authentication, 5 unavailable (retry later), "
                                + "6 refused, 7 unsupported, 8 configuration ('telephony --help' explains them).");
            }
            footers(sub);
        }
    }

    /** Without a command: the usage, on stderr, as a usage error. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new ExitCodes.UsageException("name a command");
    }

    CliContext context() {
        return context;
    }

    boolean json() {
        return json;
    }

    Connector connector() {
        return new Connector(context, Optional.ofNullable(provider), Optional.ofNullable(config));
    }

    private int withLogging(java.util.function.IntSupplier command) {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.telephony");
        Level before = logger.getLevel();
        if (verbose) {
            logger.setLevel(Level.DEBUG);
        }
        try {
            return command.getAsInt();
        } finally {
            logger.setLevel(before);
        }
    }

    private int fail(Exception error, PrintWriter err) {
        int code = ExitCodes.of(error);
        String message = error instanceof TelephonyException || error instanceof ExitCodes.UsageException
                || error instanceof ExitCodes.RefusedException ? error.getMessage()
                : error instanceof UncheckedIOException io ? io.getMessage() + ": " + io.getCause().getMessage()
                : "unexpected error: " + error + (verbose ? "" : " (--verbose shows where)");
        report(err, code, message);
        if (verbose) {
            error.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private int usage(CommandLine.ParameterException error) {
        String command = error.getCommandLine().getCommandSpec().qualifiedName();
        report(error.getCommandLine().getErr(), ExitCodes.USAGE, error.getMessage() + " (see '" + command + " --help')");
        return ExitCodes.USAGE;
    }

    private void report(PrintWriter err, int code, String message) {
        String line = message.replaceAll("\\s*\\R\\s*", " ").strip();
        if (json) {
            ObjectNode node = Json.object();
            ObjectNode detail = node.putObject("error");
            detail.put("kind", ExitCodes.kind(code));
            detail.put("exitCode", code);
            detail.put("message", line);
            err.println(node.toString());
        } else {
            err.println("telephony: " + line);
        }
        err.flush();
    }

    /** The version, from the jar's build. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = TelephonyCli.class.getResourceAsStream("/telephony-cli.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"telephony " + properties.getProperty("version", "(development)"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
