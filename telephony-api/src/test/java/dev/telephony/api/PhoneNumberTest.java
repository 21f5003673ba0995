package dev.telephony.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.error.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {
    @Test
    void theRegionComesFromTheNumbersDigitsWhereThePlanPlacesThem() {
        assertThat(PhoneNumber.of("+14166020188").regionCode()).contains("CA");
        assertThat(PhoneNumber.of("+13105550101").regionCode()).contains("US");
        assertThat(PhoneNumber.of("+442071838750").regionCode()).contains("GB");
        assertThat(PhoneNumber.of("+80012345678").regionCode()).as("a global service belongs to no country").isEmpty();
    }

    @Test
    void strictFormAcceptsE164Only() {
        assertThat(PhoneNumber.of("+12125551234").e164()).isEqualTo("+12125551234");
        assertThat(PhoneNumber.of("+442071838750").toString()).isEqualTo("+442071838750");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12125551234", "+0125551234", "+1 212 555 1234", "+1212555123456789", "+", "", "+1-212"})
    void strictFormRefusesAnythingElseNamingTheRule(String text) {
        assertThatThrownBy(() -> PhoneNumber.of(text))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("phoneNumber")
                .hasMessageContaining("E.164");
    }

    @Test
    void strictFormRefusesNull() {
        assertThatThrownBy(() -> PhoneNumber.of(null)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("phoneNumber");
    }

    @ParameterizedTest
    @CsvSource({
        "'(212) 555-1234', US, +12125551234",
        "'212.555.1234', US, +12125551234",
        "'1 212 555 1234', US, +12125551234",
        "'+44 20 7183 8750', , +442071838750",
        "'020 7183 8750', GB, +442071838750",
        "'+1 (607) 123-4567', CA, +16071234567"
    })
    void lenientFormReadsWhatPeopleType(String text, String region, String expected) {
        assertThat(PhoneNumber.parse(text, region).e164()).isEqualTo(expected);
    }

    @Test
    void lenientFormRefusesNationalInputWithoutARegion() {
        assertThatThrownBy(() -> PhoneNumber.parse("(212) 555-1234", null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("national number")
                .hasMessageContaining("default region");
        assertThatThrownBy(() -> PhoneNumber.parse("212 555 1234", " "))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void lenientFormRefusesNonsenseAndImpossibleLengths() {
        assertThatThrownBy(() -> PhoneNumber.parse("call me", "US")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> PhoneNumber.parse("555 12", "US")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("length");
        assertThatThrownBy(() -> PhoneNumber.parse("212 555 1234", "XX")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("defaultRegion");
    }

    @Test
    void partsOfANumber() {
        PhoneNumber nanp = PhoneNumber.of("+12125551234");
        assertThat(nanp.countryCallingCode()).isEqualTo(1);
        assertThat(nanp.nationalNumber()).isEqualTo("2125551234");
        assertThat(nanp.isNanp()).isTrue();
        PhoneNumber uk = PhoneNumber.of("+442071838750");
        assertThat(uk.countryCallingCode()).isEqualTo(44);
        assertThat(uk.nationalNumber()).isEqualTo("2071838750");
        assertThat(uk.isNanp()).isFalse();
        assertThat(PhoneNumber.of("+3548101234").countryCallingCode()).isEqualTo(354);
    }
}
