package dev.telephony.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Adversarial values for one fuzz input, drawn from one seeded random source. Most draws are good
 * values with some probability and hostile ones otherwise, so that a call with several arguments
 * often gets past its first check and reaches the deeper ones. Every draw is noted, so a failing
 * input can be shown as the values it was given.
 */
final class FuzzValues {
    /** How often a draw is hostile rather than good, in percent. */
    private static final int HOSTILE = 30;

    private static final String[] HOSTILE_TEXT = {
        "", " ", "   ", "\t", "\n", "\r\n", "\u000B", "\u00A0", "\u2007", "\u202F", "\u3000", "\u200B", "\u200E", "\u200F",
        "\u202E", "\u2066", "\uFEFF", "\u0000", "\u0007", "\u001B[31m", "\u007F", "\u0085", "\u2028", "\u2029",
        "ß", "ẞ", "ı", "İ", "ǅ", "ﬀ", "Straße", "SS", "ﬃ", "U\u0301S", "ＵＳ", "us", "uS", "Us", "USA", "U", "U1", "1U",
        "\uD800", "\uDC00", "a\uD800b", "\uDBFF\uDFFF", "😀", "\uD83D\uDE00\uD83D", "\uFFFE", "\uFFFF", "\uE000",
        "١٢٣", "١٢", "２１２", "212", "0", "00", "-1", "1e3", "0x1F", "+12125550100", "+1 212 555 0100",
        "%00", "%0a", "'; DROP TABLE numbers; --", "<script>alert(1)</script>", "../../etc/passwd", "${jndi:ldap://x/a}",
        "%s%n%x", "\\", "\"", "null", "NULL", "undefined", "NaN", "Infinity", "true", " padded ", "a\nb", "a\u0000b",
        "ACME\tSALES", "ACME SALES\n", "acme", "ACME & CO", "ÄCME", "ACME—SALES", "A".repeat(15), "A".repeat(16),
    };
    private static final String[] COUNTRIES = {"US", "us", " GB ", "CA", "de", "Fr", "JP"};
    private static final String[] HOSTILE_COUNTRIES = {"ß", "ıt", "İT", "ǅE", "ﬀ", "USA", "U", "U1", "ＵＳ", "SS", "U\u0301",
        "\u200FUS", "U S", "\u0000U", "XX", "ZZ"};
    private static final String[] GOOD_E164 = {"+12125550100", "+12125550101", "+442071838750", "+3548101234",
        "+16071234567", "+61291234567", "+8613800138000", "+123", "+999999999999999"};
    private static final String[] HOSTILE_E164 = {"+", "+1", "+0123456789", "+1234567890123456", "++12125550100",
        "12125550100", "+1 212 555 0100", "+1-212-555-0100", "+1212555010\u0661", "+１２１２５５５０１００", "+12125550100 ",
        " +12125550100", "+12125550100\u200F", "+1212555O100", "+-1", "+\u0000"};
    private static final String[] TYPED_NUMBERS = {"(212) 555-1234", "212.555.1234", "1 212 555 1234", "020 7183 8750",
        "+44 20 7183 8750", "00 44 20 7183 8750", "+1 (607) 123-4567", "555 12", "call me", "tel:+12125550100",
        "+1 212 555 1234 ext. 5", "٠٢٠ ٧١٨٣ ٨٧٥٠", "212-555-1234;ext=9", "9".repeat(250), "9".repeat(251)};
    private static final String[] GOOD_URLS = {"https://example.com/voice", "http://localhost:8080/hook",
        "HTTPS://EXAMPLE.COM/A", "https://example.com/a?b=c#d", " https://example.com/padded ",
        "https://user:pw@example.com/x", "https://192.0.2.1/", "https://[2001:db8::1]/x", "https://example.com/ä"};
    private static final String[] HOSTILE_URLS = {"ftp://example.com/x", "https://", "//example.com/x", "/relative",
        "example.com", "https://exa mple.com/", "https://[::1", "https://example.com:99999999999/",
        "https://例え.jp/", "https://example.com/\u0000", "javascript:alert(1)", "mailto:ops@example.com", "urn:isbn:1",
        "https:example.com", "http:///x", "https://exa_mple.com/", "https://%65xample.com/", "file:///etc/passwd",
        "https://example.com/" + "a".repeat(70_000), "https://\u200Fexample.com/"};
    private static final String[] GOOD_WORDS = {"Support line", "Jöhn", "O'Brien-Smith", "李小龍", "אבי\u200F כהן",
        "135 Front St", "Binghamton", "NY", "13905", "Ünïcödé 😀", "BINGHAMTON", "Acme, Inc."};

