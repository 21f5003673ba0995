package dev.telephony.azure;

import com.azure.communication.phonenumbers.models.PhoneNumberCapabilities;
import com.azure.communication.phonenumbers.models.PhoneNumberCapabilityType;
import com.azure.communication.phonenumbers.models.PurchasedPhoneNumber;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberStatus;
import dev.telephony.api.NumberType;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import java.util.EnumSet;
import java.util.Set;

/** Azure's number models, mapped to neutral values and back. */
final class AzureNumbers {
    private AzureNumbers() {
    }

    static OwnedNumber owned(PurchasedPhoneNumber n) {
        OwnedNumber.Builder owned = OwnedNumber.builder(n.getId(), PhoneNumber.of(n.getPhoneNumber()))
                .type(n.getPhoneNumberType() != null && "tollFree".equals(n.getPhoneNumberType().toString()) ? NumberType.TOLL_FREE : NumberType.LOCAL)
                .features(features(n.getCapabilities()))
                .status(NumberStatus.ACTIVE)
                .createdAt(n.getPurchaseDate() == null ? null : n.getPurchaseDate().toInstant())
                .attribute("countryCode", n.getCountryCode())
                .attribute("assignmentType", n.getAssignmentType() == null ? null : n.getAssignmentType().toString());
        if (n.getCapabilities() != null) {
            owned.attribute("calling", String.valueOf(n.getCapabilities().getCalling()));
            owned.attribute("sms", String.valueOf(n.getCapabilities().getSms()));
        }
        if (n.getCost() != null) {
            owned.attribute("cost", n.getCost().getAmount() + " " + n.getCost().getCurrencyCode());
            owned.attribute("billingFrequency", String.valueOf(n.getCost().getBillingFrequency()));
        }
        return owned.build();
    }

    static Set<NumberFeature> features(PhoneNumberCapabilities capabilities) {
        Set<NumberFeature> features = EnumSet.noneOf(NumberFeature.class);
        if (capabilities != null) {
            if (capabilities.getCalling() != null && !PhoneNumberCapabilityType.NONE.equals(capabilities.getCalling())) {
                features.add(NumberFeature.VOICE);
            }
            if (capabilities.getSms() != null && !PhoneNumberCapabilityType.NONE.equals(capabilities.getSms())) {
                features.add(NumberFeature.SMS);
            }
        }
        return features;
    }

    /** Calling and SMS both ways for the features asked; calling when nothing is asked. */
    static PhoneNumberCapabilities capabilities(Set<NumberFeature> features) {
        boolean voice = features.isEmpty() || features.contains(NumberFeature.VOICE);
        return new PhoneNumberCapabilities()
                .setCalling(voice ? PhoneNumberCapabilityType.INBOUND_OUTBOUND : PhoneNumberCapabilityType.NONE)
                .setSms(features.contains(NumberFeature.SMS) ? PhoneNumberCapabilityType.INBOUND_OUTBOUND : PhoneNumberCapabilityType.NONE);
    }
}
