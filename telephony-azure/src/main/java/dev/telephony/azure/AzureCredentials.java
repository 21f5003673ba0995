package dev.telephony.azure;

import dev.telephony.api.Secret;
import dev.telephony.api.error.ConfigurationException;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * An endpoint and an access key, from a connection string ({@code endpoint=https://…/;accesskey=…})
 * or given apart. Never shows the key.
 *
 * @param endpoint  the resource's https endpoint
 * @param accessKey the Base64 access key
 */
record AzureCredentials(URI endpoint, Secret accessKey) {
    AzureCredentials {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") || endpoint.getHost() == null) {
            throw new ConfigurationException("the Azure endpoint must be an https URL such as https://example.communication.azure.com,"
                    + " was " + (endpoint.getHost() == null ? "without a host" : scheme + "://" + endpoint.getHost()), List.of("endpoint"));
        }
        if (endpoint.getRawUserInfo() != null) {
            throw new ConfigurationException("the Azure endpoint must not carry user information", List.of("endpoint"));
        }
        try {
            Base64.getDecoder().decode(accessKey.reveal());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("the Azure access key must be Base64", List.of("access-key"));
        }
    }

    /** Reads {@code endpoint=…;accesskey=…}; unknown parts are refused, and nothing of the key is echoed. */
    static AzureCredentials parse(Secret connectionString) {
        String endpoint = null;
        String key = null;
        for (String part : connectionString.reveal().split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                // a part without '=' may be a pasted key: never quote it
                throw new ConfigurationException("the Azure connection string has a part without '='; it takes endpoint=…;accesskey=…",
                        List.of("connection-string"));
            }
            String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).strip();
            switch (name) {
                case "endpoint" -> endpoint = value;
                case "accesskey" -> key = value;
                default -> throw new ConfigurationException("the Azure connection string has an unknown part '"
                        + (name.length() > 20 ? name.substring(0, 20) + "…" : name) + "'; it takes endpoint and accesskey",
                        List.of("connection-string"));
            }
        }
        if (endpoint == null || endpoint.isEmpty() || key == null || key.isEmpty()) {
            throw new ConfigurationException("the Azure connection string needs endpoint=…;accesskey=…", List.of("connection-string"));
        }
        try {
            return new AzureCredentials(URI.create(endpoint), Secret.of("access-key", key));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("the endpoint in the Azure connection string is not a URL", List.of("connection-string"));
        }
    }

    /** The endpoint without a trailing slash. */
    String endpointText() {
        String text = endpoint.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public String toString() {
        return "AzureCredentials[" + endpointText() + ", accessKey=****]";
    }
}
