package dev.telephony.api.spi;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * RFC 3339 date-times as providers write them ({@code 2026-01-05T09:00:00Z},
 * {@code 2026-01-05T09:00:00.123+01:00}), read for every number of every page.
 *
 * <p>{@link #parseOffsetDateTime} gives exactly what {@link OffsetDateTime#parse(CharSequence)} gives,
 * and fails exactly as it fails: the common spelling (four-digit year, seconds, an optional fraction,
 * {@code Z} or {@code ±hh:mm}) is read digit by digit, which costs a small part of what the formatter
 * does; anything else, and any value out of range, is left to {@link OffsetDateTime#parse(CharSequence)}.
 *
 * <p>{@link #parseRfc1123} does the same for RFC 1123 dates ({@code Tue, 01 Dec 2026 18:39:10 +0000}),
 * as the LaML API writes them for every number, against
 * {@link DateTimeFormatter#RFC_1123_DATE_TIME}.
 */
public final class DateTimes {
    private static final String DAYS = "MonTueWedThuFriSatSun";
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private DateTimes() {
    }

    /**
     * The date-time {@code ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)} reads.
     *
     * @throws java.time.format.DateTimeParseException as that call throws it
     */
    public static ZonedDateTime parseRfc1123(CharSequence text) {
        ZonedDateTime read = readRfc1123Spelling(text);
        return read != null ? read : ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    /**
     * The date-time of RFC 1123's common spelling, {@code Www, dd Mmm yyyy hh:mm:ss (±hhmm|GMT)} with
     * the day of the week the date's own, exactly as {@link #parseRfc1123} reads it; empty for any other
     * text, which the formatter may still read or refuse.
     */
    public static Optional<ZonedDateTime> readRfc1123(CharSequence text) {
        return Optional.ofNullable(readRfc1123Spelling(text));
    }

    /**
     * The date-time of {@code Www, dd Mmm yyyy hh:mm:ss (±hhmm|GMT)}, names spelled as the formatter
     * writes them and the day of the week the date's own; null for any other text or a value out of range.
     */
    private static ZonedDateTime readRfc1123Spelling(CharSequence text) {
        int length = text.length();
        if (length != 29 && length != 31) {
            return null;
        }
        if (text.charAt(3) != ',' || text.charAt(4) != ' ' || text.charAt(7) != ' ' || text.charAt(11) != ' '
                || text.charAt(16) != ' ' || text.charAt(19) != ':' || text.charAt(22) != ':' || text.charAt(25) != ' ') {
            return null;
        }
        int weekday = name(DAYS, text, 0);
        int month = name(MONTHS, text, 8);
        int day = digits(text, 5, 2);
        int year = digits(text, 12, 4);
        int hour = digits(text, 17, 2);
        int minute = digits(text, 20, 2);
        int second = digits(text, 23, 2);
        if (weekday < 0 || month < 0 || day < 0 || year < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        ZoneOffset offset = rfc1123Offset(text);
        if (offset == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(year, month + 1, day);
            if (date.getDayOfWeek() != DayOfWeek.of(weekday + 1)) {
                return null;
            }
            return ZonedDateTime.of(LocalDateTime.of(date, LocalTime.of(hour, minute, second)), offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** {@code GMT} or {@code ±hhmm} after the time, else null. */
    private static ZoneOffset rfc1123Offset(CharSequence text) {
        if (text.length() == 29) {
            return text.charAt(26) == 'G' && text.charAt(27) == 'M' && text.charAt(28) == 'T' ? ZoneOffset.UTC : null;
        }
        return signedOffset(text.charAt(26), digits(text, 27, 2), digits(text, 29, 2));
    }

    /** The index of the three-letter name at {@code text[at, at + 3)} among {@code names}, or -1. */
    private static int name(String names, CharSequence text, int at) {
        for (int i = 0; i < names.length(); i += 3) {
            if (names.charAt(i) == text.charAt(at) && names.charAt(i + 1) == text.charAt(at + 1)
                    && names.charAt(i + 2) == text.charAt(at + 2)) {
                return i / 3;
            }
        }
        return -1;
    }

    /**
     * The date-time {@link OffsetDateTime#parse(CharSequence)} reads from {@code text}.
     *
     * @throws java.time.format.DateTimeParseException as {@link OffsetDateTime#parse(CharSequence)} throws it
     */
    public static OffsetDateTime parseOffsetDateTime(CharSequence text) {
        OffsetDateTime read = readCommonSpelling(text);
        return read != null ? read : OffsetDateTime.parse(text);
    }

    /** The date-time of {@code yyyy-mm-ddThh:mm:ss[.f…](Z|±hh:mm)}, or null for any other text or a value out of range. */
    private static OffsetDateTime readCommonSpelling(CharSequence text) {
        int length = text.length();
        if (length < 20 || length > 35) {
            return null;
        }
        if (text.charAt(4) != '-' || text.charAt(7) != '-' || (text.charAt(10) != 'T' && text.charAt(10) != 't')
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int at = 19;
        int nano = 0;
        if (text.charAt(at) == '.') {
            int first = ++at;
            while (at < length && at - first < 9 && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                nano = nano * 10 + (text.charAt(at) - '0');
                at++;
            }
            int read = at - first;
            if (read == 0) {
                return null;
            }
            for (int i = read; i < 9; i++) {
                nano *= 10;
            }
        }
        ZoneOffset offset = offset(text, at);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, minute, second, nano), offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** {@code Z} or {@code ±hh:mm} from {@code at} to the end, else null. */
    private static ZoneOffset offset(CharSequence text, int at) {
        int left = text.length() - at;
        if (left == 1 && (text.charAt(at) == 'Z' || text.charAt(at) == 'z')) {
            return ZoneOffset.UTC;
        }
        if (left != 6 || text.charAt(at + 3) != ':') {
            return null;
        }
        return signedOffset(text.charAt(at), digits(text, at + 1, 2), digits(text, at + 4, 2));
    }

    /** The offset {@code ±hours:minutes}, or null for another sign, digits that were not (-1), or a value out of range. */
    private static ZoneOffset signedOffset(char sign, int hours, int minutes) {
        if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The ASCII digits {@code text[from, from + count)} as a number, or -1 if any is not one. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
