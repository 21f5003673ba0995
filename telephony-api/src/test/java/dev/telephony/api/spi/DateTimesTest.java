package dev.telephony.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link DateTimes#parseOffsetDateTime} reads and refuses exactly what {@link OffsetDateTime#parse} does. */
class DateTimesTest {
    @Test
    void theCommonSpellingsAreReadAsTheFormatterReadsThem() {
        for (String text : List.of("2026-01-05T09:00:00Z", "2026-01-05t09:00:00z", "2026-01-05T09:00:00.1Z",
                "2026-01-05T09:00:00.123456789+01:00", "2024-02-29T23:59:59-05:30", "0001-01-01T00:00:00-00:00",
                "2026-12-31T23:59:59.000+18:00", "2026-12-31T23:59:59.5-18:00")) {
            assertThat(DateTimes.parseOffsetDateTime(text)).as(text).isEqualTo(OffsetDateTime.parse(text));
        }
    }

    @Test
    void everythingElseIsReadOrRefusedByTheFormatterItself() {
        for (String text : List.of("2026-01-05T09:00Z", "2026-01-05T09:00:00", "2026-01-05T09:00:00+01:00:30", "2026-02-30T09:00:00Z",
                "2026-13-01T09:00:00Z", "2026-01-05T24:00:00Z", "2026-01-05T09:60:00Z", "2026-01-05T09:00:60Z", "2026-01-05T09:00:00+19:00",
                "2026-01-05T09:00:00+01:60", "2026-01-05T09:00:00.Z", "2026-01-05T09:00:00.1234567890Z", "2026-01-05 09:00:00Z",
                "+12026-01-05T09:00:00Z", "２０２６-01-05T09:00:00Z", "2026-01-05T09:00:00+0100", "2026-01-05T09:00:00UTC", "", "x")) {
            assertThat(outcome(() -> DateTimes.parseOffsetDateTime(text))).as(text).isEqualTo(outcome(() -> OffsetDateTime.parse(text)));
        }
    }

    @Test
    void randomTextsNearTheCommonSpellingAreReadOrRefusedAsTheFormatterDoes() {
        SplittableRandom random = new SplittableRandom(20261201);
        String alphabet = "0123456789-:T.Z+z t";
        int read = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(10_000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62)));
            if (random.nextBoolean()) {
                text.append('.').append(String.valueOf(random.nextLong(Long.MAX_VALUE)), 0, random.nextInt(12));
            }
            switch (random.nextInt(4)) {
                case 0 -> text.append('Z');
                case 1 -> text.append(String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-", random.nextInt(20), random.nextInt(62)));
                case 2 -> text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                default -> { }
            }
            if (random.nextInt(10) == 0) {
                text.setCharAt(random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String spelled = text.toString();
            Optional<Object> expected = outcome(() -> OffsetDateTime.parse(spelled));
            assertThat(outcome(() -> DateTimes.parseOffsetDateTime(spelled))).as(spelled).isEqualTo(expected);
            if (expected.get() instanceof OffsetDateTime) {
                read++;
            }
        }
        assertThat(read).as("texts that are date-times").isGreaterThan(10_000);
    }

    /** The date-time read, or the kind and message of the refusal. */
    private static Optional<Object> outcome(java.util.function.Supplier<OffsetDateTime> parse) {
        try {
            return Optional.of(parse.get());
        } catch (DateTimeParseException refused) {
            return Optional.of(refused.getClass().getName() + ": " + refused.getMessage());
        }
    }
}
