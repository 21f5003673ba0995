package dev.telephony.cli;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.TelephonyProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "buy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Buys numbers: the NUMBERs named, or the first --count numbers a search finds "
                + "(--from-search, or any search filter, with the filters of 'telephony search').",
                "Some providers complete a purchase later (the order is PENDING); --wait follows it to the end, "
                        + "showing progress. This spends money with a real provider."})
final class BuyCommand extends BaseCommand.WithProvider {
    @Parameters(arity = "0..*", paramLabel = "NUMBER", converter = Converters.Number.class, description = "The numbers to buy.")
    List<PhoneNumber> numbers = new ArrayList<>();

    @Option(names = "--from-search", description = "Buy what a search with the filters below finds.")
    boolean fromSearch;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1",
            description = "With a search: how many of the numbers found to buy (default: ${DEFAULT-VALUE}).")
    int count;

    @Mixin
    SearchFilters filters;

    @Option(names = "--name", paramLabel = "NAME", description = "A friendly name for every number bought.")
    String name;

    @Option(names = "--reference", paramLabel = "REF", description = "Your own reference for the order.")
    String reference;

    @Option(names = "--wait", description = "Wait until a PENDING order completes, showing progress.")
    boolean await;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = Converters.Wait.class,
            description = "How long --wait waits in all (default: ${DEFAULT-VALUE}); the order goes on after it.")
    Duration timeout;

    private boolean searching() {
        return fromSearch || given("--count") || SearchFilters.OPTIONS.stream().anyMatch(this::given);
    }

    @Override
    void check() {
        if (!numbers.isEmpty() && searching()) {
            throw new ExitCodes.UsageException("name the numbers to buy or search for them, not both");
        }
        if (numbers.isEmpty() && !searching()) {
            throw new ExitCodes.UsageException("name the numbers to buy, or search for them with --from-search and "
                    + "the filters of 'telephony search' (see 'telephony buy --help')");
        }
    }

    @Override
    int run(TelephonyProvider provider, Output output) {
        PurchaseRequest request;
        if (numbers.isEmpty()) {
            List<AvailableNumber> offers = provider.inventory().search(filters.search(count));
            if (offers.size() < count) {
                throw new ExitCodes.RefusedException(offers.isEmpty() ? "no numbers match the search; nothing was bought"
                        : "only " + offers.size() + " of " + count + " numbers match the search; nothing was bought");
            }
            request = PurchaseRequest.ofOffers(offers);
        } else {
            request = PurchaseRequest.ofNumbers(numbers);
        }
        if (name != null) {
            request = request.withName(name);
        }
        if (reference != null) {
            request = request.withReference(reference);
        }
        PurchaseOrder order = provider.purchaser().purchase(request);
        if (await) {
            order = Orders.await(provider.purchaser(), order, timeout, context().clock(), output);
        }
        return Orders.finish(order, output, await);
    }
}
