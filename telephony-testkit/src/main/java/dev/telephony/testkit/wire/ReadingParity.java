package dev.telephony.testkit.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Function;

/**
 * Holds a provider's fast reading of an answer to its strict one: on every spoiling of the answer (see
 * {@link AnswerMutations#spoilings}), whatever the fast reading accepts, the strict reading must read to
 * the same value; what the strict reading refuses, the fast one must decline.
 */
public final class ReadingParity {
    private ReadingParity() {
    }

    /**
     * Checks both readings on every spoiling of {@code answer}, and that each reading accepts some
     * spoilings and declines others (so the check is not empty).
     *
     * @param fast   the fast reading of a body: its value, or empty when it declines
     * @param strict the strict reading of a body: its value, or empty when it refuses the body
     */
    public static <T> void check(String answer, int seeds, Function<String, Optional<T>> fast, Function<String, Optional<T>> strict) {
        int accepted = 0;
        int declined = 0;
        for (AnswerMutations.Spoiling spoiling : AnswerMutations.spoilings(SimResponse.json(200, answer), seeds)) {
            String body = spoiling.answer().body();
            Optional<T> read = fast.apply(body);
            if (read.isPresent()) {
                accepted++;
                assertThat(strict.apply(body)).as(spoiling.description() + ": " + body).contains(read.get());
            } else {
                declined++;
            }
        }
        assertThat(accepted).as("spoilings the fast reading accepts").isPositive();
        assertThat(declined).as("spoilings the fast reading declines").isPositive();
    }
}
