package dev.telephony.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.junit.jupiter.api.Test;

/** A request made from the target read once is the request made from the whole URI, or is refused as that one is. */
class RequestTargetTest {
    private static final List<String> BASES = List.of("http://127.0.0.1:8080", "https://api.example.com",
            "https://Example.COM:443/2010-04-01", "http://localhost:9/api/base%20path", "https://[::1]:8443/v1",
            "https://user:pw@example.com/x", "https://example.com/x?y=1");

    @Test
    void documentedPathsAreMadeAsFromTheWholeUri() {
        for (String base : BASES) {
            for (String path : List.of("/", "/api/relay/rest/phone_numbers?filter_number=%2B12125550100&page_size=1000",
                    "/Accounts/AC1/IncomingPhoneNumbers.json?PhoneNumber=%2B1&PageSize=50&Page=2&PageToken=PA%3D%3D",
                    "//double", "/a:b@c/!$&'()*+,;=/~._-", "/q?x=1?y=2")) {
                assertThat(outcome(base, path, true)).as(base + path).isEqualTo(outcome(base, path, false));
            }
        }
    }

    @Test
    void randomPathsAreMadeOrRefusedAsFromTheWholeUri() {
        SplittableRandom random = new SplittableRandom(20261201);
        String alphabet = "aZ09-._~!$&'()*+,;=:@/?%#[] \"<>\\^`{|}\u00e9\u2028\t2fG";
        int plain = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder path = new StringBuilder("/");
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                path.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String spelled = path.toString();
            String base = BASES.get(random.nextInt(BASES.size()));
            assertThat(outcome(base, spelled, true)).as(base + spelled).isEqualTo(outcome(base, spelled, false));
            if (RequestTarget.isPlain(spelled)) {
                plain++;
            }
        }
        assertThat(plain).as("plain paths drawn").isGreaterThan(5_000);
    }

    /** What a request carries (method, scheme, authority, path, URI), or the refusal's kind and message. */
    private static Optional<String> outcome(String base, String pathAndQuery, boolean fromTarget) {
        try {
            ClassicHttpRequest request = fromTarget ? RequestTarget.of(base).request("GET", pathAndQuery)
                    : new BasicClassicHttpRequest("GET", URI.create(base + pathAndQuery));
            String uri;
            try {
                uri = request.getUri().toString();
            } catch (java.net.URISyntaxException e) {
                uri = "no URI: " + e.getMessage();
            }
            return Optional.of(request.getMethod() + " " + request.getScheme() + " " + request.getAuthority() + " "
                    + request.getPath() + " " + request.getRequestUri() + " " + uri);
        } catch (RuntimeException refused) {
            return Optional.of(refused.getClass().getName() + ": " + refused.getMessage());
        }
    }
}
