package dev.telephony.cli;

import dev.telephony.api.Capability;
import dev.telephony.api.NumberFeature;
import dev.telephony.composite.CompositeProvider;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.memory.InMemoryProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The sandbox with two carriers, as a composite: "east", seeded like the sandbox (porting included), and
 * "west", with an offer of its own (more numbers in 212, Denver, Boston and toll-free 844) that neither
 * ports nor searches by rate center. Each keeps its state in {@code <home>/.telephony/composite-<carrier>.json}.
 * Searches show the carrier of each offer, purchases go to it, and a rate-center search goes to east alone.
 */
final class CompositeSandbox {
    static final String NAME = "composite-sandbox";
    static final String DESCRIPTION = "two sandbox carriers as one composite: east (the sandbox's offer, porting) and west "
            + "(an offer of its own; no porting, no rate-center searches), kept in ~/.telephony/composite-east.json and "
            + "composite-west.json; reaches no network and spends no money";
    static final Set<Capability> WEST = Set.copyOf(EnumSet.complementOf(EnumSet.of(Capability.PORTING,
            Capability.SEARCH_BY_RATE_CENTER)));

    private CompositeSandbox() {
    }

    static Connector.Session open(CliContext context) {
        Sandbox east = Sandbox.open(context, "composite-east", SandboxInventory::seed, InMemoryProvider.ALL_CAPABILITIES, false);
        Sandbox west;
        try {
            west = Sandbox.open(context, "composite-west", CompositeSandbox::seedWest, WEST, false);
        } catch (RuntimeException e) {
            east.close();
            throw e;
        }
        CompositeProvider composite = CompositeProvider.builder()
                .member("east", east.provider())
                .member("west", west.provider())
                .clock(context.clock())
                .build();
        return new Connector.Session(composite, List.of(east, west));
    }

    /** West's offer: numbers in the 555-0100 to 555-0199 range kept for fiction, as the sandbox's are. */
    static CarrierState seedWest(CarrierState carrier) {
        carrier.seed().areaCode("212").exchange("555").region("NY").locality("New York").rateCenter("NWYRCYZN01")
                .firstLine(150).count(30).add();
        carrier.seed().areaCode("303").exchange("555").region("CO").locality("Denver").rateCenter("DENVER")
                .firstLine(100).count(30).add();
        carrier.seed().areaCode("617").exchange("555").region("MA").locality("Boston").rateCenter("BOSTON")
                .features(NumberFeature.VOICE, NumberFeature.SMS).firstLine(100).count(20).add();
        carrier.seed().tollFree("844").exchange("555").firstLine(100).count(20).add();
        carrier.orderProcessingTime(SandboxInventory.ORDER_PROCESSING_TIME);
        return carrier;
    }
}