    private final SplittableRandom random;
    private final List<String> drawn = new ArrayList<>();
    /** While above zero, draws are not noted one by one: the collection they go into is noted whole. */
    private int quiet;

    FuzzValues(SplittableRandom random) {
        this.random = random;
    }

    /** The values drawn so far, in order, for a failure report. */
    List<String> drawn() {
        return drawn;
    }

    boolean hostile() {
        return random.nextInt(100) < HOSTILE;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    @SafeVarargs
    final <T> T oneOf(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    // ---- text ------------------------------------------------------------------------------

    /** A hostile string: null, blank, invisible, control characters, broken Unicode, huge, or random. */
    String hostileText() {
        return note(rawHostileText());
    }

    /** One of {@code good}, or a hostile string. */
    String pick(String... good) {
        return hostile() ? hostileText() : note(oneOf(good));
    }

    /** Free text of at most {@code max} characters when good: names, streets, filters. */
    String words(int max) {
        if (hostile()) {
            return hostileText();
        }
        String value = switch (random.nextInt(5)) {
            case 0 -> "x".repeat(max);
            case 1 -> "x".repeat(max + 1);
            case 2 -> " " + oneOf(GOOD_WORDS) + " ";
            default -> oneOf(GOOD_WORDS);
        };
        return note(value);
    }

    /** Digits, {@code min} to {@code max} of them when good. */
    String digits(int min, int max) {
        if (hostile()) {
            return note(chance(50) ? rawHostileText() : asciiDigits(oneOf(0, min - 1, max + 1, max * 2 + 1)));
        }
        return note(asciiDigits(min + random.nextInt(max - min + 1)));
    }

    String country() {
        if (hostile()) {
            return note(chance(60) ? oneOf(HOSTILE_COUNTRIES) : rawHostileText());
        }
        return note(oneOf(COUNTRIES));
    }

    String e164() {
        if (hostile()) {
            return note(switch (random.nextInt(3)) {
                case 0 -> oneOf(HOSTILE_E164);
                case 1 -> (chance(50) ? "+" : "") + asciiDigits(random.nextInt(22));
                default -> rawHostileText();
            });
        }
        return note(chance(50) ? oneOf(GOOD_E164) : "+1" + (2 + random.nextInt(8)) + asciiDigits(9));
    }

    /** Something a person might type as a telephone number. */
    String typedNumber() {
        if (hostile()) {
            return hostileText();
        }
        return note(chance(50) ? oneOf(TYPED_NUMBERS) : oneOf(GOOD_E164));
    }

    String url() {
        if (hostile()) {
            return note(chance(70) ? oneOf(HOSTILE_URLS) : rawHostileText());
        }
        return note(oneOf(GOOD_URLS));
    }

    URI uri() {
        String text = chance(75) ? oneOf(GOOD_URLS).strip() : oneOf(HOSTILE_URLS);
        try {
            return note(chance(8) ? null : new URI(text));
        } catch (URISyntaxException e) {
            return note((URI) null);
        }
    }

    // ---- values of the api ---------------------------------------------------------------

    /** A valid number, or now and then null. */
    PhoneNumber number() {
        if (chance(8)) {
            return note((PhoneNumber) null);
        }
        return note(PhoneNumber.of(chance(60) ? oneOf(GOOD_E164) : "+1" + (2 + random.nextInt(8)) + asciiDigits(9)));
    }

    <E extends Enum<E>> E constant(Class<E> type) {
        E[] values = type.getEnumConstants();
        return note(chance(10) ? null : values[random.nextInt(values.length)]);
    }

    Address address() {
        return note(chance(10) ? null : oneOf(Address.us("135 Front St", "Binghamton", "NY", "13905"),
                new Address("10 Downing St", Optional.of("Flat 1"), "London", "LDN", "SW1A 2AA", "GB")));
    }

    Route route() {
        return note(chance(10) ? null : oneOf(Route.to("https://example.com/voice"),
                Route.to("http://localhost:8080/hook", WebhookMethod.GET).withFallback("https://example.com/b", WebhookMethod.POST)));
    }

    E911Address e911() {
        return note(chance(10) ? null : new E911Address("John Doe", Address.us("135 Front St", "Binghamton", "NY", "13905")));
    }

    PortSubscriber subscriber() {
        return note(chance(10) ? null : PortSubscriber.person("John", "Doe"));
    }

    AvailableNumber offer() {
        PhoneNumber number = number();
        if (number == null) {
            return null;
        }
        AvailableNumber.Builder b = AvailableNumber.builder(number).features(Set.of(NumberFeature.VOICE));
        Instant hold = chance(30) ? instant() : null;
        if (hold != null) {
            b.holdExpiresAt(hold);
        }
        return note(b.build());
    }

    OwnedNumber owned() {
        PhoneNumber number = number();
        return note(number == null ? null : OwnedNumber.builder("id-" + number.digits(), number).name(oneOf("Sales", "support", "İstanbul"))
                .build());
    }

    // ---- numbers and time ---------------------------------------------------------------

    /** An int near the edges: zero, ±1, the limits of {@code int}, either side of {@code bounds}, or any. */
    int count(int... bounds) {
        int value = switch (random.nextInt(6)) {
            case 0 -> oneOf(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1);
            case 1, 2 -> bounds.length == 0 ? random.nextInt(-5, 1_200) : bounds[random.nextInt(bounds.length)] + random.nextInt(-1, 2);
            case 3 -> random.nextInt();
            default -> random.nextInt(-5, 1_200);
        };
        return note(value);
    }

    Duration duration() {
        Duration value = switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> Duration.ZERO;
            case 2 -> Duration.ofSeconds(Long.MAX_VALUE);
            case 3 -> Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
            case 4 -> Duration.ofSeconds(Long.MIN_VALUE);
            case 5 -> Duration.ofNanos(-1);
            case 6 -> Duration.ofNanos(1);
            case 7 -> Duration.ofMillis(Long.MAX_VALUE);
            case 8 -> Duration.ofDays(random.nextLong(-1_000_000, 1_000_000_000L));
            case 9 -> Duration.ofSeconds(random.nextLong(), random.nextLong(1_000_000_000L));
            default -> Duration.ofSeconds(random.nextLong(0, 3_600));
        };
        return note(value);
    }

    Period period() {
        Period value = switch (random.nextInt(9)) {
            case 0 -> null;
            case 1 -> Period.ZERO;
            case 2 -> Period.ofDays(-1);
            case 3 -> Period.ofDays(Integer.MAX_VALUE);
            case 4 -> Period.ofYears(Integer.MAX_VALUE);
            case 5 -> Period.of(Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE);
            case 6 -> Period.of(0, 1, -3);
            default -> Period.ofDays(random.nextInt(0, 30));
        };
        return note(value);
    }

    Instant instant() {
        Instant value = switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> Instant.MIN;
            case 2 -> Instant.MAX;
            case 3 -> Instant.EPOCH;
            default -> Instant.parse("2026-01-05T09:00:00Z").plusSeconds(random.nextLong(-86_400, 86_400));
        };
        return note(value);
    }

