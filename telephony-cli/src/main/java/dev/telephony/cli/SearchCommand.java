package dev.telephony.cli;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.composite.CompositeExtension;
import dev.telephony.composite.SearchAnswer;
import java.util.Optional;
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
        NumberSearch search = filters.search(limit);
        Optional<CompositeExtension> composite = Composites.of(provider);
        List<AvailableNumber> offers;
        if (composite.isPresent()) {
            // the full answer: every member that failed is shown, and fails the search only when nothing was offered
            SearchAnswer answer = composite.get().search(search);
            answer.failures().forEach(f -> output.note(Composites.note(f)));
            if (answer.offers().isEmpty() && !answer.failures().isEmpty()) {
                throw answer.failures().get(0).error();
            }
            offers = answer.offers();
        } else {
            offers = provider.inventory().search(search);
        }
        if (output.json()) {
            output.json(Json.array(offers, Json::offer));
            return ExitCodes.OK;
        }
        if (offers.isEmpty()) {
            output.note("no numbers match");
            return ExitCodes.OK;
        }
        table(offers, output, composite.isPresent());
        output.note(Output.plural(offers.size(), "number", "numbers") + " offered; buy one with: telephony buy "
                + offers.get(0).number() + (provider.supports(dev.telephony.api.Capability.NAMES) ? " --name \"Support line\"" : "")
                + " --wait");
        return ExitCodes.OK;
    }

    static void table(List<AvailableNumber> offers, Output output, boolean carriers) {
        boolean holds = offers.stream().anyMatch(o -> o.holdExpiresAt().isPresent());
        List<String> headers = new ArrayList<>(List.of("NUMBER", "TYPE", "REGION", "LOCALITY", "RATE CENTER", "FEATURES"));
        if (carriers) {
            headers.add(1, "CARRIER");
        }
        if (holds) {
            headers.add("HELD UNTIL");
        }
        output.table(headers, offers.stream().map(o -> {
            List<String> row = new ArrayList<>(List.of(o.number().e164(), o.type().name(), o.region().orElse(""),
                    o.locality().orElse(""), o.rateCenter().orElse(""), Output.features(o.features())));
            if (carriers) {
                row.add(1, Composites.carrier(o.attributes()));
            }
            if (holds) {
                row.add(o.holdExpiresAt().map(Output::time).orElse(""));
            }
            return row;
        }).toList());
    }
}
