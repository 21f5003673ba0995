package dev.telephony.benchmarks;

import com.azure.communication.phonenumbers.PhoneNumbersClient;
import com.azure.communication.phonenumbers.PhoneNumbersClientBuilder;
import com.azure.communication.phonenumbers.models.PurchasedPhoneNumber;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.util.Context;
import dev.telephony.api.ListQuery;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.azure.AzureProvider;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.List;
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
import reactor.core.publisher.Mono;

/** 6. The Azure provider against the Azure SDK called directly, for {@code get} and a page of the list. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AzureSdkBenchmark {
    static final String CONNECTION = "endpoint=https://bench.communication.azure.com/;accesskey=YmVuY2gta2V5LTAxMjM0NTY3ODk=";
    CannedServer server;
    TelephonyProvider provider;
    PhoneNumbersClient sdk;

    /** Keeps the https endpoint the SDK signs, and delivers to the local server. */
    static HttpClient toLocal(URI target) {
        HttpClient netty = new NettyAsyncHttpClientBuilder().build();
        return new HttpClient() {
            @Override
            public Mono<HttpResponse> send(HttpRequest request) {
                try {
                    URL url = request.getUrl();
                    HttpRequest copy = request.copy();
                    copy.setUrl(new URL("http", target.getHost(), target.getPort(), url.getFile()));
                    copy.setHeader(HttpHeaderName.HOST, url.getHost());
                    return netty.send(copy);
                } catch (MalformedURLException e) {
                    return Mono.error(e);
                }
            }
        };
    }

    @Setup(Level.Trial)
    public void start() throws IOException {
        server = new CannedServer(4)
                .on("/phoneNumbers/" + Wire.NUMBER, Wire.azureNumber(Wire.NUMBER))
                .on("/phoneNumbers/%2B" + Wire.NUMBER.substring(1), Wire.azureNumber(Wire.NUMBER))
                .on("/phoneNumbers", Wire.azurePage(100));
        HttpClient local = toLocal(server.base());
        provider = AzureProvider.builder().connectionString(CONNECTION).httpClient(local).build();
        sdk = new PhoneNumbersClientBuilder().connectionString(CONNECTION).httpClient(local).buildClient();
    }

    @TearDown(Level.Trial)
    public void stop() {
        provider.close();
        server.close();
    }

    @Benchmark
    public OwnedNumber libraryGet() {
        return provider.inventory().get(CallCostBenchmark.NUMBER).orElseThrow();
    }

    @Benchmark
    public PurchasedPhoneNumber sdkGet() {
        return sdk.getPurchasedPhoneNumberWithResponse(Wire.NUMBER, Context.NONE).getValue();
    }

    @Benchmark
    public List<OwnedNumber> libraryListPage() {
        return provider.inventory().list(ListQuery.builder().pageSize(100).build()).firstPage().items();
    }

    @Benchmark
    public List<PurchasedPhoneNumber> sdkListPage() {
        return sdk.listPurchasedPhoneNumbers(Context.NONE).iterableByPage().iterator().next().getValue();
    }
}
