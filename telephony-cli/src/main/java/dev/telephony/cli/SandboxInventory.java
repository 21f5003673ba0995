package dev.telephony.cli;

import dev.telephony.api.NumberFeature;
import dev.telephony.api.PhoneNumber;
import dev.telephony.testkit.carrier.CarrierState;
import java.time.Duration;

/**
 * What the sandbox carrier offers when it starts (or starts over): local blocks in six US area codes,
 * two toll-free blocks, a number that can be ported in and one that cannot. Every local number lies
 * in the 555-0100 to 555-0199 range that North America keeps for fiction, so none of them reaches a
 * real subscriber.
 */
final class SandboxInventory {
    /** A number another carrier holds that the sandbox will port in. */
    static final PhoneNumber PORTABLE = PhoneNumber.of("+16075550199");
    /** A number another carrier holds that the sandbox refuses to port. */
    static final PhoneNumber NOT_PORTABLE = PhoneNumber.of("+13125550199");
    /** How long a sandbox purchase stays PENDING, so that {@code buy --wait} has something to show. */
    static final Duration ORDER_PROCESSING_TIME = Duration.ofSeconds(2);

    private SandboxInventory() {
    }

    static CarrierState seed(CarrierState carrier) {
        carrier.seed().areaCode("212").exchange("555").region("NY").locality("New York").rateCenter("NWYRCYZN01")
                .firstLine(100).count(50).add();
        carrier.seed().areaCode("646").exchange("555").region("NY").locality("New York").rateCenter("NWYRCYZN01")
                .firstLine(100).count(20).add();
        carrier.seed().areaCode("312").exchange("555").region("IL").locality("Chicago").rateCenter("CHICAGO")
                .firstLine(100).count(30).add();
        carrier.seed().areaCode("415").exchange("555").region("CA").locality("San Francisco").rateCenter("SNFC CNTRL")
                .features(NumberFeature.VOICE).firstLine(100).count(20).add();
        carrier.seed().areaCode("512").exchange("555").region("TX").locality("Austin").rateCenter("AUSTIN")
                .firstLine(100).count(30).add();
        carrier.seed().areaCode("206").exchange("555").region("WA").locality("Seattle").rateCenter("SEATTLE")
                .features(NumberFeature.VOICE, NumberFeature.SMS).firstLine(100).count(30).add();
        carrier.seed().tollFree("833").exchange("555").firstLine(100).count(20).add();
        carrier.seed().tollFree("888").exchange("555").firstLine(100).count(20).add();
        carrier.portable(PORTABLE, "AT&T", "BUSINESS", 7);
        carrier.notPortable(NOT_PORTABLE, "the losing carrier reports a port-out freeze on this number");
        carrier.orderProcessingTime(ORDER_PROCESSING_TIME);
        return carrier;
    }
}
