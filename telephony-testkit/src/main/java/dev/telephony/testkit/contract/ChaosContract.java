package dev.telephony.testkit.contract;

import dev.telephony.api.Capability;
import org.junit.jupiter.api.Test;

/**
 * Money stays safe under any fault: a seeded random schedule of faults of every kind, placed before and
 * after the carrier acts on purchases, on the reads that reconcile or follow an order, on follow-up
 * writes such as naming, on releases, on await polls and on log-ins, over single and bulk purchases,
 * awaits and releases, and (for a provider with {@link Capability#HOLDS}) purchases of holds made with
 * no fault planned. After every operation the answer is compared with the carrier's state:
 * <ul>
 *   <li>no number is bought twice for one request, and no purchase is sent again after one succeeded;</li>
 *   <li>every number the carrier bought is in the caller's answer: the order's purchased list, or a
 *       {@link dev.telephony.api.error.PurchaseOutcomeUnknownException} that names it;</li>
 *   <li>nothing is reported bought that the carrier does not own;</li>
 *   <li>a release reported done is done; one reported failed did not happen, unless the failure says
 *       the outcome is unknown;</li>
 *   <li>every exception is a {@link dev.telephony.api.error.TelephonyException}.</li>
 * </ul>
 *
 * <p>The schedule's size is the system property {@value ChaosRun#OPERATIONS_PROPERTY} (default
 * {@link #chaosOperations()}), its seed {@value ChaosRun#SEED_PROPERTY} (random by default). A broken
 * invariant fails the test naming the seed and the operation; the same seed and size reproduce it.
 */
public interface ChaosContract extends ProviderContract {

    /**
     * How many operations the schedule has when {@value ChaosRun#OPERATIONS_PROPERTY} is not set: small,
     * so that a build stays fast. Override it for a provider whose faults cost no real time.
     */
    default int chaosOperations() {
        return 120;
    }

    @Test
    @RequiresCapability({Capability.PURCHASE, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void moneyStaysSafeUnderSeededRandomFaults(ProviderHarness h) {
        ChaosRun.configured(h, chaosOperations()).run();
    }
}
