package dev.telephony.http;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Webhook URLs read from providers' answers, as {@link URI}s: a text seen a moment ago is not parsed
 * again, since an account's numbers mostly share a handful of webhooks and parsing a URI costs more
 * than the rest of reading a route.
 *
 * <p>It remembers at most {@value #SLOTS} texts, each of at most {@value #LONGEST} characters, without
 * locking: a slot holds a text and its URI together in one immutable entry, so a thread that reads a
 * slot another is writing sees either entry whole, and at worst parses the text again.
 */
public final class WebhookUris {
    private static final int SLOTS = 256;
    private static final int LONGEST = 2_048;
    private static final Entry[] RECENT = new Entry[SLOTS];

    private record Entry(String text, URI uri) {
    }

    private WebhookUris() {
    }

    /**
     * {@code text} as a URI, exactly as {@link URI#URI(String)} makes it.
     *
     * @throws IllegalArgumentException when it is not a URI, saying why
     */
    public static URI parse(String text) {
        int slot = text.hashCode() & (SLOTS - 1);
        Entry seen = RECENT[slot];
        if (seen != null && seen.text.equals(text)) {
            return seen.uri;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage(), e);
        }
        if (text.length() <= LONGEST) {
            RECENT[slot] = new Entry(text, uri);
        }
        return uri;
    }
}
