package dev.telephony.http;

import dev.telephony.api.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a provider proves who it is. Adds its headers to each request, and names the secret values it
 * holds so that the client can scrub them from anything it quotes.
 */
public interface Authentication {
    /** The headers to add to a request. */
    Map<String, String> headers();

    /** The secret values, to redact from excerpts and messages. */
    List<Secret> secrets();

    /**
     * Called once after a 401: whether the credentials were renewed (a new token obtained) so that
     * the request is worth sending once more. Static credentials answer false.
     */
    default boolean renewAfterUnauthorized() {
        return false;
    }

    /** HTTP Basic authentication. */
    static Authentication basic(String user, Secret password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        // encoded once: every request sends the same header (a StringBuilder, not a concatenation a cold JVM would link)
        String encoded = Base64.getEncoder().encodeToString(new StringBuilder(user.length() + 1 + password.reveal().length())
                .append(user).append(':').append(password.reveal()).toString().getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = Map.of("Authorization", "Basic ".concat(encoded));
        List<Secret> secrets = List.of(password, Secret.of("basic", encoded));
        return new Authentication() {
            @Override
            public Map<String, String> headers() {
                return headers;
            }

            @Override
            public List<Secret> secrets() {
                return secrets;
            }

            @Override
            public String toString() {
                return "Basic[" + user + ":****]";
            }
        };
    }

    /** A bearer token ({@code Authorization: Bearer <token>}, RFC 6750). */
    static Authentication bearer(Secret token) {
        Objects.requireNonNull(token, "token");
        return new Authentication() {
            @Override
            public Map<String, String> headers() {
                return Map.of("Authorization", "Bearer " + token.reveal());
            }

            @Override
            public List<Secret> secrets() {
                return List.of(token);
            }

            @Override
            public String toString() {
                return "Bearer[****]";
            }
        };
    }

    /** No authentication. */
    static Authentication none() {
        return new Authentication() {
            @Override
            public Map<String, String> headers() {
                return Map.of();
            }

            @Override
            public List<Secret> secrets() {
                return List.of();
            }
        };
    }
}
