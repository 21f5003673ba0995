package dev.telephony.http;

import dev.telephony.api.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Removes secret values from text the library quotes (error bodies, excerpts). */
public final class Redactor {
    /** The longest excerpt of a body that an error message quotes. */
    public static final int EXCERPT_LENGTH = 80;

    private final List<Secret> secrets;

    public Redactor(List<Secret> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /** {@code text} with every secret replaced by {@code ****}. */
    public String redact(String text) {
        String result = text;
        for (Secret secret : secrets) {
            result = result.replace(secret.reveal(), "****");
        }
        return result;
    }

    /** A short, single-line, secret-free excerpt of a body, for error messages. */
    public String excerpt(byte[] body) {
        String text = redact(new String(body, StandardCharsets.UTF_8)).replaceAll("\\s+", " ").strip();
        StringBuilder clean = new StringBuilder();
        text.codePoints().limit(EXCERPT_LENGTH).forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.codePointCount(0, text.length()) > EXCERPT_LENGTH ? clean + "…" : clean.toString();
    }
}
