package dev.telephony.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link DateTimes#parseOffsetDateTime} reads and refuses exactly what {@link OffsetDateTime#parse} does,
 * and {@link DateTimes#parseRfc1123} what {@link DateTimeFormatter#RFC_1123_DATE_TIME} does.
 */
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

    @Test
    void rfc1123DatesAreReadAndRefusedAsTheFormatterDoes() {
        for (String text : List.of("Tue, 01 Dec 2026 18:39:10 +0000", "Tue, 01 Dec 2026 18:39:10 GMT", "Thu, 29 Feb 2024 23:59:59 -0530",
                "Mon, 01 Jan 0001 00:00:00 +1800", "Tue, 01 Dec 2026 18:39:10 -0000", "Wed, 01 Dec 2026 18:39:10 +0000",
                "Tue, 1 Dec 2026 18:39:10 +0000", "tue, 01 dec 2026 18:39:10 +0000", "Tue, 01 Dec 2026 18:39 +0000",
                "01 Dec 2026 18:39:10 +0000", "Tue, 31 Nov 2026 18:39:10 +0000", "Tue, 01 Dec 2026 24:00:00 +0000",
                "Tue, 01 Dec 2026 18:39:60 +0000", "Tue, 01 Dec 2026 18:39:10 +1900", "Tue, 01 Dec 2026 18:39:10 +0060",
                "Tue, 01 Dec 2026 18:39:10 UTC", "Tue, 01 Dec 2026 18:39:10 +00:00", "Tue, 01 Sept 2026 18:39:10 +0000", "", "x")) {
            assertThat(rfc1123Outcome(() -> DateTimes.parseRfc1123(text))).as(text)
                    .isEqualTo(rfc1123Outcome(() -> ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)));
        }
    }

    @Test
    void randomTextsNearTheRfc1123SpellingAreReadOrRefusedAsTheFormatterDoes() {
        SplittableRandom random = new SplittableRandom(20261202);
        String[] days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "mon", "Xyz"};
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "dec", "Sept"};
        String alphabet = "0123456789 :,+-GMT";
        int read = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%s, %02d %s %04d %02d:%02d:%02d ", days[random.nextInt(days.length)],
                    random.nextInt(33), months[random.nextInt(months.length)], random.nextInt(10_000), random.nextInt(26),
                    random.nextInt(62), random.nextInt(62)));
            switch (random.nextInt(3)) {
                case 0 -> text.append("GMT");
                case 1 -> text.append(String.format("%s%02d%02d", random.nextBoolean() ? "+" : "-", random.nextInt(20), random.nextInt(62)));
                default -> text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(10) == 0) {
                text.setCharAt(random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String spelled = text.toString();
            Optional<Object> expected = rfc1123Outcome(() -> ZonedDateTime.parse(spelled, DateTimeFormatter.RFC_1123_DATE_TIME));
            assertThat(rfc1123Outcome(() -> DateTimes.parseRfc1123(spelled))).as(spelled).isEqualTo(expected);
            DateTimes.readRfc1123(spelled).ifPresent(common -> assertThat(Optional.<Object>of(common)).as(spelled).isEqualTo(expected));
            if (expected.get() instanceof ZonedDateTime) {
                read++;
            }
        }
        assertThat(read).as("texts that are dates").isGreaterThan(3_000);
    }

    /** The date-time read, or the kind and message of the refusal. */
    private static Optional<Object> rfc1123Outcome(java.util.function.Supplier<ZonedDateTime> parse) {
        try {
            return Optional.of(parse.get());
        } catch (DateTimeParseException refused) {
            return Optional.of(refused.getClass().getName() + ": " + refused.getMessage());
        }
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
