package dev.telephony.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telephony.api.PortOrder;
import dev.telephony.api.PortStatus;
import dev.telephony.testkit.carrier.CarrierRejection;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.NotFoundException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"The sandbox, the default provider: an in-memory carrier whose state is kept in "
                + "~/.telephony/sandbox.json. These commands act on it whatever provider is chosen."},
        subcommands = {SandboxCommand.Info.class, SandboxCommand.Reset.class, SandboxCommand.AdvancePort.class})
final class SandboxCommand extends BaseCommand {
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new ExitCodes.UsageException("name a sandbox command: info, reset or advance-port");
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = {"Where the sandbox keeps its state, and what it holds."})
    static final class Info extends BaseCommand {
        @Override
        public Integer call() {
            try (Sandbox sandbox = Sandbox.open(context())) {
                summary(sandbox, output(), null);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = {"Starts the sandbox over: its numbers, orders and ports are forgotten and the seeded offer returns."})
    static final class Reset extends BaseCommand {
        @Override
        public Integer call() {
            try (Sandbox sandbox = Sandbox.reset(context())) {
                summary(sandbox, output(), "the sandbox starts over");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "advance-port", mixinStandardHelpOptions = true,
            description = {"Plays the losing carrier for a sandbox port: moves it one step on (PENDING to APPROVED, "
                    + "APPROVED to IN_PROGRESS, IN_PROGRESS to COMPLETED, when its numbers join the account), "
                    + "or rejects it with --reject."})
    static final class AdvancePort extends BaseCommand {
        @Parameters(paramLabel = "PORT_ID", description = "The sandbox port.")
        String id;

        @Option(names = "--reject", paramLabel = "REASON", description = "Reject the (pending) port for REASON.")
        String reject;

        @Override
        public Integer call() {
            try (Sandbox sandbox = Sandbox.open(context())) {
                CarrierState carrier = sandbox.carrier();
                PortOrder port = carrier.port(id).orElseThrow(() -> new NotFoundException("no port " + id, ErrorContext.of(Sandbox.NAME)));
                try {
                    if (reject != null) {
                        port = carrier.rejectPort(id, reject);
                    } else if (port.status() == PortStatus.PENDING) {
                        port = carrier.approvePort(id, port.requestedDate());
                    } else if (port.status() == PortStatus.APPROVED) {
                        port = carrier.startPort(id);
                    } else if (port.status() == PortStatus.IN_PROGRESS) {
                        port = carrier.completePort(id);
                    } else {
                        throw new ConflictException("port " + id + " is " + port.status() + " and goes no further",
                                ErrorContext.of(Sandbox.NAME));
                    }
                } catch (CarrierRejection e) {
                    throw new ConflictException(e.getMessage(), ErrorContext.of(Sandbox.NAME));
                }
                PortCommand.print(port, output());
            }
            return ExitCodes.OK;
        }
    }

    private static void summary(Sandbox sandbox, Output output, String headline) {
        CarrierState carrier = sandbox.carrier();
        int offered = carrier.available().size();
        int owned = carrier.ownedNumbers().size();
        int orders = carrier.orders().size();
        int ports = carrier.ports().size();
        if (output.json()) {
            ObjectNode node = Json.object();
            node.put("stateFile", sandbox.file().toString());
            node.put("offered", offered);
            node.put("owned", owned);
            node.put("orders", orders);
            node.put("ports", ports);
            output.json(node);
            return;
        }
        if (headline != null) {
            output.line(headline);
        }
        List<Map.Entry<String, String>> lines = Output.lines();
        lines.add(Output.entry("state file", sandbox.file().toString()));
        lines.add(Output.entry("on offer", Output.plural(offered, "number", "numbers")));
        lines.add(Output.entry("owned", Output.plural(owned, "number", "numbers")));
        lines.add(Output.entry("orders", String.valueOf(orders)));
        lines.add(Output.entry("ports", String.valueOf(ports)));
        output.details(lines);
    }
}
