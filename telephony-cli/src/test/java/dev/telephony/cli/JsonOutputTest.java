package dev.telephony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telephony.cli.CliRunner.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --json}: what scripts parse, with every field present. */
class JsonOutputTest {
    @TempDir
    Path home;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(home);
    }

    @Test
    void searchResultsCarryEveryFilterField() {
        Result result = cli.run("search", "--json", "--region", "CA", "--locality", "San Francisco",
                "--rate-center", "SNFC CNTRL", "--ends-with", "05", "--feature", "voice");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode offers = result.json();
        assertThat(offers).hasSize(1);
        JsonNode offer = offers.get(0);
        assertThat(offer.path("number").asText()).isEqualTo("+14155550105");
        assertThat(offer.path("type").asText()).isEqualTo("LOCAL");
        assertThat(offer.path("features")).extracting(JsonNode::asText).containsExactly("VOICE");
        assertThat(offer.path("country").asText()).isEqualTo("US");
        assertThat(offer.path("region").asText()).isEqualTo("CA");
        assertThat(offer.path("locality").asText()).isEqualTo("San Francisco");
        assertThat(offer.path("rateCenter").asText()).isEqualTo("SNFC CNTRL");
        assertThat(offer.has("holdExpiresAt")).isTrue();
        assertThat(offer.path("holdExpiresAt").isNull()).isTrue();

        JsonNode tollFree = cli.run("search", "--json", "--type", "toll-free", "--starts-with", "888", "--limit", "2").json();
        assertThat(tollFree).extracting(n -> n.path("number").asText()).containsExactly("+18885550100", "+18885550101");
        assertThat(tollFree.get(0).path("region").isNull()).isTrue();

        JsonNode exchange = cli.run("search", "--json", "--area-code", "646", "--exchange", "555", "--contains", "5501",
                "--feature", "sms,mms", "--limit", "100").json();
        assertThat(exchange).hasSize(20);
        assertThat(cli.run("search", "--json", "--feature", "fax").json()).isEmpty();
    }

    @Test
    void buyShowAndListAnswerWithTheSameNumberObject() {
        Result buy = cli.run("buy", "--from-search", "--area-code", "206", "--count", "2", "--name", "Ops", "--wait",
                "--reference", "ticket-42", "--json");
        assertThat(buy.exitCode()).as(buy.toString()).isZero();
        JsonNode order = buy.json();
        assertThat(order.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(order.path("reference").asText()).isEqualTo("ticket-42");
        assertThat(order.path("purchased")).extracting(JsonNode::asText).containsExactly("+12065550100", "+12065550101");
        assertThat(order.path("failures")).isEmpty();

        JsonNode shown = cli.run("show", "+12065550101", "--json").json();
        assertThat(shown.path("name").asText()).isEqualTo("Ops");
        assertThat(shown.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(shown.path("features")).extracting(JsonNode::asText).containsExactly("VOICE", "SMS");
        assertThat(shown.path("voiceRoute").isNull()).isTrue();
        assertThat(shown.path("createdAt").asText()).startsWith("2026-01-05T09:00:0");
        assertThat(shown.path("attributes").path("region").asText()).isEqualTo("WA");

        JsonNode updated = cli.run("update", "+12065550101", "--json", "--voice-url", "https://example.com/v",
                "--voice-method", "get", "--voice-fallback-url", "https://example.com/fallback",
                "--e911-name", "ACME", "--e911-street", "1 Main St", "--e911-unit", "Floor 2", "--e911-city", "Seattle",
                "--e911-state", "WA", "--e911-zip", "98101").json();
        assertThat(updated.path("voiceRoute").path("url").asText()).isEqualTo("https://example.com/v");
        assertThat(updated.path("voiceRoute").path("method").asText()).isEqualTo("GET");
        assertThat(updated.path("voiceRoute").path("fallbackUrl").asText()).isEqualTo("https://example.com/fallback");
        assertThat(updated.path("e911Address").path("address").path("unit").asText()).isEqualTo("Floor 2");

        JsonNode listed = cli.run("list", "--json").json();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(1)).isEqualTo(updated);
        assertThat(cli.run("list", "--json", "--number-contains", "0100").json()).hasSize(1);
        assertThat(cli.run("list", "--json", "--name-contains", "nobody").json()).isEmpty();

        JsonNode released = cli.run("release", "--yes", "--json", "+12065550100", "+12065550101").json();
        assertThat(released.path("released")).extracting(JsonNode::asText).containsExactly("+12065550100", "+12065550101");
        assertThat(released.path("kept")).isEmpty();
    }

    @Test
    void providersSayWhatEachNeedsAndWhetherItIsGivenButNeverTheValue() {
        cli.env("TELEPHONY_SIGNALWIRE_API_TOKEN", "PT-SECRET-0123456789");
        Result result = cli.run("providers", "--json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.all()).doesNotContain("PT-SECRET-0123456789");
        JsonNode providers = result.json();
        List<String> names = new ArrayList<>();
        providers.forEach(p -> names.add(p.path("name").asText()));
        assertThat(names).startsWith("sandbox").contains("in-memory", "signalwire", "signalwire-compat", "twilio", "azure");
        JsonNode sandbox = providers.get(0);
        assertThat(sandbox.path("default").asBoolean()).isTrue();
        assertThat(sandbox.path("chosen").asBoolean()).isTrue();
        assertThat(sandbox.path("capabilities")).extracting(JsonNode::asText).contains("PORTING", "SEARCH_BY_RATE_CENTER");
        JsonNode signalwire = providers.findParents("name").stream().filter(p -> p.path("name").asText().equals("signalwire"))
                .findFirst().orElseThrow();
        assertThat(signalwire.path("chosen").asBoolean()).isFalse();
        JsonNode token = signalwire.path("config").findParents("key").stream()
                .filter(k -> k.path("key").asText().equals("api-token")).findFirst().orElseThrow();
        assertThat(token.path("secret").asBoolean()).isTrue();
        assertThat(token.path("required").asBoolean()).isTrue();
        assertThat(token.path("given").asBoolean()).isTrue();
        assertThat(token.path("environment").asText()).isEqualTo("TELEPHONY_SIGNALWIRE_API_TOKEN");
        assertThat(signalwire.path("capabilities")).extracting(JsonNode::asText).doesNotContain("PORTING");

        Result human = cli.run("providers", "signalwire");
        assertThat(human.out()).startsWith("signalwire\n").contains("api-token", "secret", "given", "TELEPHONY_SIGNALWIRE_PROJECT_ID")
                .doesNotContain("PT-SECRET-0123456789");
    }

    @Test
    void regionsAndPortingAnswerInJson() {
        JsonNode countries = cli.run("regions", "--json").json();
        assertThat(countries).hasSize(1);
        assertThat(countries.get(0).path("id").asText()).isEqualTo("US");
        assertThat(countries.get(0).path("kind").asText()).isEqualTo("COUNTRY");
        assertThat(countries.get(0).path("numberTypes")).extracting(JsonNode::asText).containsExactly("LOCAL", "TOLL_FREE");
        JsonNode us = cli.run("regions", "US", "--json").json();
        assertThat(us.findValuesAsText("id")).contains("NY", "New York", "NWYRCYZN01", "212", "833");

        JsonNode check = cli.run("port", "check", "--json", "+16075550199").json();
        assertThat(check.path("portable").asBoolean()).isTrue();
        assertThat(check.path("estimatedDays").asInt()).isEqualTo(7);
        assertThat(check.path("lineType").asText()).isEqualTo("BUSINESS");
        JsonNode no = cli.run("port", "check", "--json", "+13125550199").json();
        assertThat(no.path("portable").asBoolean()).isFalse();
        assertThat(no.path("estimatedDays").isNull()).isTrue();
        assertThat(cli.run("port", "status", "--json").json()).isEmpty();
    }
}
