package dev.telephony.testkit.contract;

import java.util.Set;

/** Searching text for secret values. */
final class Secrets {
    private Secrets() {
    }

    /** The first secret found in {@code text}, or null; secrets shorter than 4 characters are not searched. */
    static String findIn(String text, Set<String> secrets) {
        if (text == null) {
            return null;
        }
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4 && text.contains(secret)) {
                return secret;
            }
        }
        return null;
    }
}
