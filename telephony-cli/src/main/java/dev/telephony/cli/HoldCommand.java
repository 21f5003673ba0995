package dev.telephony.cli;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.HeldNumber;
import dev.telephony.api.Hold;
import dev.telephony.api.HoldPurchase;
import dev.telephony.api.HoldRequest;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.NotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code telephony hold …}: holding chosen numbers before buying exactly those. {@code hold create}
 * holds the NUMBERs named as bare numbers ({@link HoldRequest#ofNumbers}), or the first {@code --count}
 * offers a search finds ({@link HoldRequest#ofOffers}, which carry what a provider needs to hold them).
 */
@Command(name = "hold", mixinStandardHelpOptions = true,
        description = {"Holding chosen numbers before buying exactly those (a shopping cart at the provider): "
                + "create, add, remove, show, list, release, buy. A hold runs out after a while (the sandbox: 15 minutes "
                + "after its last change, at most 2 hours); its id alone is enough in any later command."},
        subcommands = {HoldCommand.Create.class, HoldCommand.Add.class, HoldCommand.Remove.class, HoldCommand.Show.class,
                HoldCommand.ListHolds.class, HoldCommand.Release.class, HoldCommand.Buy.class})
final class HoldCommand extends BaseCommand {
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new ExitCodes.UsageException("name a hold command: create, add, remove, show, list, release or buy");
    }

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Holds the NUMBERs named, or the first --count numbers a search finds (--from-search, or any "
                    + "search filter, with the filters of 'telephony search'). Each number is reported HELD, or ERROR "
                    + "with the provider's reason; nothing is bought."})
    static final class Create extends WithProvider {
        @Parameters(arity = "0..*", paramLabel = "NUMBER", converter = Converters.Number.class, description = "The numbers to hold.")
        List<PhoneNumber> numbers = new ArrayList<>();

        @Option(names = "--from-search", description = "Hold what a search with the filters below finds.")
        boolean fromSearch;

        @Option(names = "--count", paramLabel = "N", defaultValue = "1",
                description = "With a search: how many of the numbers found to hold (default: ${DEFAULT-VALUE}).")
        int count;

        @Mixin
        SearchFilters filters;

        private boolean searching() {
            return fromSearch || given("--count") || SearchFilters.OPTIONS.stream().anyMatch(this::given);
        }

        @Override
        void check() {
            if (!numbers.isEmpty() && searching()) {
                throw new ExitCodes.UsageException("name the numbers to hold or search for them, not both");
            }
            if (numbers.isEmpty() && !searching()) {
                throw new ExitCodes.UsageException("name the numbers to hold, or search for them with --from-search and "
                        + "the filters of 'telephony search' (see 'telephony hold create --help')");
            }
        }

        @Override
        int run(TelephonyProvider provider, Output output) {
            HoldRequest request;
            if (numbers.isEmpty()) {
                List<AvailableNumber> offers = provider.inventory().search(filters.search(count));
                if (offers.size() < count) {
                    throw new ExitCodes.RefusedException(offers.isEmpty() ? "no numbers match the search; nothing was held"
                            : "only " + offers.size() + " of " + count + " numbers match the search; nothing was held");
                }
                request = HoldRequest.ofOffers(offers);
            } else {
                request = HoldRequest.ofNumbers(numbers);
            }
            Hold hold = provider.holds().create(request);
            print(hold, output);
            output.note("buy what it holds with: telephony hold buy " + hold.id() + " --wait");
            return ExitCodes.OK;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Adds numbers to an active hold."})
    static final class Add extends WithProvider {
        @Parameters(index = "0", paramLabel = "HOLD_ID", description = "The hold's id.")
        String id;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "NUMBER", converter = Converters.Number.class,
                description = "The numbers to add.")
        List<PhoneNumber> numbers;

        @Override
        int run(TelephonyProvider provider, Output output) {
            print(provider.holds().add(id, HoldRequest.ofNumbers(numbers)), output);
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Takes numbers out of an active hold; they are free for anyone again."})
    static final class Remove extends WithProvider {
        @Parameters(index = "0", paramLabel = "HOLD_ID", description = "The hold's id.")
        String id;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "NUMBER", converter = Converters.Number.class,
                description = "The numbers to take out.")
        List<PhoneNumber> numbers;

        @Override
        int run(TelephonyProvider provider, Output output) {
            print(provider.holds().remove(id, numbers), output);
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = {"Shows a hold by its id: each number's status and its expiry."})
    static final class Show extends WithProvider {
        @Parameters(paramLabel = "HOLD_ID", description = "The hold's id.")
        String id;

        @Override
        int run(TelephonyProvider provider, Output output) {
            print(provider.holds().get(id).orElseThrow(() -> new NotFoundException("no hold " + id, ErrorContext.of(provider.name()))),
                    output);
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"Lists the account's holds."})
    static final class ListHolds extends WithProvider {
        @Override
        int run(TelephonyProvider provider, Output output) {
            if (output.json()) {
                try (Output.JsonArrayStream array = output.jsonArray()) {
                    for (Hold hold : provider.holds().list()) {
                        array.add(Json.hold(hold));
                    }
                }
                return ExitCodes.OK;
            }
            long count = 0;
            Output.StreamingTable table = output.streamingTable(List.of("HOLD", "STATUS", "EXPIRES", "HELD"), 36, 10, 20, 12);
            for (Hold hold : provider.holds().list()) {
                table.add(List.of(hold.id(), hold.status().name(), Output.time(hold.expiresAt()), numbers(hold.held())));
                count++;
            }
            output.note(count == 0 ? "no holds" : Output.plural(count, "hold", "holds"));
            return ExitCodes.OK;
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = {"Gives a hold up: its numbers are free for anyone again; nothing is bought."})
    static final class Release extends WithProvider {
        @Parameters(paramLabel = "HOLD_ID", description = "The hold's id.")
        String id;

        @Override
        int run(TelephonyProvider provider, Output output) {
            provider.holds().release(id);
            if (output.json()) {
                com.fasterxml.jackson.databind.node.ObjectNode node = Json.object();
                node.put("released", id);
                output.json(node);
            } else {
                output.line("released hold " + id);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "buy", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Buys exactly the numbers a hold holds, as one order. Some providers complete it later "
                    + "(PENDING); --wait follows it to the end. This spends money with a real provider."})
    static final class Buy extends WithProvider {
        @Parameters(paramLabel = "HOLD_ID", description = "The hold's id.")
        String id;

        @Option(names = "--agree-not-to-resell",
                description = "Agree not to resell the numbers, as some countries require before their numbers can be bought.")
        boolean agreeNotToResell;

        @Option(names = "--wait", description = "Wait until a PENDING order completes, showing progress.")
        boolean await;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = Converters.Wait.class,
                description = "How long --wait waits in all (default: ${DEFAULT-VALUE}); the order goes on after it.")
        Duration timeout;

        @Override
        int run(TelephonyProvider provider, Output output) {
            HoldPurchase purchase = HoldPurchase.of(id);
            if (agreeNotToResell) {
                purchase = purchase.agreeingNotToResell();
            }
            PurchaseOrder order = provider.holds().purchase(purchase);
            if (await) {
                order = Orders.await(provider.purchaser(), order, timeout, context().clock(), output);
            }
            return Orders.finish(order, output, await);
        }
    }

    /** Prints a hold: JSON, or a label/value block with a line per number. */
    static void print(Hold hold, Output output) {
        if (output.json()) {
            output.json(Json.hold(hold));
            return;
        }
        List<Map.Entry<String, String>> lines = Output.lines();
        lines.add(Output.entry("hold", hold.id()));
        lines.add(Output.entry("status", hold.status().name()));
        lines.add(Output.entry("expires", Output.time(hold.expiresAt())));
        for (HeldNumber n : hold.numbers()) {
            String why = n.errorMessage().or(n::errorCode).map(r -> " (" + r + ")").orElse("");
            lines.add(Output.entry("number", n.number().e164() + " " + n.status() + why));
        }
        hold.attributes().forEach((k, v) -> lines.add(Output.entry(k, v)));
        output.details(lines);
    }

    private static String numbers(List<PhoneNumber> numbers) {
        return numbers.stream().map(PhoneNumber::e164).collect(Collectors.joining(" "));
    }
}
