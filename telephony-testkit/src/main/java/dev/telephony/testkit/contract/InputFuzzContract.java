package dev.telephony.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telephony.api.Capability;
import dev.telephony.api.ListQuery;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.UnsupportedCapabilityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Refused input never reaches the carrier: null arguments to every service method, continuation tokens
 * and ids the provider could not have issued (blank, huge, control and invisible characters, foreign
 * links), country codes that are not two ASCII letters and negative timeouts each end in
 * {@link InvalidRequestException} (or {@link UnsupportedCapabilityException} for what the provider does
 * not do), with zero requests sent. Values themselves are fuzzed in telephony-api's own tests.
 *
 * <p>Sized by {@value #CALLS_PROPERTY} (default {@link #inputFuzzCalls()}), seeded by {@value #SEED_PROPERTY}.
 */
public interface InputFuzzContract extends ProviderContract {
    /** How many calls the fuzz makes. */
    String CALLS_PROPERTY = "telephony.fuzz.calls";
    /** The fuzz's seed. */
    String SEED_PROPERTY = "telephony.fuzz.seed";

    /** How many calls when {@value #CALLS_PROPERTY} is not set. */
    default int inputFuzzCalls() {
        return 300;
    }

    @Test
    default void refusedInputNeverReachesTheCarrier(ProviderHarness h) {
        int calls = Integer.getInteger(CALLS_PROPERTY, inputFuzzCalls());
        Long fixed = Long.getLong(SEED_PROPERTY);
        long seed = fixed != null ? fixed : new SplittableRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        TelephonyProvider provider = h.provider();
        List<String> broken = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < calls; i++) {
            String token = badToken(random);
            String id = badId(random);
            List<Supplier<Object>> choices = List.of(
                    () -> provider.inventory().list(ListQuery.all()).resumeFrom(token).iterator().hasNext(),
                    () -> provider.inventory().list(ListQuery.all()).resumeFrom(token).firstPage(),
                    () -> provider.purchaser().order(id),
                    () -> provider.purchaser().await(id, Duration.ofMinutes(1)),
                    () -> provider.purchaser().await("order-1", Duration.ofSeconds(-1 - random.nextInt(1000))),
                    () -> provider.porting().get(id),
                    () -> provider.porting().cancel(id),
                    () -> provider.inventory().regions(badCountry(random)),
                    () -> provider.inventory().search(null),
                    () -> provider.inventory().list(null),
                    () -> provider.inventory().get(null),
                    () -> provider.inventory().update(null, NumberUpdate.builder().name("x").build()),
                    () -> provider.inventory().update(PhoneNumber.of("+12125550100"), null),
                    () -> {
                        provider.inventory().release(null);
                        return null;
                    },
                    () -> provider.purchaser().purchase(null),
                    () -> provider.purchaser().order(null),
                    () -> provider.purchaser().await("order-1", null),
                    () -> provider.porting().submit(null),
                    () -> provider.porting().checkPortability(null),
                    () -> provider.unwrap(null));
            int pick = random.nextInt(choices.size());
            int before = h.carrier().requestCount();
            try {
                choices.get(pick).get();
                broken.add("call #" + i + " (choice " + pick + ", token '" + shown(token) + "', id '" + shown(id) + "') was accepted");
            } catch (InvalidRequestException | UnsupportedCapabilityException expected) {
                refused++;
            } catch (RuntimeException other) {
                broken.add("call #" + i + " (choice " + pick + ", token '" + shown(token) + "', id '" + shown(id) + "') failed with "
                        + other.getClass().getName() + ": " + other.getMessage());
            }
            int sent = h.carrier().requestCount() - before;
            if (sent != 0) {
                broken.add("call #" + i + " (choice " + pick + ", token '" + shown(token) + "', id '" + shown(id) + "') sent " + sent
                        + " request(s) before refusing");
            }
        }
        System.out.printf("input-fuzz contract: provider %s, seed %d, %d calls, %d refused before any request, %d broken%n",
                provider.name(), seed, calls, refused, broken.size());
        assertThat(broken).as("input fuzz of " + provider.name() + " (reproduce with -D" + SEED_PROPERTY + "=" + seed + " -D"
                + CALLS_PROPERTY + "=" + calls + ")").isEmpty();
    }

    /** Tokens no provider issues: blank, huge, control and invisible characters, links to foreign hosts, junk. */
    private static String badToken(SplittableRandom random) {
        return switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> " \t ";
            case 2 -> "x".repeat(70_000 + random.nextInt(100));
            case 3 -> "page\u0000" + random.nextInt(100);
            case 4 -> "\u202Epage" + random.nextInt(100);
            case 5 -> "http://evil.example/steal?page=" + random.nextInt(100);
            case 6 -> "%%%" + random.nextInt(100) + "\n";
            case 7 -> "junk-" + Long.toHexString(random.nextLong());
            default -> "https://attacker.invalid/" + random.nextInt(1000) + "/numbers?page=2";
        };
    }

    /** Ids no provider issues: blank, huge, control and invisible characters. */
    private static String badId(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> "   ";
            case 2 -> "o".repeat(70_000);
            case 3 -> "order\u0007" + random.nextInt(100);
            default -> "\u200Border-" + random.nextInt(100);
        };
    }

    private static String badCountry(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> "ß";
            case 1 -> "USA";
            case 2 -> "";
            case 3 -> "U1";
            default -> "\u0130S";
        };
    }

    private static String shown(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
        StringBuilder out = new StringBuilder();
        cut.codePoints().forEach(c -> out.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                ? String.format("\\u%04X", c) : new String(Character.toChars(c))));
        return out.toString();
    }
}
