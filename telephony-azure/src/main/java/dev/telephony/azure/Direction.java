package dev.telephony.azure;

import com.azure.communication.phonenumbers.models.PhoneNumberCapabilityType;

/** Which way a number's calling or SMS works at Azure. */
public enum Direction {
    NONE(PhoneNumberCapabilityType.NONE),
    INBOUND(PhoneNumberCapabilityType.INBOUND),
    OUTBOUND(PhoneNumberCapabilityType.OUTBOUND),
    INBOUND_OUTBOUND(PhoneNumberCapabilityType.INBOUND_OUTBOUND);

    /** Every direction, made once: {@code values()} copies its array on each call, and each number read asks twice. */
    static final java.util.List<Direction> ALL = java.util.List.of(values());

    private final PhoneNumberCapabilityType sdk;

    Direction(PhoneNumberCapabilityType sdk) {
        this.sdk = sdk;
    }

    PhoneNumberCapabilityType sdk() {
        return sdk;
    }

    static Direction of(PhoneNumberCapabilityType type) {
        for (Direction d : ALL) {
            if (d.sdk.equals(type)) {
                return d;
            }
        }
        return NONE;
    }
}
