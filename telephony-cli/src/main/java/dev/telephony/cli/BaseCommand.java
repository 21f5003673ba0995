package dev.telephony.cli;

import dev.telephony.api.TelephonyProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand has: the global options, the context, and where to write. */
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    TelephonyCli root() {
        return (TelephonyCli) spec.root().userObject();
    }

    CliContext context() {
        return root().context();
    }

    Output output() {
        return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), root().json());
    }

    /** Whether the option named {@code name} was given on the command line. */
    boolean given(String name) {
        return spec.commandLine().getParseResult().hasMatchedOption(name);
    }

    /** A command that works with a provider: connects, runs, and closes (the sandbox saves its state). */
    abstract static class WithProvider extends BaseCommand {
        @Override
        public final Integer call() {
            check();
            try (Connector.Session session = root().connector().connect()) {
                return run(session.provider(), output());
            }
        }

        /** Checks the arguments before anything is connected; throws on a usage error. */
        void check() {
        }

        abstract int run(TelephonyProvider provider, Output output);
    }
}
