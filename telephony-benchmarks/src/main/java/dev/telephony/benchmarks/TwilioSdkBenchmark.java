package dev.telephony.benchmarks;

import com.twilio.base.Page;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import dev.telephony.api.ListQuery;
import dev.telephony.api.OwnedNumber;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** 5. The LaML provider against twilio-java fetching and listing IncomingPhoneNumbers from the same server. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TwilioSdkBenchmark {
    Fixture fixture;
    TwilioRestClient twilio;

    @Setup(Level.Trial)
    public void start() throws IOException {
        fixture = new Fixture(4);
        String sid = "PN00000000000000000000000000000000";
        fixture.server.on(Wire.LAML_ROOT + "/Accounts/" + Wire.ACCOUNT + "/IncomingPhoneNumbers/" + sid + ".json", Wire.lamlNumber(sid, Wire.NUMBER));
        String base = fixture.server.base().toString();
        // twilio-java always addresses api.twilio.com: its HTTP client is pointed at the local server instead
        NetworkHttpClient local = new NetworkHttpClient() {
            @Override
            public Response makeRequest(Request request) {
                String url = request.constructURL().toString().replaceFirst("^https://api\\.twilio\\.com", base);
                Request copy = new Request(request.getMethod(), url);
                copy.setAuth(request.getUsername(), request.getPassword());
                for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
                    header.getValue().forEach(v -> copy.addHeaderParam(header.getKey(), v));
                }
                return super.makeRequest(copy);
            }
        };
        twilio = new TwilioRestClient.Builder(Wire.ACCOUNT, Fixture.TOKEN).httpClient(local).build();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        fixture.close();
    }

    @Benchmark
    public OwnedNumber libraryFetch() {
        return fixture.compat.inventory().get(CallCostBenchmark.NUMBER).orElseThrow();
    }

    @Benchmark
    public IncomingPhoneNumber twilioFetch() {
        return IncomingPhoneNumber.fetcher("PN00000000000000000000000000000000").fetch(twilio);
    }

    @Benchmark
    public List<OwnedNumber> libraryListPage() {
        return fixture.compat.inventory().list(ListQuery.builder().pageSize(50).build()).firstPage().items();
    }

    @Benchmark
    public List<IncomingPhoneNumber> twilioListPage() {
        Page<IncomingPhoneNumber> page = IncomingPhoneNumber.reader().pageSize(50).firstPage(twilio);
        return page.getRecords();
    }
}
