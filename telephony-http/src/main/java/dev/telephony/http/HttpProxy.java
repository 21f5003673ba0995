package dev.telephony.http;

import dev.telephony.api.Secret;
import dev.telephony.api.error.InvalidRequestException;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP proxy every request goes through, with credentials when it asks for them (HTTP Basic, on a
 * 407). Without one, the JVM's proxy settings apply ({@code -Dhttps.proxyHost}, {@code -Dhttp.nonProxyHosts}, …).
 *
 * @param host     the proxy's host name or address
 * @param port     its port
 * @param user     the user name, if the proxy wants credentials
 * @param password the password, with {@code user}
 */
public record HttpProxy(String host, int port, Optional<String> user, Optional<Secret> password) {
    public HttpProxy {
        if (host == null || host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
            throw InvalidRequestException.of("proxy.host", "must be a host name or address, was '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw InvalidRequestException.of("proxy.port", "must be between 1 and 65535, was " + port);
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isPresent() != password.isPresent()) {
            throw InvalidRequestException.of("proxy.password", "a proxy user and password go together");
        }
    }

    /** A proxy that asks for no credentials. */
    public static HttpProxy of(String host, int port) {
        return new HttpProxy(host, port, Optional.empty(), Optional.empty());
    }

    /** This proxy with credentials. */
    public HttpProxy withCredentials(String user, Secret password) {
        if (user == null || user.isBlank()) {
            throw InvalidRequestException.of("proxy.user", "must not be blank");
        }
        return new HttpProxy(host, port, Optional.of(user), Optional.of(Objects.requireNonNull(password, "password")));
    }

    @Override
    public String toString() {
        return "HttpProxy[" + host + ":" + port + user.map(u -> ", user=" + u + ", password=****").orElse("") + "]";
    }
}
