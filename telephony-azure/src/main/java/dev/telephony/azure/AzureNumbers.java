package dev.telephony.azure;

import com.azure.communication.phonenumbers.models.PhoneNumberCapabilities;
import com.azure.communication.phonenumbers.models.PhoneNumberCapabilityType;
import com.azure.communication.phonenumbers.models.PurchasedPhoneNumber;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberStatus;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.ProtocolException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Azure's number models, mapped to neutral values and back. What a number is (its type, its
 * capabilities) comes from Azure's answer; an answer lacking what Azure documents as always there, or
 * carrying a value Azure does not document, is a protocol error (Azure's fault, never the caller's).
 */
final class AzureNumbers {
    private static final ErrorContext CONTEXT = ErrorContext.of(AzureProvider.NAME);

    private AzureNumbers() {
    }

    /**
     * A {@code PurchasedPhoneNumber} Azure answered; {@code where} names the answer in errors, which
     * carry {@code context} (the answer's status and request id).
     */
    static OwnedNumber owned(PurchasedPhoneNumber n, String where, ErrorContext context) {
        try {
            return owned(n, where);
        } catch (ProtocolException malformed) {
            throw new ProtocolException(malformed.reason(), context, malformed.getCause());
        }
    }

    private static OwnedNumber owned(PurchasedPhoneNumber n, String where) {
        if (n == null) {
            throw malformed(where, "is empty");
        }
        if (blank(n.getId()) || blank(n.getPhoneNumber())) {
            throw malformed(where, "lacks the number's id or phoneNumber");
        }
        if (n.getPhoneNumberType() == null || n.getCapabilities() == null || n.getCapabilities().getCalling() == null
                || n.getCapabilities().getSms() == null) {
            throw malformed(where, "lacks the number's type or capabilities");
        }
        OwnedNumber.Builder owned = OwnedNumber.builder(n.getId(), number(n.getPhoneNumber(), where))
                .type(type(n.getPhoneNumberType().toString(), where))
                .features(features(n.getCapabilities(), where))
                .status(NumberStatus.ACTIVE)
                .createdAt(n.getPurchaseDate() == null ? null : n.getPurchaseDate().toInstant())
                .attribute("countryCode", n.getCountryCode())
                .attribute("assignmentType", n.getAssignmentType() == null ? null : n.getAssignmentType().toString())
                .attribute("calling", n.getCapabilities().getCalling().toString())
                .attribute("sms", n.getCapabilities().getSms().toString());
        if (n.getCost() != null) {
            owned.attribute("cost", n.getCost().getAmount() + " " + n.getCost().getCurrencyCode());
            owned.attribute("billingFrequency", String.valueOf(n.getCost().getBillingFrequency()));
        }
        return owned.build();
    }

    /** A number Azure wrote; one that is not E.164 is Azure's malformed answer. */
    static PhoneNumber number(String text, String where) {
        try {
            return PhoneNumber.of(text);
        } catch (InvalidRequestException notANumber) {
            throw new ProtocolException("Azure's answer " + where + " carries '" + AzureErrors.shorten(String.valueOf(text))
                    + "', which is not an E.164 number", CONTEXT, notANumber);
        }
    }

    /** Azure's {@code phoneNumberType}: geographic, tollFree, or (from 2025-06-01) mobile. */
    static NumberType type(String type, String where) {
        return switch (String.valueOf(type)) {
            case "geographic" -> NumberType.LOCAL;
            case "tollFree" -> NumberType.TOLL_FREE;
            case "mobile" -> NumberType.MOBILE;
            default -> throw malformed(where, "has phoneNumberType '" + AzureErrors.shorten(String.valueOf(type))
                    + "', which Azure does not document");
        };
    }

    /** Voice when calling goes either way, SMS when SMS does; a direction Azure does not document is refused. */
    static Set<NumberFeature> features(PhoneNumberCapabilities capabilities, String where) {
        Set<NumberFeature> features = EnumSet.noneOf(NumberFeature.class);
        if (capabilities == null) {
            return features;
        }
        if (direction(capabilities.getCalling(), where) != Direction.NONE) {
            features.add(NumberFeature.VOICE);
        }
        if (direction(capabilities.getSms(), where) != Direction.NONE) {
            features.add(NumberFeature.SMS);
        }
        return features;
    }

    private static Direction direction(PhoneNumberCapabilityType type, String where) {
        if (type == null) {
            return Direction.NONE;
        }
        for (Direction d : Direction.ALL) {
            if (d.sdk().equals(type)) {
                return d;
            }
        }
        throw malformed(where, "has capability '" + AzureErrors.shorten(type.toString()) + "', which Azure does not document");
    }

    /** Calling and SMS both ways for the features asked; calling when nothing is asked. */
    static PhoneNumberCapabilities capabilities(Set<NumberFeature> features) {
        boolean voice = features.isEmpty() || features.contains(NumberFeature.VOICE);
        return new PhoneNumberCapabilities()
                .setCalling(voice ? PhoneNumberCapabilityType.INBOUND_OUTBOUND : PhoneNumberCapabilityType.NONE)
                .setSms(features.contains(NumberFeature.SMS) ? PhoneNumberCapabilityType.INBOUND_OUTBOUND : PhoneNumberCapabilityType.NONE);
    }

    static ProtocolException malformed(String where, String what) {
        return new ProtocolException("Azure's answer " + where + " " + what, CONTEXT);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
