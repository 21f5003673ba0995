package dev.telephony.api.spi;

import dev.telephony.api.error.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Checks on the arguments of a service call, for providers and for {@link ProviderBase}: each failure
 * is an {@link InvalidRequestException} naming the parameter and the rule, raised before anything is
 * sent.
 *
 * <pre>{@code
 * PhoneNumber checked = Arguments.require("number", number);
 * Duration wait = Arguments.requireTimeout("timeout", timeout);
 * }</pre>
 */
public final class Arguments {
    /**
     * The longest wait a call is given, about a hundred years; longer timeouts are clamped to it. No
     * caller can tell it from forever, and it keeps every deadline computed from it, in nanoseconds
     * or on the clock, far from overflow.
     */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(36_525);

    private Arguments() {
    }

    /**
     * {@code value}, unless it is null.
     *
     * @param field the parameter's name, as the caller knows it (such as {@code number})
     * @throws InvalidRequestException naming {@code field} when {@code value} is null
     */
    public static <T> T require(String field, T value) {
        if (value == null) {
            throw InvalidRequestException.of(field, "is required");
        }
        return value;
    }

    /**
     * The longest id or continuation token the library accepts back: room for an order id that names
     * the most numbers one purchase may ask for ({@code PurchaseRequest.MAX_NUMBERS}).
     */
    public static final int MAX_ID_LENGTH = 65_536;

    /**
     * An id or continuation token the provider issued: not blank, at most {@value #MAX_ID_LENGTH}
     * characters, printable (no control, formatting or unpaired surrogate characters). Anything else
     * cannot be one the provider gave, and is refused before a request.
     *
     * @param field the parameter's name, such as {@code orderId} or {@code continuationToken}
     * @throws InvalidRequestException naming {@code field}
     */
    public static String requireId(String field, String value) {
        require(field, value);
        if (value.isBlank()) {
            throw InvalidRequestException.of(field, "must not be blank");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw InvalidRequestException.of(field, "must be at most " + MAX_ID_LENGTH + " characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE || Character.isWhitespace(c)) {
                throw InvalidRequestException.of(field, "is not an id the provider issued: it holds the character "
                        + excerpt(new String(Character.toChars(c)), 1) + " at " + i);
            }
            i += Character.charCount(c);
        }
        return value;
    }

    /**
     * A wait's timeout: zero or positive, and at most {@link #MAX_TIMEOUT}, to which a longer one is
     * clamped.
     *
     * @param field the parameter's name, such as {@code timeout}
     * @return {@code timeout}, or {@link #MAX_TIMEOUT} when it is longer
     * @throws InvalidRequestException naming {@code field} when it is null or negative
     */
    public static Duration requireTimeout(String field, Duration timeout) {
        require(field, timeout);
        if (timeout.isNegative()) {
            throw InvalidRequestException.of(field, "must be zero or positive, was " + timeout);
        }
        return timeout.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : timeout;
    }

    /**
     * An ISO 3166 alpha-2 country code: two ASCII letters, in either case, with surrounding spaces
     * ignored. Checked before any case conversion, since {@code "ß".toUpperCase()} is {@code "SS"}.
     *
     * @param field the parameter's name, such as {@code countryCode}
     * @return the code in capitals, such as {@code US}
     * @throws InvalidRequestException naming {@code field} when it is null or not two letters A to Z
     */
    public static String requireCountryCode(String field, String value) {
        require(field, value);
        String code = value.strip();
        if (code.length() != 2 || !isAsciiLetter(code.charAt(0)) || !isAsciiLetter(code.charAt(1))) {
            throw InvalidRequestException.of(field, "must be an ISO 3166 alpha-2 country code such as US (two letters A-Z), was '"
                    + excerpt(value, 40) + "'");
        }
        return code.toUpperCase(Locale.ROOT);
    }

    /**
     * {@code start} plus {@code amount}, or {@link Instant#MAX} / {@link Instant#MIN} where the sum
     * would pass them: a deadline computed from a huge timeout is "never", not an overflow.
     */
    public static Instant plusSaturating(Instant start, Duration amount) {
        require("start", start);
        require("amount", amount);
        Duration roomAbove = Duration.between(start, Instant.MAX);
        if (amount.compareTo(roomAbove) >= 0) {
            return Instant.MAX;
        }
        Duration roomBelow = Duration.between(start, Instant.MIN);
        if (amount.compareTo(roomBelow) <= 0) {
            return Instant.MIN;
        }
        return start.plus(amount);
    }

    /**
     * At most {@code max} characters of {@code text}, for quoting a refused value in an error
     * message. Control characters, invisible formatting characters (such as right-to-left marks)
     * and unpaired surrogates are written as Java-style Unicode escapes, so that a quoted value can
     * neither forge log lines nor hide what it was.
     */
    public static String excerpt(String text, int max) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        int i = 0;
        while (i < text.length() && shown < max) {
            int c = text.codePointAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
            shown++;
        }
        if (i < text.length()) {
            out.append('…');
        }
        return out.toString();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
