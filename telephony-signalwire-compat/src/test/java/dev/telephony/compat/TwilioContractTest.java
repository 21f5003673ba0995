package dev.telephony.compat;

import dev.telephony.api.Capability;
import dev.telephony.testkit.contract.ProviderHarness;
import dev.telephony.testkit.contract.TelephonyContract;
import java.util.Set;

/** The whole contract against Twilio's API through the same LaML implementation, simulated on loopback. */
class TwilioContractTest implements TelephonyContract {
    @Override
    public ProviderHarness createHarness() {
        return new LamlHarness(LamlFlavor.TWILIO);
    }

    @Override
    public Set<Capability> declaredCapabilities() {
        return LamlFlavor.TWILIO.capabilities();
    }
}