    LocalDate date() {
        LocalDate value = switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> LocalDate.MIN;
            case 2 -> LocalDate.MAX;
            default -> LocalDate.of(2026, 1, 5).plusDays(random.nextInt(-30, 60));
        };
        return note(value);
    }

    Clock clock() {
        Clock value = switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> Clock.fixed(Instant.MAX, ZoneOffset.UTC);
            case 2 -> Clock.fixed(Instant.MIN, ZoneOffset.UTC);
            case 3 -> Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.MAX);
            default -> Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);
        };
        return note(value);
    }

    // ---- collections ----------------------------------------------------------------------

    /** Null, empty, a few entries (which may be null or repeated), or a long list past the usual limits. */
    <T> List<T> list(Supplier<T> entry) {
        int shape = random.nextInt(100);
        if (shape < 6) {
            return note((List<T>) null);
        }
        if (shape < 12) {
            return note(List.of());
        }
        List<T> values = new ArrayList<>();
        int size = shape < 15 ? 999 + random.nextInt(3) : 1 + random.nextInt(4);
        quiet++;
        try {
            for (int i = 0; i < size; i++) {
                values.add(chance(10) && !values.isEmpty() ? values.get(0) : entry.get());
            }
        } finally {
            quiet--;
        }
        return note(values);
    }

    /** Null, empty, a few entries (which may be null), as a JDK immutable set, a hash set or an enum set. */
    <E extends Enum<E>> Set<E> enums(Class<E> type) {
        int shape = random.nextInt(100);
        if (shape < 8) {
            return note((Set<E>) null);
        }
        if (shape < 16) {
            return note(Set.of());
        }
        Set<E> values = chance(50) ? new HashSet<>() : new LinkedHashSet<>();
        int size = 1 + random.nextInt(4);
        quiet++;
        try {
            for (int i = 0; i < size; i++) {
                values.add(constant(type));
            }
        } finally {
            quiet--;
        }
        if (chance(30) && !values.contains(null)) {
            return note(values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values));
        }
        if (chance(30) && !values.contains(null)) {
            return note(Set.copyOf(values));
        }
        return note(values);
    }

    <T> Optional<T> optional(Supplier<T> value) {
        int shape = random.nextInt(10);
        if (shape == 0) {
            return note((Optional<T>) null);
        }
        return note(shape < 4 ? Optional.empty() : Optional.ofNullable(value.get()));
    }

    /** Provider facts: null, empty, or a few, with null keys and values now and then. */
    Map<String, String> attributes() {
        int shape = random.nextInt(10);
        if (shape == 0) {
            return note((Map<String, String>) null);
        }
        Map<String, String> values = new HashMap<>();
        quiet++;
        try {
            for (int i = shape; i < 10; i += 3) {
                values.put(chance(10) ? null : "k" + i, chance(10) ? null : words(64));
            }
        } finally {
            quiet--;
        }
        return note(values);
    }

    // ---- the hostile pool ----------------------------------------------------------------

    private String rawHostileText() {
        return switch (random.nextInt(20)) {
            case 0, 1 -> null;
            case 2 -> hugeText();
            case 3, 4, 5 -> randomCodePoints(1 + random.nextInt(40));
            case 6 -> oneOf(HOSTILE_TEXT) + oneOf(GOOD_WORDS) + oneOf(HOSTILE_TEXT);
            default -> oneOf(HOSTILE_TEXT);
        };
    }

    private String hugeText() {
        int length = oneOf(64, 65, 100, 101, 128, 129, 200, 201, 1_000, 70_000);
        return (chance(50) ? "9" : oneOf("x", "ß", "\u200F", "😀", " ")).repeat(length);
    }

    /** Code points from the places that break text handling: controls, marks, bidi, surrogates, emoji. */
    private String randomCodePoints(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int c = switch (random.nextInt(10)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x7F + random.nextInt(0x21);
                case 2 -> 0x300 + random.nextInt(0x70);
                case 3 -> 0x590 + random.nextInt(0x200);
                case 4 -> 0x2000 + random.nextInt(0x70);
                case 5 -> 0xD800 + random.nextInt(0x800);
                case 6 -> 0x1F600 + random.nextInt(0x50);
                case 7 -> 0xFFF0 + random.nextInt(0x10);
                default -> 0x20 + random.nextInt(0x5F);
            };
            text.appendCodePoint(c);
        }
        return text.toString();
    }

    private String asciiDigits(int length) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < Math.max(0, length); i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private <T> T note(T value) {
        if (quiet == 0) {
            drawn.add(describe(value));
        }
        return value;
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "\"" + escape(text.length() > 48 ? text.substring(0, 40) : text) + "\""
                    + (text.length() > 48 ? "…(" + text.length() + " chars)" : "");
        }
        if (value instanceof Collection<?> values) {
            return value.getClass().getSimpleName() + "(size " + values.size() + ")"
                    + (values.size() <= 4 ? values.stream().map(FuzzValues::describe).toList() : "");
        }
        String text = value.toString();
        return escape(text.length() > 80 ? text.substring(0, 80) + "…" : text);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> {
            if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
