package dev.telephony.http;

import dev.telephony.api.spi.ConfigKey;
import dev.telephony.api.spi.ProviderConfig;
import java.time.Duration;
import java.util.List;

/** The configuration keys every REST provider reads for its HTTP client, and the settings they make. */
public final class HttpConfig {
    /** Seconds to wait for a connection. */
    public static final String CONNECT_TIMEOUT = "connect-timeout-seconds";
    /** Seconds to wait for an answer. */
    public static final String RESPONSE_TIMEOUT = "response-timeout-seconds";

    private HttpConfig() {
    }

    /** The time-out keys, with their defaults (10 and 30 seconds). */
    public static List<ConfigKey> keys() {
        return List.of(
                ConfigKey.withDefault(CONNECT_TIMEOUT, "seconds to wait for a connection", "10"),
                ConfigKey.withDefault(RESPONSE_TIMEOUT, "seconds to wait for an answer", "30"));
    }

    /** {@link HttpSettings#defaults()} with the configured time-outs. */
    public static HttpSettings settings(ProviderConfig config) {
        return HttpSettings.defaults()
                .withConnectTimeout(Duration.ofSeconds(config.integer(CONNECT_TIMEOUT).orElseThrow()))
                .withResponseTimeout(Duration.ofSeconds(config.integer(RESPONSE_TIMEOUT).orElseThrow()));
    }
}
