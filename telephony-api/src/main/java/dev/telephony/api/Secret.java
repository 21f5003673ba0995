package dev.telephony.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret value (API token, access key, password, PIN). Its {@link #toString()} never shows the
 * value, so it can sit in configuration objects, requests and log statements safely. Only
 * {@link #reveal()} returns it, for the one place that sends it to the provider.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps {@code value}; {@code field} names it in the error when it is blank. */
    public static Secret of(String field, String value) {
        Fields.requireNonBlank("secret.field", field);
        return new Secret(Fields.requireNonBlank(field, value));
    }

    /** The value itself. Call it only where the secret leaves for the provider. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // a hash of the value would leak information about it
    }

    @Override
    public String toString() {
        return "****";
    }
}
