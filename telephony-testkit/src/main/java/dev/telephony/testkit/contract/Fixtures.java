package dev.telephony.testkit.contract;

import dev.telephony.api.Address;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberType;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PortRequest;
import dev.telephony.api.PortSubscriber;
import dev.telephony.testkit.carrier.CarrierState;
import java.time.LocalDate;
import java.util.List;

/** The carrier the contract seeds, the same for every provider. */
public final class Fixtures {
    /** A Manhattan block: +1 212 555 0100 … 0119, voice, SMS and MMS. */
    public static final String MANHATTAN = "212";
    /** A second New York block: +1 646 555 0100 … 0109. */
    public static final String NEW_YORK_OVERLAY = "646";
    /** Binghamton: +1 607 123 4500 … 4509, rate center BINGHAMTON. */
    public static final String BINGHAMTON = "607";
    /** San Francisco, voice only: +1 415 555 2000 … 2009. */
    public static final String SAN_FRANCISCO = "415";
    /** Toll-free: +1 833 555 1000 … 1009. */
    public static final String TOLL_FREE_PREFIX = "833";
    /** Mobile numbers: +1 917 555 3000 … 3009. */
    public static final String MOBILE_AREA_CODE = "917";
    /** The losing carrier's PIN in the contract's port requests: a secret no log or message may show. */
    public static final String PORT_PIN = "97531864";
    /** An area code with nothing on offer. */
    public static final String EMPTY_AREA_CODE = "305";

    private Fixtures() {
    }

    /** Seeds the contract's standard offer into {@code carrier}. */
    public static void seedStandardOffer(CarrierState carrier) {
        carrier.seed().areaCode(MANHATTAN).exchange("555").firstLine(100).count(20)
                .region("NY").locality("New York").rateCenter("NWYRCYZN01").add();
        carrier.seed().areaCode(NEW_YORK_OVERLAY).exchange("555").firstLine(100).count(10)
                .region("NY").locality("New York").rateCenter("NWYRCYZN03").add();
        carrier.seed().areaCode(BINGHAMTON).exchange("123").firstLine(4500).count(10)
                .region("NY").locality("Binghamton").rateCenter("BINGHAMTON").add();
        carrier.seed().areaCode(SAN_FRANCISCO).exchange("555").firstLine(2000).count(10)
                .region("CA").locality("San Francisco").rateCenter("SNFC CNTRL").features(NumberFeature.VOICE).add();
        carrier.seed().tollFree(TOLL_FREE_PREFIX).exchange("555").firstLine(1000).count(10).add();
        carrier.seed().type(NumberType.MOBILE).areaCode(MOBILE_AREA_CODE).exchange("555").firstLine(3000).count(10)
                .region("NY").locality("New York").features(NumberFeature.VOICE, NumberFeature.SMS).add();
    }

    /** A local US search in {@code areaCode}. */
    public static NumberSearch.Builder local(String areaCode) {
        return NumberSearch.builder().country("US").type(NumberType.LOCAL).areaCode(areaCode);
    }

    /** Searches {@code areaCode} for one offer and returns it. */
    public static AvailableNumber anOffer(ProviderHarness harness, String areaCode) {
        List<AvailableNumber> offers = harness.provider().inventory().search(local(areaCode).limit(1).build());
        if (offers.isEmpty()) {
            throw new AssertionError("the seeded area code " + areaCode + " offered nothing");
        }
        return offers.get(0);
    }

    /** A port request for {@code number}, asking for a date {@code daysAhead} days after the harness's today. */
    public static PortRequest portRequest(ProviderHarness harness, PhoneNumber number, int daysAhead) {
        return PortRequest.builder()
                .number(number)
                .subscriber(PortSubscriber.business("John", "Doe", "Acme Corporation", "John Doe"))
                .serviceAddress(Address.us("135 Front St", "Binghamton", "NY", "13905"))
                .billingTelephoneNumber(number)
                .carrierAccountNumber("123456789")
                .pin(PORT_PIN)
                .requestedDate(LocalDate.now(harness.clock()).plusDays(daysAhead))
                .currentProvider("AT&T")
                .build();
    }
}
