package dev.telephony.testkit.carrier;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberType;
import dev.telephony.api.PhoneNumber;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Seeds numbers on offer in North American blocks:
 * <pre>{@code
 * carrier.seed().areaCode("212").exchange("555").region("NY").locality("New York")
 *        .rateCenter("NWYRCYZN01").count(50).add();
 * }</pre>
 * Numbers run from {@code firstLine} upward: {@code +1 212 555 0100}, {@code …0101}, and so on.
 */
public final class Seeder {
    private final CarrierState carrier;
    private String countryCode = "US";
    private NumberType type = NumberType.LOCAL;
    private String areaCode = "212";
    private String exchange = "555";
    private int firstLine = 100;
    private int count = 10;
    private String region;
    private String locality;
    private String rateCenter;
    private Set<NumberFeature> features = EnumSet.of(NumberFeature.VOICE, NumberFeature.SMS, NumberFeature.MMS);

    Seeder(CarrierState carrier) {
        this.carrier = Objects.requireNonNull(carrier, "carrier");
    }

    public Seeder countryCode(String countryCode) {
        this.countryCode = countryCode;
        return this;
    }

    public Seeder type(NumberType type) {
        this.type = type;
        return this;
    }

    /** A toll-free block under {@code prefix} (800, 833, …): no region, locality or rate center. */
    public Seeder tollFree(String prefix) {
        this.type = NumberType.TOLL_FREE;
        this.areaCode = prefix;
        this.features = EnumSet.of(NumberFeature.VOICE, NumberFeature.SMS);
        return this;
    }

    public Seeder areaCode(String areaCode) {
        this.areaCode = areaCode;
        return this;
    }

    public Seeder exchange(String exchange) {
        this.exchange = exchange;
        return this;
    }

    /** The line number (last four digits) of the first number. */
    public Seeder firstLine(int firstLine) {
        this.firstLine = firstLine;
        return this;
    }

    public Seeder count(int count) {
        this.count = count;
        return this;
    }

    public Seeder region(String region) {
        this.region = region;
        return this;
    }

    public Seeder locality(String locality) {
        this.locality = locality;
        return this;
    }

    public Seeder rateCenter(String rateCenter) {
        this.rateCenter = rateCenter;
        return this;
    }

    public Seeder features(NumberFeature... features) {
        this.features = features.length == 0 ? EnumSet.noneOf(NumberFeature.class) : EnumSet.of(features[0], features);
        return this;
    }

    /** Adds the block to the carrier's offer and returns it. */
    public List<AvailableNumber> add() {
        if (firstLine + count > 10_000) {
            throw new IllegalArgumentException("a block holds lines 0000 to 9999");
        }
        List<AvailableNumber> block = new ArrayList<>();
        for (int line = firstLine; line < firstLine + count; line++) {
            PhoneNumber number = PhoneNumber.of(String.format("+1%s%s%04d", areaCode, exchange, line));
            block.add(AvailableNumber.builder(number).type(type).features(features).countryCode(countryCode)
                    .region(region).locality(locality).rateCenter(rateCenter).build());
        }
        carrier.offer(block);
        return block;
    }
}
