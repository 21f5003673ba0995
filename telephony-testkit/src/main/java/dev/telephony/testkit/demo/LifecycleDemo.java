package dev.telephony.testkit.demo;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.ListQuery;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberType;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.Route;
import dev.telephony.api.Telephony;
import dev.telephony.api.TelephonyProvider;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The whole lifecycle of a number against the in-memory provider, printing each step: search,
 * purchase, await, update, list, release. Run it with {@code ./mvnw -B -q -Pdemo -DskipTests package}.
 */
public final class LifecycleDemo {
    private LifecycleDemo() {
    }

    public static void main(String[] args) {
        run(System.out, Telephony.builder().config("carrier", "demo"));
    }

    /**
     * Runs the demo on {@code connection} (which says which in-memory carrier, clock and sleeper to
     * use), writing each step to {@code out}.
     */
    public static void run(PrintStream out, Telephony.Builder connection) {
        // "async" makes the purchase PENDING first, so the await step has something to wait for
        try (TelephonyProvider telephony = connection.provider("in-memory").config("purchase-mode", "async").connect()) {
            out.println("1. connected to provider '" + telephony.name() + "' (" + telephony.capabilities().size() + " capabilities)");

            List<AvailableNumber> offers = telephony.inventory().search(NumberSearch.builder()
                    .country("US").type(NumberType.LOCAL).areaCode("212").limit(3).build());
            out.println("2. searched area code 212: " + offers.size() + " offers");
            offers.forEach(o -> out.println("     " + o.number() + "  " + o.locality().orElse("?") + ", "
                    + o.region().orElse("?") + "  " + o.features()));

            AvailableNumber chosen = offers.get(0);
            PurchaseOrder order = telephony.purchaser().purchase(PurchaseRequest.of(chosen).withName("Support line"));
            out.println("3. purchase of " + chosen.number() + " submitted: order " + order.id() + " is " + order.status());

            order = telephony.purchaser().await(order.id(), Duration.ofMinutes(5));
            out.println("4. awaited order " + order.id() + ": " + order.status() + ", bought " + order.purchased());

            OwnedNumber line = telephony.inventory().update(chosen.number(), NumberUpdate.builder()
                    .voiceRoute(Route.to("https://example.com/voice"))
                    .messagingRoute(Route.to("https://example.com/sms"))
                    .callerIdName("ACME SUPPORT")
                    .build());
            out.println("5. updated " + line.number() + ": name=" + line.name().orElse("-") + ", voice="
                    + line.voiceRoute().map(r -> r.url().toString()).orElse("-") + ", callerId="
                    + line.callerIdName().orElse("-"));

            List<OwnedNumber> owned = telephony.inventory().list(ListQuery.builder().pageSize(10).build()).stream().toList();
            out.println("6. listed the account: " + owned.size() + " number(s)");
            owned.forEach(n -> out.println("     " + n.number() + "  " + n.name().orElse("-") + "  " + n.status()));

            telephony.inventory().release(chosen.number());
            out.println("7. released " + chosen.number() + "; still owned: " + telephony.inventory().get(chosen.number()).isPresent());
        }
    }
}
