package dev.telephony.azure;

import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;

/** What Azure offers beyond the neutral API: SIP routing, and calling/SMS capabilities by direction. */
public interface AzureExtensions {
    /** Trunks and routes. */
    AzureSipRouting sipRouting();

    /** Sets a number's calling and SMS directions, waiting for Azure's operation to finish. */
    OwnedNumber updateCapabilities(PhoneNumber number, Direction calling, Direction sms);
}
