package dev.telephony.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Webhook texts parsed once while recent, always to the URI {@code new URI(text)} makes. */
class WebhookUrisTest {
    private static final String ALPHABET = "abcXYZ019-._~:/?#[]@!$&'()*+,;=% {}|\\^`\"<>";

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "https://" : "");
        int length = random.nextInt(1, 40);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /** What {@link WebhookUris#parse} must give for {@code text}: the URI, or the JDK's reason for refusing it. */
    private static Object expected(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return "not a URL: " + e.getMessage();
        }
    }

    private static Object actual(String text) {
        try {
            return WebhookUris.parse(text);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Test
    void everyTextGivesWhatTheUriConstructorGivesTheFirstTimeAndEveryTimeAfter() {
        SplittableRandom random = new SplittableRandom(18);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            texts.add(randomText(random));
        }
        for (int round = 0; round < 3; round++) {
            for (String text : texts) {
                assertThat(actual(text)).as(text).isEqualTo(expected(text));
            }
        }
    }

    @Test
    void aTextSeenAMomentAgoIsNotParsedAgainAndALongOneIsNeverKept() {
        String hook = "https://hooks.example.com/voice?account=42";
        assertThat(WebhookUris.parse(hook)).isSameAs(WebhookUris.parse(new String(hook)));
        String long_ = "https://hooks.example.com/" + "a".repeat(3_000);
        assertThat(WebhookUris.parse(long_)).isEqualTo(URI.create(long_)).isNotSameAs(WebhookUris.parse(long_));
        assertThatThrownBy(() -> WebhookUris.parse("https://bad host/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a URL: ");
    }

    @Test
    void threadsParsingTheSameTextsAtOnceEachGetTheRightUri() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            texts.add("https://hooks.example.com/" + i + "/voice");
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> checked = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int start = t;
                checked.add(threads.submit(() -> {
                    int done = 0;
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < texts.size(); i++) {
                            String text = texts.get((i * 7 + start + round) % texts.size());
                            assertThat(WebhookUris.parse(text)).isEqualTo(URI.create(text));
                            done++;
                        }
                    }
                    return done;
                }));
            }
            for (Future<Integer> one : checked) {
                assertThat(one.get()).isEqualTo(50 * texts.size());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
