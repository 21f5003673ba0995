package dev.telephony.api;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.spi.Arguments;

/**
 * A telephone number in E.164 form: {@code +}, a country code, and at most 15 digits in all.
 *
 * <p>{@link #of(String)} is strict and accepts only E.164 text. {@link #parse(String, String)}
 * accepts what people type ({@code (212) 555-1234}, {@code 00 44 20 …}) through Google's
 * libphonenumber, and refuses national input when no default region is given. Both throw
 * {@link InvalidRequestException} naming the input and the rule.
 *
 * @param e164 the number, for example {@code +12125551234}
 */
public record PhoneNumber(String e164) implements Comparable<PhoneNumber> {

    public PhoneNumber {
        Fields.requireNonNull("phoneNumber", e164);
        if (!isE164(e164)) {
            throw InvalidRequestException.of("phoneNumber",
                    "must be E.164: '+', a country code not starting with 0, at most 15 digits in all; was '"
                            + abbreviate(e164) + "'");
        }
    }

    /** '+', a first digit 1-9, then 1 to 14 more digits: checked by hand, as it runs for every number parsed. */
    private static boolean isE164(String text) {
        int length = text.length();
        if (length < 3 || length > 16 || text.charAt(0) != '+' || text.charAt(1) < '1' || text.charAt(1) > '9') {
            return false;
        }
        for (int i = 2; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The strict form: {@code text} must already be E.164. */
    public static PhoneNumber of(String text) {
        return new PhoneNumber(Fields.requireNonNull("phoneNumber", text));
    }

    /**
     * The lenient form: any way people write a number. National numbers are read in
     * {@code defaultRegion} (ISO 3166 alpha-2 such as {@code US}); without one, only international
     * input ({@code +…}) is accepted. The result must be a possible number for its country.
     *
     * @param text          what was typed
     * @param defaultRegion the region national input belongs to, or {@code null} for none
     */
    public static PhoneNumber parse(String text, String defaultRegion) {
        if (text == null || text.isBlank()) {
            throw InvalidRequestException.of("phoneNumber", "must not be blank");
        }
        String trimmed = text.strip();
        boolean international = trimmed.startsWith("+");
        String region = defaultRegion == null || defaultRegion.isBlank() ? null
                : Fields.requireCountry("defaultRegion", defaultRegion);
        if (!international && region == null) {
            throw InvalidRequestException.of("phoneNumber",
                    "'" + abbreviate(trimmed) + "' is a national number; give a default region (such as US) or write it with '+' and the country code");
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        if (region != null && !util.getSupportedRegions().contains(region)) {
            throw InvalidRequestException.of("defaultRegion", "'" + abbreviate(region) + "' is not an ISO 3166 region code libphonenumber knows");
        }
        try {
            Phonenumber.PhoneNumber parsed = util.parse(trimmed, international ? "ZZ" : region);
            if (!util.isPossibleNumber(parsed)) {
                throw InvalidRequestException.of("phoneNumber",
                        "'" + abbreviate(trimmed) + "' has the wrong length for country code +" + parsed.getCountryCode());
            }
            return new PhoneNumber(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw InvalidRequestException.of("phoneNumber",
                    "'" + abbreviate(trimmed) + "' is not a telephone number: " + e.getErrorType());
        }
    }

    /** The digits without the leading {@code +}. */
    public String digits() {
        return e164.substring(1);
    }

    /** The country calling code, for example {@code 1} or {@code 44}. */
    public int countryCallingCode() {
        if (e164.charAt(1) == '1') {
            return 1; // zone 1 has the one code: every search result and owned number in North America comes here
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String digits = digits();
        for (int length = 1; length <= 3 && length < digits.length(); length++) {
            int candidate = Integer.parseInt(digits.substring(0, length));
            // "ZZ" is libphonenumber's answer for a code no country or global service uses
            if (!"ZZ".equals(util.getRegionCodeForCountryCode(candidate))) {
                return candidate;
            }
        }
        return Integer.parseInt(digits.substring(0, 1)); // unassigned codes: take the first digit, as E.164 zones do
    }

    /**
     * The ISO 3166 alpha-2 country (or territory) the number belongs to by its digits, such as {@code CA}
     * for {@code +14165550123}, when the numbering plan tells; empty for numbers of no one country
     * (global services) and digits the plan does not place.
     */
    public java.util.Optional<String> regionCode() {
        if (!isNanp()) {
            return placed(e164);
        }
        // in North America the area code decides the country: asked of the numbering plan once per area code,
        // since a provider maps every result of every search through here and the plan's answer is slow
        String areaCode = nationalNumber().substring(0, 3);
        String known = NANP_REGIONS.get(areaCode);
        if (known != null) {
            return java.util.Optional.of(known);
        }
        java.util.Optional<String> region = placed(e164);
        if (region.isPresent() && NANP_REGIONS.size() < NANP_AREA_CODES) {
            NANP_REGIONS.putIfAbsent(areaCode, region.get());
        }
        return region;
    }

    /** The countries of North American area codes seen so far: at most one entry per possible area code. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> NANP_REGIONS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int NANP_AREA_CODES = 800;

    private static java.util.Optional<String> placed(String e164) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            String region = util.getRegionCodeForNumber(util.parse(e164, null));
            return region == null || region.length() != 2 || "ZZ".equals(region) ? java.util.Optional.empty() : java.util.Optional.of(region);
        } catch (com.google.i18n.phonenumbers.NumberParseException unplaced) {
            return java.util.Optional.empty();
        }
    }

    /** The national significant number: the digits after the country calling code. */
    public String nationalNumber() {
        int code = countryCallingCode();
        // the code's digits counted, not printed: this runs for every number a search answers
        return e164.substring(1 + (code < 10 ? 1 : code < 100 ? 2 : 3));
    }

    /** Whether this is a North American Numbering Plan number ({@code +1} and ten digits). */
    public boolean isNanp() {
        return e164.length() == 12 && e164.startsWith("+1");
    }

    @Override
    public int compareTo(PhoneNumber other) {
        return e164.compareTo(other.e164);
    }

    @Override
    public String toString() {
        return e164;
    }

    private static String abbreviate(String text) {
        return Arguments.excerpt(text, 32);
    }
}
