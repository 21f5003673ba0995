package dev.telephony.alianza;

import dev.telephony.alianza.internal.Login;
import dev.telephony.alianza.internal.LoginToken;
import dev.telephony.api.Secret;
import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.http.Authentication;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.RestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alianza's token authentication: every request carries {@code X-AUTH-TOKEN}. The token is either
 * configured, or obtained by logging in at {@code POST /v2/authorize} with a username and password on
 * first use. Alianza publishes no token lifetime and answers 401 once a token has expired: with a
 * username and password the provider then logs in once more and the request is repeated once.
 *
 * <p>Writes that spend or release money ({@link #write}) never log in while they are being sent: the
 * token is obtained before the write, and a write refused with 401 is answered by logging in between
 * two sends, outside the send. A log-in that fails there fails with nothing sent, so the caller is
 * told exactly that; it is never mistaken for a write whose answer was lost. A 401 on any read that
 * follows a write (reconciliation, following an order) logs in as part of that read.
 *
 * <p>Every failed log-in is typed: refused ({@code 400}, {@code 401}, {@code 403}, {@code 404}) is an
 * {@link dev.telephony.api.error.AuthenticationException}, a 429 a rate limit, a 5xx or lost answer
 * (after the read retries) {@link dev.telephony.api.error.ProviderUnavailableException}, and an answer
 * without a token a {@link ProtocolException} that never quotes the body, which may hold a token.
 */
final class AlianzaTokenAuthentication implements Authentication {
    static final String HEADER = "X-AUTH-TOKEN";
    private static final Logger log = LoggerFactory.getLogger(AlianzaTokenAuthentication.class);

    private final String provider;
    private final Secret configuredToken;
    private final String username;
    private final Secret password;
    /** The token each thread last sent, so that a 401 answered to an already replaced token does not log in twice. */
    private final ThreadLocal<Secret> lastSent = new ThreadLocal<>();
    /** Set while a write is sent: a 401 then ends the send instead of logging in inside it. */
    private final ThreadLocal<Boolean> sendingWrite = new ThreadLocal<>();
    /** The token a write was refused with, until {@link #write} has replaced it. */
    private final ThreadLocal<Secret> refusedByWrite = new ThreadLocal<>();
    private volatile Secret token;
    private volatile RestClient login;

    /**
     * @param configuredToken a token to start with, or null to log in on first use
     * @param username        the log-in user, or null when only the token is configured
     * @param password        the log-in password, or null when only the token is configured
     */
    AlianzaTokenAuthentication(String provider, Secret configuredToken, String username, Secret password) {
        this.provider = Objects.requireNonNull(provider, "provider");
        if (configuredToken == null && (username == null || password == null)) {
            throw new IllegalArgumentException("an auth token, or a username and password, is required");
        }
        this.configuredToken = configuredToken;
        this.username = username;
        this.password = password;
        this.token = configuredToken;
    }

    /** The client log-ins go through: one without this authentication, on the same host. */
    void loginThrough(RestClient client) {
        this.login = Objects.requireNonNull(client, "client");
    }

    /** Whether a refused token can be replaced by logging in again. */
    boolean canLogIn() {
        return username != null && password != null;
    }

    @Override
    public Map<String, String> headers() {
        Secret current = token;
        if (current == null) {
            current = logIn(null);
        }
        lastSent.set(current);
        return Map.of(HEADER, current.reveal());
    }

    @Override
    public List<Secret> secrets() {
        List<Secret> secrets = new ArrayList<>();
        Optional.ofNullable(configuredToken).ifPresent(secrets::add);
        Optional.ofNullable(password).ifPresent(secrets::add);
        return secrets;
    }

    /** The secrets known now, the token obtained at log-in included. */
    List<Secret> liveSecrets() {
        List<Secret> secrets = secrets();
        Optional.ofNullable(token).ifPresent(secrets::add);
        return secrets;
    }

    @Override
    public boolean renewAfterUnauthorized() {
        if (!canLogIn() || Boolean.TRUE.equals(sendingWrite.get())) {
            return false;
        }
        Secret refused = lastSent.get();
        logIn(refused == null ? token : refused);
        return true;
    }

    /** Logs in now unless a token is at hand, so that the next request needs no log-in. */
    void ensureToken() {
        if (token == null) {
            logIn(null);
        }
    }

    /**
     * Runs {@code write} (a send and its reconciliation) with a token obtained beforehand. When the
     * write was refused with 401 (the carrier did nothing) and a username and password are configured,
     * logs in once, outside any send, and runs it once more. A failed log-in is thrown as it is: nothing
     * was sent.
     */
    <T> T write(Supplier<T> write) {
        ensureToken();
        refusedByWrite.remove();
        try {
            return write.get();
        } catch (AuthenticationException refused) {
            Secret stale = refusedByWrite.get();
            refusedByWrite.remove();
            if (stale == null || !canLogIn()) {
                throw refused;
            }
            log.debug("{} write refused with 401; logging in again before sending it once more", provider);
            logIn(stale);
            return write.get();
        } finally {
            refusedByWrite.remove();
        }
    }

    /** Sends a write once: a 401 ends it (see {@link #write}) rather than logging in inside the send. */
    HttpResponse sendWrite(RestClient client, HttpRequest request) {
        sendingWrite.set(Boolean.TRUE);
        try {
            return client.send(request);
        } catch (AuthenticationException refused) {
            if (refused.httpStatus().orElse(0) == 401) {
                refusedByWrite.set(lastSent.get());
            }
            throw refused;
        } finally {
            sendingWrite.remove();
        }
    }

    /**
     * Logs in and keeps the new token, unless another thread already replaced {@code refused}.
     *
     * @param refused the token the provider just refused, or null on first use
     */
    private synchronized Secret logIn(Secret refused) {
        Secret current = token;
        if (current != null && (refused == null || !current.equals(refused))) {
            return current;
        }
        RestClient client = login;
        if (client == null) {
            throw new IllegalStateException("no log-in client configured");
        }
        log.debug("{} logging in at {} as {}", provider, AlianzaPaths.AUTHORIZE, username);
        HttpRequest request = client.withJson(HttpRequest.post(AlianzaPaths.AUTHORIZE), new Login(username, password.reveal()));
        HttpResponse response = client.read(request);
        LoginToken answer;
        try {
            answer = client.mapper().readValue(response.body(), LoginToken.class);
        } catch (java.io.IOException | RuntimeException unreadable) {
            // never quote the body: it may hold the token
            throw new ProtocolException("the log-in answer is not a readable LoginToken", AlianzaAnswers.context(client, response));
        }
        if (answer == null || answer.authToken() == null || answer.authToken().isBlank()) {
            throw new ProtocolException("the log-in answer carries no authToken", AlianzaAnswers.context(client, response));
        }
        Secret obtained = Secret.of("auth-token", answer.authToken());
        token = obtained;
        return obtained;
    }

    @Override
    public String toString() {
        return "AlianzaToken[" + (canLogIn() ? "login " + username + ":****" : "configured ****") + "]";
    }
}
