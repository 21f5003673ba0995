package dev.telephony.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.Sleeper;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.compat.LamlProvider;
import dev.telephony.signalwire.SignalWireProvider;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The server, the library's providers and the floor: hand-written Apache HttpClient 5 + Jackson code
 * that sends the same request and parses the same answer into the same facts, with nothing else.
 */
final class Fixture implements AutoCloseable {
    static final String TOKEN = "bench-token-0123456789";
    final CannedServer server;
    final TelephonyProvider signalWire;
    final TelephonyProvider compat;
    final CloseableHttpClient floor;
    final ObjectMapper json = new ObjectMapper();
    final String basic;

    Fixture(int serverThreads) throws IOException {
        server = new CannedServer(serverThreads)
                .on(Wire.SW_NUMBERS, Wire.signalWirePage(1, null))
                .on(Wire.SW_NUMBERS + "/search", Wire.signalWireSearch(100))
                .on(Wire.LAML_NUMBERS, Wire.lamlPage(1))
                .on(Wire.LAML_ROOT + "/Accounts/" + Wire.ACCOUNT + "/AvailablePhoneNumbers/US/Local.json", Wire.lamlSearch(100));
        signalWire = SignalWireProvider.builder().baseUrl(server.base()).projectId("bench-project").apiToken(TOKEN)
                .sleeper(Sleeper.SYSTEM).build();
        compat = LamlProvider.twilio().baseUrl(URI.create(server.base() + Wire.LAML_ROOT)).accountSid(Wire.ACCOUNT).authToken(TOKEN).build();
        floor = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(20).setMaxConnPerRoute(20).build()).disableAutomaticRetries().build();
        basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("bench-project:" + TOKEN).getBytes());
    }

    /** The floor of {@code get}: the same filtered list request, the exact match picked from the parsed answer. */
    String floorGet(String path, String listField, String numberField) throws IOException {
        HttpGet get = new HttpGet(server.base() + path);
        get.addHeader("Authorization", basic);
        get.addHeader("Accept", "application/json");
        return floor.execute(get, response -> {
            JsonNode body = json.readTree(EntityUtils.toByteArray(response.getEntity()));
            for (JsonNode item : body.path(listField)) {
                if (Wire.NUMBER.equals(item.path(numberField).asText())) {
                    return item.path(numberField).asText();
                }
            }
            return null;
        });
    }

    /** The floor of a search: the same request, every offered number read and checked as E.164. */
    List<String> floorSearch(String path, String listField, String numberField) throws IOException {
        HttpGet get = new HttpGet(server.base() + path);
        get.addHeader("Authorization", basic);
        get.addHeader("Accept", "application/json");
        return floor.execute(get, response -> {
            JsonNode body = json.readTree(EntityUtils.toByteArray(response.getEntity()));
            List<String> numbers = new ArrayList<>();
            for (JsonNode item : body.path(listField)) {
                numbers.add(PhoneNumber.of(item.path(numberField).asText()).e164());
            }
            return numbers;
        });
    }

    @Override
    public void close() throws IOException {
        signalWire.close();
        compat.close();
        floor.close();
        server.close();
    }
}
