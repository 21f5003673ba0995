package dev.telephony.azure;

import com.azure.communication.phonenumbers.models.PhoneNumberCapabilityType;

/** Which way a number's calling or SMS works at Azure. */
public enum Direction {
    NONE(PhoneNumberCapabilityType.NONE),
    INBOUND(PhoneNumberCapabilityType.INBOUND),
    OUTBOUND(PhoneNumberCapabilityType.OUTBOUND),
    INBOUND_OUTBOUND(PhoneNumberCapabilityType.INBOUND_OUTBOUND);

    private final PhoneNumberCapabilityType sdk;

    Direction(PhoneNumberCapabilityType sdk) {
        this.sdk = sdk;
    }

    PhoneNumberCapabilityType sdk() {
        return sdk;
    }

    static Direction of(PhoneNumberCapabilityType type) {
        for (Direction d : values()) {
            if (d.sdk.equals(type)) {
                return d;
            }
        }
        return NONE;
    }
}
