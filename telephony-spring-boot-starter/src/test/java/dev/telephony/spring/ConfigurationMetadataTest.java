package dev.telephony.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telephony.api.ProviderInfo;
import dev.telephony.api.spi.ConfigKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata IDEs complete {@code telephony.<provider>.<key>} from names every key each
 * provider of this repository declares, and no other. Regenerate it with
 * {@code -Dtelephony.metadata.write=true} after a provider's keys change.
 */
class ConfigurationMetadataTest {
    private static final Path FILE = Path.of("src/main/resources/META-INF/additional-spring-configuration-metadata.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theMetadataNamesEveryKeyEveryProviderDeclares() throws IOException {
        String expected = JSON.writeValueAsString(metadata()) + "\n";
        if (Boolean.getBoolean("telephony.metadata.write")) {
            Files.writeString(FILE, expected);
        }
        assertThat(JSON.readTree(Files.readString(FILE))).as("regenerate with -Dtelephony.metadata.write=true")
                .isEqualTo(JSON.readTree(expected));
    }

    @Test
    void theProcessorMergedItWithTheStartersOwnProperties() throws IOException {
        JsonNode merged = JSON.readTree(getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json"));
        List<String> names = merged.get("properties").findValuesAsText("name");
        assertThat(names).contains("telephony.provider", "telephony.health.read", "telephony.observations.enabled",
                "telephony.signalwire.api-token", "telephony.azure.connection-string", "telephony.in-memory.purchase-mode");
    }

    private static ObjectNode metadata() {
        List<ProviderInfo> providers = ProviderSettings.providers(ConfigurationMetadataTest.class.getClassLoader()).stream()
                .sorted(Comparator.comparing(ProviderInfo::name)).toList();
        ObjectNode root = JSON.createObjectNode();
        ArrayNode groups = root.putArray("groups");
        ArrayNode properties = root.putArray("properties");
        for (ProviderInfo provider : providers) {
            groups.addObject().put("name", "telephony." + provider.name()).put("description", provider.description());
            for (ConfigKey key : provider.configKeys()) {
                ObjectNode property = properties.addObject().put("name", "telephony." + provider.name() + "." + key.name())
                        .put("type", "java.lang.String")
                        .put("description", capitalised(key.description()) + (key.required() ? " (required"
                                + key.unlessGiven().map(other -> " unless " + other + " is given").orElse("") + ")" : "")
                                + (key.secret() ? ". Secret: never logged, masked by actuator." : "."));
                key.defaultValue().ifPresent(value -> property.put("defaultValue", value));
            }
        }
        ArrayNode hints = root.putArray("hints");
        ObjectNode names = hints.addObject().put("name", "telephony.provider");
        ArrayNode values = names.putArray("values");
        for (ProviderInfo provider : providers) {
            values.addObject().put("value", provider.name()).put("description", provider.description());
        }
        return root;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
