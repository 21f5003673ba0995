package dev.telephony.testkit.wire;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A way of spoiling a simulator's answer after the carrier acted: the answer-mutation contract plants
 * these with {@link dev.telephony.testkit.carrier.Fault#mutatedAnswer(AnswerMutation)}. See
 * {@link AnswerMutations} for the catalogue.
 */
public interface AnswerMutation {
    /** A short name for reports, such as {@code truncated}. */
    String name();

    /** The spoiled answer. */
    SimResponse apply(SimResponse original);

    /** A mutation made of its name and function. */
    static AnswerMutation of(String name, UnaryOperator<SimResponse> spoil) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spoil, "spoil");
        return new AnswerMutation() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public SimResponse apply(SimResponse original) {
                return spoil.apply(original);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
