package dev.telephony.api;

import dev.telephony.api.error.InvalidRequestException;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation shared by the value types: each failure names the field and the rule. */
final class Fields {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CALLER_ID_NAME = Pattern.compile("[A-Z0-9 ]{1,15}");

    private Fields() {
    }

    static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw InvalidRequestException.of(field, "is required");
        }
        return value;
    }

    static String requireNonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.of(field, "must not be blank");
        }
        return value.strip();
    }

    static String requireMaxLength(String field, String value, int max) {
        String text = requireNonBlank(field, value);
        if (text.length() > max) {
            throw InvalidRequestException.of(field, "must be at most " + max + " characters, was " + text.length());
        }
        return text;
    }

    static String requireCountry(String field, String value) {
        String code = requireNonBlank(field, value).toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(code).matches()) {
            throw InvalidRequestException.of(field, "must be an ISO 3166 alpha-2 country code such as US, was '" + shorten(value) + "'");
        }
        return code;
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
        if (!CALLER_ID_NAME.matcher(text).matches()) {
            throw InvalidRequestException.of(field,
                    "must be capital letters, digits and spaces only (no special characters), was '" + text + "'");
        }
        return text;
    }

    static void requireNotEmpty(String field, Collection<?> values) {
        if (values == null || values.isEmpty()) {
            throw InvalidRequestException.of(field, "must name at least one entry");
        }
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
