package dev.telephony.testkit.carrier;

import dev.telephony.api.NumberFeature;
import dev.telephony.api.PhoneNumber;

/** The numbers the shared {@code demo} carrier offers. */
final class DemoInventory {
    private DemoInventory() {
    }

    static void seed(CarrierState carrier) {
        carrier.seed().areaCode("212").exchange("555").region("NY").locality("New York").rateCenter("NWYRCYZN01")
                .firstLine(100).count(40).add();
        carrier.seed().areaCode("607").exchange("123").region("NY").locality("Binghamton").rateCenter("BINGHAMTON")
                .firstLine(4500).count(40).add();
        carrier.seed().areaCode("415").exchange("555").region("CA").locality("San Francisco").rateCenter("SNFC CNTRL")
                .features(NumberFeature.VOICE).firstLine(2000).count(20).add();
        carrier.seed().tollFree("833").exchange("555").firstLine(1000).count(20).add();
        carrier.portable(PhoneNumber.of("+16075550199"), "AT&T", "BUSINESS", 7);
    }
}
