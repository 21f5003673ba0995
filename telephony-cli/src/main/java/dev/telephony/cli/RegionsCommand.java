package dev.telephony.cli;

import dev.telephony.api.Region;
import dev.telephony.api.TelephonyProvider;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "regions", mixinStandardHelpOptions = true,
        description = {"Where numbers can be searched: the countries, or the divisions, localities, rate centers "
                + "and area codes within COUNTRY. The IDs are what search's --region, --locality, --rate-center and "
                + "--area-code take."})
final class RegionsCommand extends BaseCommand.WithProvider {
    @Parameters(arity = "0..1", paramLabel = "COUNTRY", description = "An ISO country code, such as US.")
    String country;

    @Override
    int run(TelephonyProvider provider, Output output) {
        List<Region> regions = country == null ? provider.inventory().regions() : provider.inventory().regions(country);
        if (output.json()) {
            output.json(Json.array(regions, Json::region));
            return ExitCodes.OK;
        }
        output.table(List.of("ID", "NAME", "KIND", "COUNTRY", "PARENT", "NUMBER TYPES"), regions.stream()
                .map(r -> List.of(r.id(), r.name(), r.kind().name(), r.countryCode(), r.parentId().orElse(""),
                        r.numberTypes().stream().sorted().map(Enum::name).collect(Collectors.joining(","))))
                .toList());
        output.note(Output.plural(regions.size(), "region", "regions"));
        return ExitCodes.OK;
    }
}
