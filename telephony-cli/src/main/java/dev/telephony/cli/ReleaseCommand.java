package dev.telephony.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.NumberNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Gives numbers up: they leave the account and may not come back.",
                "Asks before each one on a terminal; without a terminal it refuses unless --yes is given."})
final class ReleaseCommand extends BaseCommand.WithProvider {
    @Parameters(arity = "1..*", paramLabel = "NUMBER", converter = Converters.Number.class, description = "The numbers to release.")
    List<PhoneNumber> numbers;

    @Option(names = {"-y", "--yes"}, description = "Release without asking.")
    boolean yes;

    @Override
    void check() {
        if (!yes && context().terminal().isEmpty()) {
            throw new ExitCodes.UsageException("not releasing " + String.join(" ", numbers.stream().map(PhoneNumber::e164).toList())
                    + " without confirmation: there is no terminal to ask on; add --yes to release");
        }
    }

    @Override
    int run(TelephonyProvider provider, Output output) {
        List<PhoneNumber> released = new ArrayList<>();
        List<PhoneNumber> kept = new ArrayList<>();
        try {
            releaseEach(provider, output, released, kept);
        } catch (RuntimeException failure) {
            // say what was already released before the error line, so a script knows where it stopped
            if (output.json() && !released.isEmpty()) {
                ObjectNode partial = Json.object();
                partial.set("released", Json.numbers(released));
                partial.set("kept", Json.numbers(kept));
                output.json(partial);
            }
            throw failure;
        }
        if (output.json()) {
            ObjectNode result = Json.object();
            result.set("released", Json.numbers(released));
            result.set("kept", Json.numbers(kept));
            output.json(result);
        }
        return kept.isEmpty() ? ExitCodes.OK : ExitCodes.OTHER;
    }

    private void releaseEach(TelephonyProvider provider, Output output, List<PhoneNumber> released, List<PhoneNumber> kept) {
        for (PhoneNumber number : numbers) {
            if (!yes) {
                OwnedNumber owned = provider.inventory().get(number)
                        .orElseThrow(() -> new NumberNotFoundException(number, ErrorContext.of(provider.name())));
                String answer = context().terminal().orElseThrow().readLine("Release " + number
                        + owned.name().map(n -> " (" + n + ")").orElse("") + "? It leaves the account and may not come back. [y/N] ");
                if (answer == null || !List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
                    kept.add(number);
                    output.note("kept " + number);
                    continue;
                }
            }
            provider.inventory().release(number);
            released.add(number);
            if (!output.json()) {
                output.line("released " + number);
            }
        }
    }
}
