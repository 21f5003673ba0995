package dev.telephony.api.error;

import java.util.List;

/**
 * The library cannot be set up as asked: no provider or several to choose from, an unknown provider
 * name, missing or unknown configuration keys. The message says what was found and how to fix it,
 * and never shows a secret value.
 */
public class ConfigurationException extends NonRetryableException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> keys;

    public ConfigurationException(String reason) {
        this(reason, List.of());
    }

    /** A configuration error about these keys (missing or unknown ones). */
    public ConfigurationException(String reason, List<String> keys) {
        super(reason, ErrorContext.none(), null);
        this.keys = List.copyOf(keys);
    }

    /** The configuration keys at fault, if the error is about keys. */
    public List<String> keys() {
        return keys;
    }
}
