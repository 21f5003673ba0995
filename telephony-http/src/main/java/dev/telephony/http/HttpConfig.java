package dev.telephony.http;

import dev.telephony.api.spi.ConfigKey;
import dev.telephony.api.spi.ProviderConfig;
import dev.telephony.api.error.InvalidRequestException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The configuration keys every REST provider reads for its HTTP client, and the settings they make. */
public final class HttpConfig {
    /** Seconds to wait for a connection. */
    public static final String CONNECT_TIMEOUT = "connect-timeout-seconds";
    /** Seconds to wait for an answer. */
    public static final String RESPONSE_TIMEOUT = "response-timeout-seconds";
    /** Milliseconds to wait for a connection; overrides {@link #CONNECT_TIMEOUT} (tests want less than a second). */
    public static final String CONNECT_TIMEOUT_MILLIS = "connect-timeout-millis";
    /** Milliseconds to wait for an answer; overrides {@link #RESPONSE_TIMEOUT}. */
    public static final String RESPONSE_TIMEOUT_MILLIS = "response-timeout-millis";

    private HttpConfig() {
    }

    /** The time-out keys, with their defaults (10 and 30 seconds). */
    public static List<ConfigKey> keys() {
        return List.of(
                ConfigKey.withDefault(CONNECT_TIMEOUT, "seconds to wait for a connection", "10"),
                ConfigKey.withDefault(RESPONSE_TIMEOUT, "seconds to wait for an answer", "30"),
                ConfigKey.optional(CONNECT_TIMEOUT_MILLIS, "milliseconds to wait for a connection (overrides the seconds)"),
                ConfigKey.optional(RESPONSE_TIMEOUT_MILLIS, "milliseconds to wait for an answer (overrides the seconds)"));
    }

    /** {@link HttpSettings#defaults()} with the configured time-outs. */
    public static HttpSettings settings(ProviderConfig config) {
        return HttpSettings.defaults()
                .withConnectTimeout(timeout(config, CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT))
                .withResponseTimeout(timeout(config, RESPONSE_TIMEOUT_MILLIS, RESPONSE_TIMEOUT));
    }

    private static Duration timeout(ProviderConfig config, String millisKey, String secondsKey) {
        Optional<Integer> millis = config.integer(millisKey);
        Duration timeout = millis.isPresent() ? Duration.ofMillis(millis.get())
                : Duration.ofSeconds(config.integer(secondsKey).orElseThrow());
        if (timeout.isNegative() || timeout.isZero()) {
            throw InvalidRequestException.of(millis.isPresent() ? millisKey : secondsKey, "must be positive, was " + timeout.toMillis() + " ms");
        }
        return timeout;
    }
}
