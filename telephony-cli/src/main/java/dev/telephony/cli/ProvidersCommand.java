package dev.telephony.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telephony.api.Capability;
import dev.telephony.api.ProviderInfo;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.api.spi.ConfigKey;
import dev.telephony.testkit.memory.InMemoryProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "providers", mixinStandardHelpOptions = true,
        description = {"The providers in this tool: what each can do and the configuration it needs.",
                "Shows which keys are given (by --config, a system property or the environment), never their values."})
final class ProvidersCommand extends BaseCommand {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Only this provider.")
    String name;

    @Override
    public Integer call() {
        Connector connector = root().connector();
        Connector.Choice choice = connector.choose();
        List<ProviderInfo> providers = new ArrayList<>();
        providers.add(new ProviderInfo(Sandbox.NAME, Sandbox.DESCRIPTION, List.of(), InMemoryProvider.ALL_CAPABILITIES, false));
        providers.add(new ProviderInfo(CompositeSandbox.NAME, CompositeSandbox.DESCRIPTION, List.of(),
                InMemoryProvider.ALL_CAPABILITIES, false));
        connector.providers().stream().sorted(Comparator.comparing(ProviderInfo::name)).forEach(providers::add);
        if (name != null) {
            providers = providers.stream().filter(p -> p.name().equals(name)).toList();
            if (providers.isEmpty()) {
                throw new ConfigurationException("no provider named '" + name + "'; 'telephony providers' lists them");
            }
        }
        Output output = output();
        if (output.json()) {
            ArrayNode array = Json.array();
            for (ProviderInfo info : providers) {
                array.add(json(info, connector, choice));
            }
            output.json(array);
            return ExitCodes.OK;
        }
        boolean first = true;
        for (ProviderInfo info : providers) {
            if (!first) {
                output.line("");
            }
            first = false;
            human(info, connector, choice, output);
        }
        return ExitCodes.OK;
    }

    private static ObjectNode json(ProviderInfo info, Connector connector, Connector.Choice choice) {
        ObjectNode node = Json.object();
        node.put("name", info.name());
        node.put("description", info.description());
        node.put("default", info.name().equals(Sandbox.NAME));
        node.put("chosen", info.name().equals(choice.name()));
        node.put("selectableWithoutName", info.selectableWithoutName());
        node.set("capabilities", Json.names(info.capabilities()));
        List<String> given = info.configKeys().isEmpty() ? List.of() : connector.givenKeys(info);
        node.set("config", Json.array(info.configKeys(), key -> {
            ObjectNode k = Json.object();
            k.put("key", key.name());
            k.put("description", key.description());
            k.put("required", key.required());
            k.put("requiredUnless", key.unlessGiven().orElse(null));
            k.put("secret", key.secret());
            k.put("default", key.defaultValue().orElse(null));
            k.put("environment", key.environmentVariable(info.name()));
            k.put("property", key.systemProperty(info.name()));
            k.put("given", given.contains(key.name()));
            return k;
        }));
        return node;
    }

    private static void human(ProviderInfo info, Connector connector, Connector.Choice choice, Output output) {
        List<String> marks = new ArrayList<>();
        if (info.name().equals(Sandbox.NAME)) {
            marks.add("the default");
        }
        if (info.name().equals(choice.name())) {
            marks.add(choice.chosenBy().equals("default") ? "in use" : "in use, chosen by " + choice.chosenBy());
        }
        if (!info.selectableWithoutName() && !info.name().equals(Sandbox.NAME) && !info.name().equals(CompositeSandbox.NAME)) {
            marks.add("chosen only by name");
        }
        output.line(info.name() + (marks.isEmpty() ? "" : "  (" + String.join("; ", marks) + ")"));
        output.line("  " + info.description());
        wrap("  capabilities   ", capabilities(info.capabilities()), output);
        if (info.configKeys().isEmpty()) {
            output.line("  configuration  none");
            return;
        }
        output.line("  configuration");
        List<String> given = connector.givenKeys(info);
        List<List<String>> rows = new ArrayList<>();
        for (ConfigKey key : info.configKeys()) {
            rows.add(List.of("    " + key.name(), required(key), key.secret() ? "secret" : "",
                    given.contains(key.name()) ? "given" : key.defaultValue().isPresent() ? "default" : "no",
                    key.environmentVariable(info.name()), key.description()));
        }
        output.table(List.of("    KEY", "REQUIRED", "SECRET", "GIVEN", "ENVIRONMENT", "WHAT"), rows);
    }

    private static String required(ConfigKey key) {
        if (!key.required()) {
            return key.defaultValue().map(d -> "no (" + d + ")").orElse("no");
        }
        return key.unlessGiven().map(o -> "unless " + o).orElse("yes");
    }

    private static String capabilities(Set<Capability> capabilities) {
        return capabilities.stream().sorted(Comparator.comparingInt(Enum::ordinal))
                .map(c -> c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", "));
    }

    private static void wrap(String label, String text, Output output) {
        int width = 100;
        String indent = " ".repeat(label.length());
        StringBuilder line = new StringBuilder(label);
        for (String word : text.split(" ")) {
            if (line.length() + word.length() > width && line.length() > label.length()) {
                output.line(line.toString().stripTrailing());
                line = new StringBuilder(indent);
            }
            line.append(word).append(' ');
        }
        output.line(line.toString().stripTrailing());
    }
}
