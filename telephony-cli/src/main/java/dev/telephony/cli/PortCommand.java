package dev.telephony.cli;

import dev.telephony.api.Address;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PortOrder;
import dev.telephony.api.PortRequest;
import dev.telephony.api.PortSubscriber;
import dev.telephony.api.PortabilityResult;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.NotFoundException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "port", mixinStandardHelpOptions = true,
        description = {"Porting numbers in from another carrier: check, submit, status, cancel."},
        subcommands = {PortCommand.Check.class, PortCommand.Submit.class, PortCommand.Status.class, PortCommand.Cancel.class})
final class PortCommand extends BaseCommand {
    /** The environment variable a port's PIN can come from, so it stays off the command line. */
    static final String PIN_ENVIRONMENT = "TELEPHONY_PORT_PIN";

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new ExitCodes.UsageException("name a port command: check, submit, status or cancel");
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = {"Whether a number can be ported in."})
    static final class Check extends WithProvider {
        @Parameters(paramLabel = "NUMBER", converter = Converters.Number.class, description = "The number to port in.")
        PhoneNumber number;

        @Override
        int run(TelephonyProvider provider, Output output) {
            PortabilityResult result = provider.porting().checkPortability(number);
            if (output.json()) {
                output.json(Json.portability(result));
                return ExitCodes.OK;
            }
            List<Map.Entry<String, String>> lines = Output.lines();
            lines.add(Output.entry("number", result.number().e164()));
            lines.add(Output.entry("portable", result.portable() ? "yes" : "no"));
            result.reason().ifPresent(r -> lines.add(Output.entry("reason", r)));
            result.currentCarrier().ifPresent(c -> lines.add(Output.entry("current carrier", c)));
            result.lineType().ifPresent(t -> lines.add(Output.entry("line type", t)));
            result.estimatedDays().ifPresent(d -> lines.add(Output.entry("estimated days", String.valueOf(d))));
            output.details(lines);
            if (result.portable()) {
                output.note("submit it with: telephony port submit " + number + " --first-name ... (see 'telephony port submit --help')");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Submits a port; it starts PENDING and takes days. Everything the losing carrier checks "
                    + "must match its records. The PIN comes from --pin, the environment variable " + PIN_ENVIRONMENT
                    + ", or a prompt (--pin with no value, on a terminal); it is never printed."})
    static final class Submit extends WithProvider {
        @Parameters(arity = "1..*", paramLabel = "NUMBER", converter = Converters.Number.class, description = "The numbers to port in.")
        List<PhoneNumber> numbers;

        @Option(names = "--first-name", required = true, paramLabel = "NAME", description = "Subscriber's first name.")
        String firstName;

        @Option(names = "--last-name", required = true, paramLabel = "NAME", description = "Subscriber's last name.")
        String lastName;

        @Option(names = "--company", paramLabel = "NAME", description = "The business, for business lines.")
        String company;

        @Option(names = "--authorized-name", paramLabel = "NAME", description = "Who authorizes the port (default: first and last name).")
        String authorizedName;

        @Option(names = "--street", required = true, paramLabel = "STREET", description = "Service address: street line.")
        String street;

        @Option(names = "--unit", paramLabel = "UNIT", description = "Service address: suite or floor.")
        String unit;

        @Option(names = "--city", required = true, paramLabel = "CITY", description = "Service address: city.")
        String city;

        @Option(names = "--state", required = true, paramLabel = "STATE", description = "Service address: state code.")
        String state;

        @Option(names = "--zip", required = true, paramLabel = "ZIP", description = "Service address: postal code.")
        String zip;

        @Option(names = "--address-country", paramLabel = "CC", defaultValue = "US", description = "Service address: country (default: ${DEFAULT-VALUE}).")
        String country;

        @Option(names = "--btn", paramLabel = "NUMBER", converter = Converters.Number.class,
                description = "Billing telephone number at the losing carrier (default: the first NUMBER).")
        PhoneNumber billingNumber;

        @Option(names = "--account-number", required = true, paramLabel = "ACCOUNT", description = "The account number at the losing carrier.")
        String accountNumber;

        @Option(names = "--pin", paramLabel = "PIN", arity = "0..1", fallbackValue = "",
                description = "The PIN at the losing carrier; with no value, asked for on the terminal.")
        String pin;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = Converters.Date.class,
                description = "When the numbers should move (default: 14 days from today).")
        LocalDate date;

        @Option(names = "--current-provider", paramLabel = "NAME", description = "The losing carrier's name.")
        String currentProvider;

        @Option(names = "--reference", paramLabel = "REF", description = "Your own reference for the port.")
        String reference;

        private PortRequest request;

        @Override
        void check() {
            PortSubscriber subscriber = new PortSubscriber(firstName, lastName, Optional.ofNullable(company),
                    authorizedName != null ? authorizedName : firstName + " " + lastName);
            Address address = new Address(street, Optional.ofNullable(unit), city, state, zip, country);
            PortRequest.Builder b = PortRequest.builder().numbers(numbers).subscriber(subscriber).serviceAddress(address)
                    .billingTelephoneNumber(billingNumber != null ? billingNumber : numbers.get(0))
                    .carrierAccountNumber(accountNumber)
                    .requestedDate(date != null ? date : LocalDate.now(context().clock()).plusDays(14));
            pin().ifPresent(b::pin);
            if (currentProvider != null) {
                b.currentProvider(currentProvider);
            }
            if (reference != null) {
                b.reference(reference);
            }
            request = b.build();
        }

        private Optional<String> pin() {
            if (pin == null) {
                return Optional.ofNullable(context().environment().get(PIN_ENVIRONMENT)).filter(p -> !p.isBlank());
            }
            if (!pin.isEmpty()) {
                return Optional.of(pin);
            }
            CliContext.Terminal terminal = context().terminal().orElseThrow(() -> new ExitCodes.UsageException(
                    "--pin has no value and there is no terminal to ask on; give it as --pin=PIN or in " + PIN_ENVIRONMENT));
            char[] typed = terminal.readPassword("PIN at the losing carrier: ");
            return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(new String(typed));
        }

        @Override
        int run(TelephonyProvider provider, Output output) {
            PortOrder port = provider.porting().submit(request);
            print(port, output);
            output.note("follow it with: telephony port status " + port.id());
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Where a port stands, by its id (or every port of the account, without one)."})
    static final class Status extends WithProvider {
        @Parameters(arity = "0..1", paramLabel = "PORT_ID", description = "The port id that 'telephony port submit' printed.")
        String id;

        @Option(names = "--wait", description = "Wait until the port is finished (completed, rejected or cancelled).")
        boolean await;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = Converters.Wait.class,
                description = "How long --wait waits in all (default: ${DEFAULT-VALUE}); the port goes on after it.")
        Duration timeout;

        @Override
        void check() {
            if (id == null && await) {
                throw new ExitCodes.UsageException("--wait needs a PORT_ID");
            }
        }

        @Override
        int run(TelephonyProvider provider, Output output) {
            if (id == null) {
                listAll(provider, output);
                return ExitCodes.OK;
            }
            PortOrder port = provider.porting().get(id)
                    .orElseThrow(() -> new NotFoundException("no port " + id, ErrorContext.of(provider.name())));
            if (await && !port.status().isTerminal()) {
                output.note("port " + id + " is " + port.status() + "; waiting up to " + Converters.format(timeout));
                port = provider.porting().await(id, timeout);
            }
            print(port, output);
            return ExitCodes.OK;
        }

        private static void listAll(TelephonyProvider provider, Output output) {
            long count = 0;
            if (output.json()) {
                try (Output.JsonArrayStream array = output.jsonArray()) {
                    for (PortOrder port : provider.porting().list()) {
                        array.add(Json.port(port));
                    }
                }
                return;
            }
            Output.StreamingTable table = output.streamingTable(List.of("PORT", "STATUS", "REQUESTED", "CONFIRMED", "NUMBERS"),
                    44, 11, 10, 10);
            for (PortOrder port : provider.porting().list()) {
                table.add(List.of(port.id(), port.status().name(), port.requestedDate().toString(),
                        port.confirmedDate().map(LocalDate::toString).orElse(""), numbers(port)));
                count++;
            }
            output.note(count == 0 ? "no ports" : Output.plural(count, "port", "ports"));
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = {"Cancels a port the losing carrier has not approved yet (exit 6 once it has)."})
    static final class Cancel extends WithProvider {
        @Parameters(paramLabel = "PORT_ID", description = "The port id.")
        String id;

        @Override
        int run(TelephonyProvider provider, Output output) {
            print(provider.porting().cancel(id), output);
            return ExitCodes.OK;
        }
    }

    /** Prints a port: JSON, or a label/value block. */
    static void print(PortOrder port, Output output) {
        if (output.json()) {
            output.json(Json.port(port));
            return;
        }
        List<Map.Entry<String, String>> lines = Output.lines();
        lines.add(Output.entry("port", port.id()));
        lines.add(Output.entry("status", port.status().name()));
        port.numbers().forEach(n -> lines.add(Output.entry("number", n.number() + " " + n.status()
                + n.rejectionReason().map(r -> " (" + r + ")").orElse(""))));
        port.rejectionReason().ifPresent(r -> lines.add(Output.entry("rejected because", r)));
        lines.add(Output.entry("requested date", port.requestedDate().toString()));
        lines.add(Output.entry("confirmed date", port.confirmedDate().map(LocalDate::toString).orElse("")));
        lines.add(Output.entry("submitted", port.submittedAt().map(Output::time).orElse("")));
        port.completedAt().ifPresent(t -> lines.add(Output.entry("completed", Output.time(t))));
        port.attributes().forEach((k, v) -> lines.add(Output.entry(k, v)));
        output.details(lines);
    }

    private static String numbers(PortOrder port) {
        return port.numbers().stream().map(n -> n.number().e164()).collect(Collectors.joining(" "));
    }
}
