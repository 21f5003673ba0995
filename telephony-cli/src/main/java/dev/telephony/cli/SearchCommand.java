package dev.telephony.cli;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.TelephonyProvider;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Numbers on offer. A filter the provider cannot apply fails (exit 7) rather than being ignored."})
final class SearchCommand extends BaseCommand.WithProvider {
    @Mixin
    SearchFilters filters;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "At most N numbers, 1 to " + NumberSearch.MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    int run(TelephonyProvider provider, Output output) {
        List<AvailableNumber> offers = provider.inventory().search(filters.search(limit));
        if (output.json()) {
            output.json(Json.array(offers, Json::offer));
            return ExitCodes.OK;
        }
        if (offers.isEmpty()) {
            output.note("no numbers match");
            return ExitCodes.OK;
        }
        table(offers, output);
        output.note(Output.plural(offers.size(), "number", "numbers") + " offered; buy one with: telephony buy "
                + offers.get(0).number() + (provider.supports(dev.telephony.api.Capability.NAMES) ? " --name \"Support line\"" : "")
                + " --wait");
        return ExitCodes.OK;
    }

    static void table(List<AvailableNumber> offers, Output output) {
        boolean holds = offers.stream().anyMatch(o -> o.holdExpiresAt().isPresent());
        List<String> headers = new ArrayList<>(List.of("NUMBER", "TYPE", "REGION", "LOCALITY", "RATE CENTER", "FEATURES"));
        if (holds) {
            headers.add("HELD UNTIL");
        }
        output.table(headers, offers.stream().map(o -> {
            List<String> row = new ArrayList<>(List.of(o.number().e164(), o.type().name(), o.region().orElse(""),
                    o.locality().orElse(""), o.rateCenter().orElse(""), Output.features(o.features())));
            if (holds) {
                row.add(o.holdExpiresAt().map(Output::time).orElse(""));
            }
            return row;
        }).toList());
    }
}
