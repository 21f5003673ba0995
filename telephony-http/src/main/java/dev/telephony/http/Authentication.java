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
        return new Authentication() {
            @Override
            public Map<String, String> headers() {
                String pair = user + ":" + password.reveal();
                return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }

            @Override
            public List<Secret> secrets() {
                String pair = user + ":" + password.reveal();
                return List.of(password, Secret.of("basic", Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
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
