package dev.telephony.testkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telephony.api.Telephony;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's demo keeps working: every step of the lifecycle, on a controlled clock. */
class LifecycleDemoTest {
    @Test
    void printsEveryStepOfTheLifecycle() {
        ManualClock clock = ManualClock.standard();
        CarrierState.register("demo-test", CarrierState.demo(clock));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LifecycleDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Telephony.builder().config("carrier", "demo-test").clock(clock).sleeper(clock.sleeper()));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("1. connected to provider 'in-memory'")
                .contains("2. searched area code 212: 3 offers")
                .contains("is PENDING")
                .contains("COMPLETED, bought [+12125550100]")
                .contains("name=Support line, voice=https://example.com/voice, callerId=ACME SUPPORT")
                .contains("6. listed the account: 1 number(s)")
                .contains("7. released +12125550100; still owned: false");
        assertThat(clock.slept()).as("await waited on the controlled clock").isPositive();
    }
}
