package dev.telephony.api;

import dev.telephony.api.spi.ConfigKey;
import java.util.List;
import java.util.Set;

/**
 * A provider found on the classpath, described without creating it.
 *
 * @param name                  the name to choose it by
 * @param description           what it connects to
 * @param configKeys            the configuration it reads, secrets marked
 * @param capabilities          what it can do
 * @param selectableWithoutName whether {@link Telephony#connect()} may pick it when it is alone
 */
public record ProviderInfo(String name, String description, List<ConfigKey> configKeys,
                           Set<Capability> capabilities, boolean selectableWithoutName) {
    public ProviderInfo {
        Fields.requireNonNull("provider.name", name);
        Fields.requireNonNull("provider.description", description);
        configKeys = Fields.listCopy("provider.configKeys", configKeys);
        capabilities = Fields.setCopy("provider.capabilities", capabilities);
    }
}
