package dev.telephony.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.error.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
    @Test
    void requireNamesTheParameter() {
        assertThat(Arguments.require("number", "x")).isEqualTo("x");
        assertThatThrownBy(() -> Arguments.require("number", null)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.fieldErrors()).extracting(f -> f.field() + ": " + f.rule()).containsExactly("number: is required"));
    }

    @Test
    void timeoutsAreZeroOrPositiveAndHugeOnesAreClamped() {
        assertThat(Arguments.requireTimeout("timeout", Duration.ZERO)).isZero();
        assertThat(Arguments.requireTimeout("timeout", Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
        assertThat(Arguments.requireTimeout("timeout", Arguments.MAX_TIMEOUT)).isEqualTo(Arguments.MAX_TIMEOUT);
        assertThat(Arguments.requireTimeout("timeout", Duration.ofSeconds(Long.MAX_VALUE, 999_999_999))).isEqualTo(Arguments.MAX_TIMEOUT);
        // the clamp keeps nanosecond arithmetic in range
        assertThat(Arguments.MAX_TIMEOUT.toNanos()).isPositive();
        assertThatThrownBy(() -> Arguments.requireTimeout("timeout", Duration.ofNanos(-1)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("timeout: must be zero or positive");
        assertThatThrownBy(() -> Arguments.requireTimeout("timeout", null)).hasMessageContaining("timeout: is required");
    }

    @Test
    void countryCodesAreTwoAsciiLettersCheckedBeforeCaseConversion() {
        assertThat(Arguments.requireCountryCode("country", " us ")).isEqualTo("US");
        assertThat(Arguments.requireCountryCode("country", "Gb")).isEqualTo("GB");
        // each of these upper-cases to two capitals, or looks like it
        for (String bad : new String[] {"ß", "ıt", "İT", "ﬀ", "ǅE", "ＵＳ", "U\u0301", "\u200FUS", "USA", "U1", ""}) {
            assertThatThrownBy(() -> Arguments.requireCountryCode("country", bad)).as(bad)
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("country: must be an ISO 3166 alpha-2");
        }
    }

    @Test
    void deadlinesSaturateAtTheEndsOfTime() {
        Instant now = Instant.parse("2026-01-05T09:00:00Z");
        assertThat(Arguments.plusSaturating(now, Duration.ofSeconds(5))).isEqualTo(now.plusSeconds(5));
        assertThat(Arguments.plusSaturating(now, Duration.ofSeconds(Long.MAX_VALUE, 999_999_999))).isEqualTo(Instant.MAX);
        assertThat(Arguments.plusSaturating(now, Duration.ofSeconds(Long.MIN_VALUE))).isEqualTo(Instant.MIN);
        assertThat(Arguments.plusSaturating(Instant.MAX, Duration.ofNanos(1))).isEqualTo(Instant.MAX);
        assertThat(Arguments.plusSaturating(Instant.MIN, Duration.ofNanos(-1))).isEqualTo(Instant.MIN);
    }

    @Test
    void excerptsAreShortAndShowWhatIsInvisible() {
        assertThat(Arguments.excerpt("abc", 40)).isEqualTo("abc");
        assertThat(Arguments.excerpt("x".repeat(50), 40)).isEqualTo("x".repeat(40) + "…");
        assertThat(Arguments.excerpt("a\nb\u200Fc\u0000", 40)).isEqualTo("a\\u000Ab\\u200Fc\\u0000");
        assertThat(Arguments.excerpt("\uD800x😀", 40)).isEqualTo("\\uD800x😀");
        assertThat(Arguments.excerpt(null, 40)).isEqualTo("null");
    }
}
