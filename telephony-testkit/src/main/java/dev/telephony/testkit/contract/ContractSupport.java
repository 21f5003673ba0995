package dev.telephony.testkit.contract;

import dev.telephony.api.Capability;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.Route;
import dev.telephony.api.TelephonyProvider;
import java.util.EnumSet;
import org.opentest4j.TestAbortedException;

/** Small choices the contract makes per provider. */
final class ContractSupport {
    private ContractSupport() {
    }

    /** Every secret the contract must never see in a log or message: the harness's and the port PIN. */
    static java.util.Set<String> secretsOf(ProviderHarness harness) {
        java.util.Set<String> all = new java.util.HashSet<>(harness.secrets());
        all.add(Fixtures.PORT_PIN);
        return all;
    }

    /** An update the provider supports, for tests about updating in general. */
    static NumberUpdate anyUpdateThe(TelephonyProvider provider) {
        if (provider.supports(Capability.VOICE_ROUTING)) {
            return NumberUpdate.builder().voiceRoute(Route.to("https://example.com/voice")).build();
        }
        if (provider.supports(Capability.NAMES)) {
            return NumberUpdate.builder().name("Renamed").build();
        }
        if (provider.supports(Capability.FEATURE_UPDATE)) {
            return NumberUpdate.builder().features(EnumSet.of(NumberFeature.VOICE)).build();
        }
        if (provider.supports(Capability.CALLER_ID_NAME)) {
            return NumberUpdate.builder().callerIdName("ACME").build();
        }
        throw new TestAbortedException("the provider declares no kind of update; CapabilityContract checks that side");
    }
}
