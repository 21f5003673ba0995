package dev.telephony.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.telephony.api.NumberSearch;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * No configured secret appears in a log line, an exception message or a {@code toString()}. (Every
 * other contract test is checked the same way by {@link ContractExtension}.)
 */
public interface SecretsContract extends ProviderContract {

    @Test
    default void secretsNeverReachLogsErrorsOrToString(ProviderHarness h) {
        assertThat(h.secrets()).as("the harness names the secrets it configured").isNotEmpty();
        // log lines are searched where the backend allows capture (Logback); messages and toString() always
        java.util.Optional<LogCapture> capture = LogCapture.begin();
        List<String> texts = new ArrayList<>();
        try {
            Fixtures.seedStandardOffer(h.carrier());
            TelephonyProvider provider = h.provider();
            TelephonyProvider refused = h.connectWithInvalidCredentials();
            NumberSearch search = NumberSearch.builder().country("US").build();
            List<ThrowingCallable> calls = List.of(
                    () -> refused.inventory().search(search),
                    () -> refused.inventory().get(PhoneNumber.of("+12125550100")),
                    () -> {
                        h.faults().inject(RequestKind.READ, Fault.serverError(), 100);
                        provider.inventory().get(PhoneNumber.of("+12125550100"));
                    },
                    () -> {
                        h.faults().clear();
                        h.faults().injectOnce(RequestKind.READ, Fault.malformedBody());
                        provider.inventory().get(PhoneNumber.of("+12125550100"));
                    },
                    () -> PhoneNumber.of("not a number"));
            for (ThrowingCallable call : calls) {
                Throwable thrown = catchThrowable(call);
                for (Throwable t = thrown; t != null; t = t.getCause()) {
                    texts.add(t.getClass().getName() + ": " + t.getMessage());
                    texts.add(String.valueOf(t));
                }
            }
            texts.add(String.valueOf(provider));
            texts.add(String.valueOf(refused));
        } finally {
            capture.ifPresent(LogCapture::finish);
        }
        List<String> lines = capture.map(LogCapture::lines).orElse(List.of());
        if (capture.isPresent()) {
            assertThat(lines).as("the library logs its requests").isNotEmpty();
        }
        texts.addAll(lines);
        for (String text : texts) {
            for (String secret : ContractSupport.secretsOf(h)) {
                assertThat(text).as("a log line, message or toString").doesNotContain(secret);
            }
        }
    }
}
