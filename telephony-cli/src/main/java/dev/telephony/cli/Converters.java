package dev.telephony.cli;

import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberType;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.error.InvalidRequestException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How option values are read; a value that cannot be read is a usage error (exit 2). */
final class Converters {
    /** The region national numbers are read in; others are written with '+' and their country code. */
    static final String DEFAULT_REGION = "US";

    private Converters() {
    }

    /** A telephone number: E.164 ({@code +12125550100}) or as people write it ({@code (212) 555-0100}, read as US). */
    static final class Number implements ITypeConverter<PhoneNumber> {
        @Override
        public PhoneNumber convert(String value) {
            try {
                return PhoneNumber.parse(value, DEFAULT_REGION);
            } catch (InvalidRequestException e) {
                throw new TypeConversionException(e.fieldErrors().get(0).rule());
            }
        }
    }

    /** {@code local}, {@code toll-free} or {@code mobile}. */
    static final class Type implements ITypeConverter<NumberType> {
        @Override
        public NumberType convert(String value) {
            String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            if (name.equals("TOLLFREE")) {
                name = "TOLL_FREE";
            }
            try {
                return NumberType.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a number type; use local, toll-free or mobile");
            }
        }
    }

    /** {@code voice}, {@code sms}, {@code mms} or {@code fax}. */
    static final class Feature implements ITypeConverter<NumberFeature> {
        @Override
        public NumberFeature convert(String value) {
            try {
                return NumberFeature.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a feature; use voice, sms, mms or fax");
            }
        }
    }

    /** {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d}, a number of seconds, or ISO-8601 ({@code PT5M}). */
    static final class Wait implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.strip().toLowerCase(Locale.ROOT);
            try {
                if (text.startsWith("p")) {
                    return check(value, Duration.parse(text.toUpperCase(Locale.ROOT)));
                }
                if (text.matches("[0-9]+")) {
                    return check(value, Duration.ofSeconds(Long.parseLong(text)));
                }
                if (text.matches("[0-9]+(ms|s|m|h|d)")) {
                    long amount = Long.parseLong(text.replaceAll("[a-z]+$", ""));
                    return check(value, switch (text.replaceAll("^[0-9]+", "")) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        default -> Duration.ofDays(amount);
                    });
                }
            } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "' is not a duration; use for example 90s, 5m or 2h");
        }

        private static Duration check(String value, Duration duration) {
            if (duration.isNegative()) {
                throw new TypeConversionException("'" + value + "' is negative");
            }
            return duration;
        }
    }

    /** An ISO date, {@code 2026-02-01}. */
    static final class Date implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date; use YYYY-MM-DD");
            }
        }
    }

    /** How a duration reads: {@code 5m}, {@code 90s}, {@code 1h30m}. */
    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
        }
        return seconds / 3600 + "h" + (seconds % 3600 / 60 == 0 ? "" : seconds % 3600 / 60 + "m");
    }
}
