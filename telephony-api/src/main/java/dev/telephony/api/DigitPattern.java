package dev.telephony.api;

/**
 * A pattern a searched number must match, applied to its national significant number (the digits
 * after the country code: {@code 2125551234} for {@code +12125551234}).
 *
 * @param kind   where the digits must appear
 * @param digits one to ten digits
 */
public record DigitPattern(Kind kind, String digits) {
    /** Where the digits must appear. */
    public enum Kind {
        STARTS_WITH,
        CONTAINS,
        ENDS_WITH
    }

    public DigitPattern {
        Fields.requireNonNull("search.pattern.kind", kind);
        digits = Fields.requireDigits("search.pattern", digits, 1, 10);
    }

    /** Whether {@code number} matches this pattern. */
    public boolean matches(PhoneNumber number) {
        String national = Fields.requireNonNull("number", number).nationalNumber();
        return switch (kind) {
            case STARTS_WITH -> national.startsWith(digits);
            case CONTAINS -> national.contains(digits);
            case ENDS_WITH -> national.endsWith(digits);
        };
    }

    /** The capability a provider needs to apply this pattern. */
    public Capability capability() {
        return switch (kind) {
            case STARTS_WITH -> Capability.SEARCH_STARTS_WITH;
            case CONTAINS -> Capability.SEARCH_CONTAINS;
            case ENDS_WITH -> Capability.SEARCH_ENDS_WITH;
        };
    }
}
