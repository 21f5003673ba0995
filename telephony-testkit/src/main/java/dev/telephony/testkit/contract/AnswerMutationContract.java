package dev.telephony.testkit.contract;

import dev.telephony.api.Capability;
import org.junit.jupiter.api.Test;

/**
 * Every answer is checked before it is used: each operation (search, get, list, purchase and its
 * follow-up, order, release) meets one spoiled answer from {@link dev.telephony.testkit.wire.AnswerMutations}
 * — truncated, wrong types, nulls in required fields, missing fields, huge arrays, an HTML error page,
 * the wrong content type, an empty body, an error body with status 200, invalid dates and numbers —
 * planted with {@link dev.telephony.testkit.carrier.Fault#mutatedAnswer}. Simulators built on
 * {@link dev.telephony.testkit.wire.WireSimulator} apply it to their real answer with nothing more from
 * the harness. Only typed errors may come out; a result must be what the carrier holds (nothing built
 * from a broken answer); money invariants hold as in the {@link ChaosContract}; no call outlives its
 * deadline.
 *
 * <p>Sized by {@value ChaosRun#MUTATIONS_PROPERTY} (default {@link #answerMutations()}), seeded by
 * {@value ChaosRun#MUTATION_SEED_PROPERTY}; a failure names the seed and the operation.
 */
public interface AnswerMutationContract extends ProviderContract {

    /** How many operations (each with one spoiled answer) when {@value ChaosRun#MUTATIONS_PROPERTY} is not set. */
    default int answerMutations() {
        return 150;
    }

    @Test
    @RequiresCapability({Capability.PURCHASE, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void spoiledAnswersEndInTypedErrorsOrTheCarriersTruth(ProviderHarness h) {
        ChaosRun.mutations(h, answerMutations()).run();
    }
}
