package dev.telephony.cli;

import dev.telephony.api.Address;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.NumberNotFoundException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, description = {"One number of the account, in full."})
final class ShowCommand extends BaseCommand.WithProvider {
    @Parameters(paramLabel = "NUMBER", converter = Converters.Number.class, description = "The number.")
    PhoneNumber number;

    @Override
    int run(TelephonyProvider provider, Output output) {
        OwnedNumber owned = provider.inventory().get(number)
                .orElseThrow(() -> new NumberNotFoundException(number, ErrorContext.of(provider.name())));
        print(owned, output);
        return ExitCodes.OK;
    }

    /** Prints an owned number: JSON, or a label/value block. */
    static void print(OwnedNumber n, Output output) {
        if (output.json()) {
            output.json(Json.owned(n));
            return;
        }
        List<Map.Entry<String, String>> lines = Output.lines();
        lines.add(Output.entry("number", n.number().e164()));
        lines.add(Output.entry("id", n.id()));
        lines.add(Output.entry("name", n.name().orElse("")));
        lines.add(Output.entry("type", n.type().name()));
        lines.add(Output.entry("status", n.status().name()));
        lines.add(Output.entry("features", Output.features(n.features())));
        lines.add(Output.entry("voice", Output.route(n.voiceRoute())));
        lines.add(Output.entry("messaging", Output.route(n.messagingRoute())));
        lines.add(Output.entry("caller id name", n.callerIdName().orElse("")));
        lines.add(Output.entry("e911 address", n.e911Address().map(e -> e.customerName() + ", " + address(e.address())).orElse("")));
        lines.add(Output.entry("created", n.createdAt().map(Output::time).orElse("")));
        n.attributes().forEach((k, v) -> lines.add(Output.entry(k, v)));
        output.details(lines);
    }

    static String address(Address a) {
        return a.street() + a.unit().map(u -> " " + u).orElse("") + ", " + a.city() + " " + a.state() + " "
                + a.postalCode() + ", " + a.country();
    }
}
