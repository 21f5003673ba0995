package dev.telephony.cli;

import dev.telephony.api.ListQuery;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.TelephonyProvider;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"The account's numbers, printed as they arrive: one page is fetched at a time, so any "
                + "number of them lists in constant memory."})
final class ListCommand extends BaseCommand.WithProvider {
    @Option(names = "--name-contains", paramLabel = "TEXT", description = "Only numbers whose name contains TEXT.")
    String nameContains;

    @Option(names = "--number-contains", paramLabel = "DIGITS", description = "Only numbers whose digits contain DIGITS.")
    String numberContains;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "" + ListQuery.DEFAULT_PAGE_SIZE,
            description = "How many numbers each request fetches, 1 to " + ListQuery.MAX_PAGE_SIZE + " (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N numbers.")
    Long limit;

    @Override
    void check() {
        if (limit != null && limit < 1) {
            throw new ExitCodes.UsageException("--limit must be at least 1, was " + limit);
        }
    }

    @Override
    int run(TelephonyProvider provider, Output output) {
        ListQuery.Builder query = ListQuery.builder().pageSize(pageSize);
        if (nameContains != null) {
            query.nameContains(nameContains);
        }
        if (numberContains != null) {
            query.numberContains(numberContains);
        }
        Iterator<OwnedNumber> numbers = provider.inventory().list(query.build()).iterator();
        long printed = 0;
        if (output.json()) {
            try (Output.JsonArrayStream array = output.jsonArray()) {
                while ((limit == null || printed < limit) && numbers.hasNext()) {
                    array.add(Json.owned(numbers.next()));
                    printed++;
                }
            }
        } else {
            boolean carriers = Composites.of(provider).isPresent();
            Output.StreamingTable table = carriers
                    ? output.streamingTable(List.of("NUMBER", "CARRIER", "TYPE", "STATUS", "FEATURES", "NAME"), 16, 12, 9, 8, 17)
                    : output.streamingTable(List.of("NUMBER", "TYPE", "STATUS", "FEATURES", "NAME"), 16, 9, 8, 17);
            while ((limit == null || printed < limit) && numbers.hasNext()) {
                OwnedNumber n = numbers.next();
                List<String> row = new java.util.ArrayList<>(List.of(n.number().e164(), n.type().name(), n.status().name(),
                        Output.features(n.features()), n.name().orElse("")));
                if (carriers) {
                    row.add(1, Composites.carrier(n.attributes()));
                }
                table.add(row);
                printed++;
            }
            boolean more = limit != null && printed == limit && numbers.hasNext();
            output.note(printed == 0 ? "no numbers" : Output.plural(printed, "number", "numbers")
                    + (more ? " shown; more follow (raise --limit)" : ""));
        }
        return ExitCodes.OK;
    }
}
