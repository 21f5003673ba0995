package dev.telephony.cli;

import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.NotFoundException;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "order", mixinStandardHelpOptions = true,
        description = {"Shows a purchase order by its id, or with --wait follows it until it completes. "
                + "The id alone is enough, in any later command."})
final class OrderCommand extends BaseCommand.WithProvider {
    @Parameters(paramLabel = "ORDER_ID", description = "The order id that 'telephony buy' printed.")
    String id;

    @Option(names = "--wait", description = "Wait until the order completes, showing progress.")
    boolean await;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = Converters.Wait.class,
            description = "How long --wait waits in all (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    int run(TelephonyProvider provider, Output output) {
        PurchaseOrder order = provider.purchaser().order(id)
                .orElseThrow(() -> new NotFoundException("no order " + id, ErrorContext.of(provider.name())));
        if (await) {
            order = Orders.await(provider.purchaser(), order, timeout, context().clock(), output);
        }
        return Orders.finish(order, output, await);
    }
}
