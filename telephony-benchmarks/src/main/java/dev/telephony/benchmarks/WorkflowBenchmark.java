package dev.telephony.benchmarks;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import dev.telephony.api.ListQuery;
import dev.telephony.api.Listing;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.Page;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.compat.LamlProvider;
import dev.telephony.http.HttpSettings;
import dev.telephony.signalwire.SignalWireProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 7. Workflows under latency: the server holds every answer {@value #LATENCY_MILLIS} ms, as a carrier
 * across a network would, so the time is set by how many round trips the library makes one after
 * another. A bulk purchase of {@value #NUMBERS} numbers, one request per number, has a lower bound of
 * ceil(100 / concurrency) round trips; a listing of {@value #LISTED} numbers in pages of
 * {@value #PAGE} is a chain of 10 round trips, each page needing the one before it.
 * {@link QuickProfile} sets each result against its bound.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class WorkflowBenchmark {
    static final long LATENCY_MILLIS = 50;
    static final int NUMBERS = 100;
    static final int LISTED = 10_000;
    static final int PAGE = 1000;
    /** What the caller spends on each page in the "working" listings: as long as a round trip. */
    static final long WORK_PER_PAGE_MILLIS = 50;

    CannedServer server;
    TelephonyProvider signalWire;
    TelephonyProvider signalWireOneAtATime;
    TelephonyProvider compat;
    TwilioRestClient twilio;
    List<PhoneNumber> numbers;

    @Setup(Level.Trial)
    public void start() throws IOException {
        server = new CannedServer(32, LATENCY_MILLIS)
                .respond(Wire.SW_NUMBERS, (method, uri, body) -> method.equals("POST")
                        ? Wire.signalWireNumber("0c1ff6ee-6c3f-4a8e-9b0f-" + digits(jsonNumber(body)), jsonNumber(body)).getBytes(StandardCharsets.UTF_8)
                        : Wire.generatedSignalWirePage(uri, LISTED))
                .respond(Wire.LAML_NUMBERS, (method, uri, body) -> {
                    String number = formNumber(body);
                    return Wire.lamlNumber("PN00000000000000000000" + digits(number), number).getBytes(StandardCharsets.UTF_8);
                });
        signalWire = SignalWireProvider.builder().baseUrl(server.base()).projectId("bench-project").apiToken(Fixture.TOKEN).build();
        signalWireOneAtATime = SignalWireProvider.builder().baseUrl(server.base()).projectId("bench-project").apiToken(Fixture.TOKEN)
                .httpSettings(HttpSettings.defaults().withBulkConcurrency(1)).build();
        compat = LamlProvider.twilio().baseUrl(URI.create(server.base() + Wire.LAML_ROOT)).accountSid(Wire.ACCOUNT)
                .authToken(Fixture.TOKEN).build();
        String base = server.base().toString();
        NetworkHttpClient local = new NetworkHttpClient() {
            @Override
            public Response makeRequest(Request request) {
                String url = request.constructURL().toString().replaceFirst("^https://api\\.twilio\\.com", base);
                Request copy = new Request(request.getMethod(), url);
                copy.setAuth(request.getUsername(), request.getPassword());
                for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
                    header.getValue().forEach(v -> copy.addHeaderParam(header.getKey(), v));
                }
                for (Map.Entry<String, List<String>> param : request.getPostParams().entrySet()) {
                    param.getValue().forEach(v -> copy.addPostParam(param.getKey(), v));
                }
                return super.makeRequest(copy);
            }
        };
        twilio = new TwilioRestClient.Builder(Wire.ACCOUNT, Fixture.TOKEN).httpClient(local).build();
        numbers = new ArrayList<>();
        for (int i = 0; i < NUMBERS; i++) {
            numbers.add(PhoneNumber.of(String.format("+1212555%04d", 1000 + i)));
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        signalWire.close();
        signalWireOneAtATime.close();
        compat.close();
        server.close();
    }

    @Benchmark
    public PurchaseOrder signalWireBulkPurchase100() {
        return bought(signalWire.purchaser().purchase(PurchaseRequest.ofNumbers(numbers)));
    }

    /** The same purchase with a concurrency of 1: what the library did before it bought in parallel. */
    @Benchmark
    public PurchaseOrder signalWireBulkPurchase100OneAtATime() {
        return bought(signalWireOneAtATime.purchaser().purchase(PurchaseRequest.ofNumbers(numbers)));
    }

    @Benchmark
    public PurchaseOrder compatBulkPurchase100() {
        return bought(compat.purchaser().purchase(PurchaseRequest.ofNumbers(numbers)));
    }

    /** A plain loop of twilio-java buying the same numbers one after another, as its users would write it. */
    @Benchmark
    public List<IncomingPhoneNumber> twilioSequentialPurchase100() {
        List<IncomingPhoneNumber> bought = new ArrayList<>();
        for (PhoneNumber number : numbers) {
            bought.add(IncomingPhoneNumber.creator(new com.twilio.type.PhoneNumber(number.e164())).create(twilio));
        }
        return bought;
    }

    @Benchmark
    public long signalWireList10000() {
        return counted(signalWire.inventory().list(ListQuery.builder().pageSize(PAGE).build()).stream().count());
    }

    /** The listing read by a caller that works on each page as long as a round trip takes: the next page is read meanwhile. */
    @Benchmark
    public long signalWireList10000WorkingOnEachPage() throws InterruptedException {
        long count = 0;
        for (Page<OwnedNumber> page : signalWire.inventory().list(ListQuery.builder().pageSize(PAGE).build()).pages()) {
            count += page.items().size();
            Thread.sleep(WORK_PER_PAGE_MILLIS);
        }
        return counted(count);
    }

    /** The same caller walking page by page with continuation tokens, which reads nothing ahead. */
    @Benchmark
    public long signalWireList10000WorkingOnEachPageByToken() throws InterruptedException {
        Listing<OwnedNumber> listing = signalWire.inventory().list(ListQuery.builder().pageSize(PAGE).build());
        Page<OwnedNumber> page = listing.firstPage();
        long count = 0;
        while (true) {
            count += page.items().size();
            Thread.sleep(WORK_PER_PAGE_MILLIS);
            Optional<String> next = page.nextToken();
            if (next.isEmpty()) {
                return counted(count);
            }
            page = listing.resumeFrom(next.get()).firstPage();
        }
    }

    private static PurchaseOrder bought(PurchaseOrder order) {
        if (order.purchased().size() != NUMBERS) {
            throw new IllegalStateException("bought " + order.purchased().size() + " of " + NUMBERS + ": " + order.failures());
        }
        return order;
    }

    private static long counted(long count) {
        if (count != LISTED) {
            throw new IllegalStateException("listed " + count + " of " + LISTED);
        }
        return count;
    }

    private static String jsonNumber(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf("\"number\":\"") + 10;
        return text.substring(at, text.indexOf('"', at));
    }

    private static String formNumber(byte[] body) {
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.startsWith("PhoneNumber=")) {
                return URLDecoder.decode(pair.substring("PhoneNumber=".length()), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("no PhoneNumber in the form");
    }

    private static String digits(String number) {
        String digits = number.substring(1);
        return "0".repeat(Math.max(0, 12 - digits.length())) + digits.substring(Math.max(0, digits.length() - 12));
    }
}
