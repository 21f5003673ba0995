package dev.telephony.api;

import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.spi.Arguments;
import java.net.URI;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation shared by the value types: each failure names the field and the rule. */
final class Fields {
    /** Compiled when a caller-id name is first checked, not by every first use of this class (connecting, say). */
    private static final class CallerIdName {
        static final Pattern PATTERN = Pattern.compile("[A-Z0-9 ]{1,15}");
    }

    private Fields() {
    }

    static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw InvalidRequestException.of(field, "is required");
        }
        return value;
    }

    /** Text with at least one visible character, stripped of surrounding white space. */
    static String requireNonBlank(String field, String value) {
        if (value == null || isBlank(value)) {
            throw InvalidRequestException.of(field, "must not be blank");
        }
        return value.strip();
    }

    /**
     * Free text (names, addresses, filters) of 1 to {@code max} characters. Control characters and
     * unpaired surrogates are refused: the first break the providers' forms and logs, the second are
     * silently turned into '?' when the text is encoded to be sent.
     */
    static String requireMaxLength(String field, String value, int max) {
        String text = requireNonBlank(field, value);
        if (text.length() > max) {
            throw InvalidRequestException.of(field, "must be at most " + max + " characters, was " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw InvalidRequestException.of(field, "must not contain control characters (such as line breaks), was '"
                        + shorten(text) + "'");
            }
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i))
                    : !Character.isLowSurrogate(c);
            if (!paired) {
                throw InvalidRequestException.of(field, "must be well-formed Unicode text (a surrogate is unpaired), was '"
                        + shorten(text) + "'");
            }
        }
        return text;
    }

    static String requireCountry(String field, String value) {
        requireNonBlank(field, value);
        return Arguments.requireCountryCode(field, value);
    }

    static int requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw InvalidRequestException.of(field, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static String requireDigits(String field, String value, int minLength, int maxLength) {
        String text = requireNonBlank(field, value);
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9') || text.length() < minLength || text.length() > maxLength) {
            String length = minLength == maxLength ? String.valueOf(minLength) : minLength + " to " + maxLength;
            throw InvalidRequestException.of(field, "must be " + length + " digits, was '" + shorten(text) + "'");
        }
        return text;
    }

    static URI requireWebhook(String field, URI url) {
        requireNonNull(field, url);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw InvalidRequestException.of(field, "must be an absolute http(s) URL with a host, was '" + shorten(url.toString()) + "'");
        }
        return url;
    }

    static String requireCallerIdName(String field, String value) {
        String text = requireNonBlank(field, value);
        if (text.length() > 15) {
            throw InvalidRequestException.of(field, "must be at most 15 characters, was " + text.length());
        }
        if (!CallerIdName.PATTERN.matcher(text).matches()) {
            throw InvalidRequestException.of(field,
                    "must be capital letters, digits and spaces only (no special characters), was '" + shorten(text) + "'");
        }
        return text;
    }

    static void requireNotEmpty(String field, Collection<?> values) {
        if (values == null || values.isEmpty()) {
            throw InvalidRequestException.of(field, "must name at least one entry");
        }
    }

    /**
     * {@code values} itself and each of its entries present, else the error names the entry
     * ({@code field[2]}). Iterates rather than asks {@code contains(null)}, which the JDK's own
     * immutable collections answer with a {@link NullPointerException}.
     */
    static <C extends Collection<?>> C requireEntries(String field, C values) {
        requireNonNull(field, values);
        int i = 0;
        for (Object value : values) {
            if (value == null) {
                throw InvalidRequestException.of(field + "[" + i + "]", "is required");
            }
            i++;
        }
        return values;
    }

    /** {@code numbers}, refused naming {@code field[i]} for a null or repeated entry, or {@code field} when more than {@code max}. */
    static java.util.List<PhoneNumber> requireDistinctNumbers(String field, java.util.List<PhoneNumber> numbers, int max) {
        if (numbers.size() > max) {
            throw InvalidRequestException.of(field, "must name at most " + max + " numbers, named " + numbers.size());
        }
        java.util.Set<PhoneNumber> seen = new java.util.HashSet<>();
        for (int i = 0; i < numbers.size(); i++) {
            PhoneNumber number = requireNonNull(field + "[" + i + "]", numbers.get(i));
            if (!seen.add(number)) {
                throw InvalidRequestException.of(field + "[" + i + "]", "names " + number + " twice");
            }
        }
        return numbers;
    }

    /** An unmodifiable copy of {@code values}, every entry present. */
    static <T> List<T> listCopy(String field, Collection<? extends T> values) {
        return List.copyOf(requireEntries(field, values));
    }

    /** An unmodifiable copy of {@code values}, every entry present. */
    static <T> Set<T> setCopy(String field, Collection<? extends T> values) {
        return Set.copyOf(requireEntries(field, values));
    }

    /** An unmodifiable copy of a set of enum constants, every entry present. */
    static <E extends Enum<E>> Set<E> enumSetCopy(String field, Collection<E> values, Class<E> type) {
        requireEntries(field, values);
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return copy.isEmpty() ? Set.of() : Collections.unmodifiableSet(copy);
    }

    static String shorten(String text) {
        return Arguments.excerpt(text, 40);
    }

    /** Blank: nothing visible, counting no-break spaces and invisible formatting characters (such as RTL marks) as blank. */
    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!(Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
