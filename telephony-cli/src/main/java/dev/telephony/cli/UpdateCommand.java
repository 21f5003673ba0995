package dev.telephony.cli;

import dev.telephony.api.Address;
import dev.telephony.api.E911Address;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.Route;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.WebhookMethod;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Changes a number of the account: only what is given changes. A change the provider "
                + "cannot make fails (exit 7) before anything is sent."})
final class UpdateCommand extends BaseCommand.WithProvider {
    @Parameters(paramLabel = "NUMBER", converter = Converters.Number.class, description = "The number.")
    PhoneNumber number;

    @Option(names = "--name", paramLabel = "NAME", description = "Its friendly name.")
    String name;

    @Option(names = "--voice-url", paramLabel = "URL", description = "The webhook incoming calls go to.")
    String voiceUrl;

    @Option(names = "--voice-method", paramLabel = "METHOD", defaultValue = "POST",
            description = "How the voice webhook is called: GET or POST (default: ${DEFAULT-VALUE}).")
    WebhookMethod voiceMethod;

    @Option(names = "--voice-fallback-url", paramLabel = "URL", description = "Tried when the voice webhook fails.")
    String voiceFallbackUrl;

    @Option(names = "--sms-url", paramLabel = "URL", description = "The webhook incoming messages go to.")
    String smsUrl;

    @Option(names = "--sms-method", paramLabel = "METHOD", defaultValue = "POST",
            description = "How the messaging webhook is called: GET or POST (default: ${DEFAULT-VALUE}).")
    WebhookMethod smsMethod;

    @Option(names = "--sms-fallback-url", paramLabel = "URL", description = "Tried when the messaging webhook fails.")
    String smsFallbackUrl;

    @Option(names = "--caller-id-name", paramLabel = "CNAM", description = "Caller-ID name: up to 15 capitals, digits, spaces.")
    String callerIdName;

    @Option(names = "--features", paramLabel = "FEATURE", split = ",", converter = Converters.Feature.class,
            description = "The complete set of features it should have afterwards: voice, sms, mms, fax.")
    List<NumberFeature> features;

    @Option(names = "--e911-name", paramLabel = "NAME", description = "E911: the customer at the address.")
    String e911Name;

    @Option(names = "--e911-street", paramLabel = "STREET", description = "E911: street line.")
    String e911Street;

    @Option(names = "--e911-unit", paramLabel = "UNIT", description = "E911: suite or floor.")
    String e911Unit;

    @Option(names = "--e911-city", paramLabel = "CITY", description = "E911: city.")
    String e911City;

    @Option(names = "--e911-state", paramLabel = "STATE", description = "E911: state code.")
    String e911State;

    @Option(names = "--e911-zip", paramLabel = "ZIP", description = "E911: postal code.")
    String e911Zip;

    @Option(names = "--e911-country", paramLabel = "CC", defaultValue = "US", description = "E911: country (default: ${DEFAULT-VALUE}).")
    String e911Country;

    private NumberUpdate update;

    @Override
    void check() {
        if (given("--voice-method") && voiceUrl == null || given("--voice-fallback-url") && voiceUrl == null) {
            throw new ExitCodes.UsageException("--voice-method and --voice-fallback-url go with --voice-url");
        }
        if (given("--sms-method") && smsUrl == null || given("--sms-fallback-url") && smsUrl == null) {
            throw new ExitCodes.UsageException("--sms-method and --sms-fallback-url go with --sms-url");
        }
        NumberUpdate.Builder b = NumberUpdate.builder();
        boolean changes = false;
        if (name != null) {
            b.name(name);
            changes = true;
        }
        if (voiceUrl != null) {
            b.voiceRoute(route(voiceUrl, voiceMethod, voiceFallbackUrl));
            changes = true;
        }
        if (smsUrl != null) {
            b.messagingRoute(route(smsUrl, smsMethod, smsFallbackUrl));
            changes = true;
        }
        if (callerIdName != null) {
            b.callerIdName(callerIdName);
            changes = true;
        }
        if (features != null) {
            b.features(java.util.EnumSet.copyOf(features));
            changes = true;
        }
        boolean e911 = e911Name != null || e911Street != null || e911Unit != null || e911City != null
                || e911State != null || e911Zip != null;
        if (e911) {
            if (e911Name == null || e911Street == null || e911City == null || e911State == null || e911Zip == null) {
                throw new ExitCodes.UsageException("an E911 address needs --e911-name, --e911-street, --e911-city, "
                        + "--e911-state and --e911-zip");
            }
            b.e911Address(new E911Address(e911Name, new Address(e911Street, Optional.ofNullable(e911Unit), e911City,
                    e911State, e911Zip, e911Country)));
            changes = true;
        }
        if (!changes) {
            throw new ExitCodes.UsageException("say what to change (see 'telephony update --help')");
        }
        update = b.build();
    }

    private static Route route(String url, WebhookMethod method, String fallback) {
        Route route = Route.to(url, method);
        return fallback == null ? route : route.withFallback(fallback, method);
    }

    @Override
    int run(TelephonyProvider provider, Output output) {
        OwnedNumber updated = provider.inventory().update(number, update);
        output.note("updated " + updated.number());
        ShowCommand.print(updated, output);
        return ExitCodes.OK;
    }
}
