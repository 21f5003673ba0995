package dev.telephony.alianza;

import dev.telephony.api.TelephonyProvider;
import dev.telephony.http.HttpSettings;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.contract.AbstractHarness;
import dev.telephony.testkit.time.ManualClock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An Alianza provider against its simulator on loopback. The contract's provider holds a configured
 * token (so that no log-in request disturbs the contract's request counts) and the credentials to
 * log in again once it expires; the refused one holds a wrong token and a wrong password.
 */
final class AlianzaHarness extends AbstractHarness {
    static final String PARTITION = "prt-41c9a7";
    static final String ACCOUNT = "acc_7d2e91";
    static final String TOKEN = "alz-preset-5b7e0c9d1a2f4e6b";
    static final String WRONG_TOKEN = "alz-preset-0000000000000000";
    static final String USERNAME = "api.robot@example.com";
    static final String PASSWORD = "pw-Alz-8c41f2e9";
    static final String WRONG_PASSWORD = "pw-Alz-00000000";
    static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(1200);

    private final AlianzaSimulator simulator;

    AlianzaHarness() {
        this(ManualClock.standard());
    }

    private AlianzaHarness(ManualClock clock) {
        super(new CarrierState(clock), clock);
        this.simulator = new AlianzaSimulator(carrier(), PARTITION, ACCOUNT, USERNAME, PASSWORD, TOKEN);
        simulator.lostAnswerDelay(RESPONSE_TIMEOUT.multipliedBy(3));
    }

    AlianzaSimulator simulator() {
        return simulator;
    }

    /** A builder aimed at the simulator, on the harness's clock, without credentials: tests add their own. */
    AlianzaProvider.Builder builder() {
        return AlianzaProvider.builder()
                .baseUrl(simulator.baseUri())
                .partitionId(PARTITION)
                .accountId(ACCOUNT)
                .clock(clock())
                .sleeper(clock().sleeper())
                .random(new SplittableRandom(13))
                .httpSettings(HttpSettings.defaults().withResponseTimeout(RESPONSE_TIMEOUT));
    }

    @Override
    protected TelephonyProvider connect(boolean validCredentials) {
        return builder()
                .authToken(validCredentials ? TOKEN : WRONG_TOKEN)
                .credentials(USERNAME, validCredentials ? PASSWORD : WRONG_PASSWORD)
                .build();
    }

    @Override
    public java.util.Map<String, String> factoryConfiguration() {
        return java.util.Map.of(AlianzaProviderFactory.BASE_URL, simulator.baseUri().toString(),
                AlianzaProviderFactory.PARTITION_ID, PARTITION, AlianzaProviderFactory.ACCOUNT_ID, ACCOUNT,
                AlianzaProviderFactory.AUTH_TOKEN, TOKEN, AlianzaProviderFactory.USERNAME, USERNAME,
                AlianzaProviderFactory.PASSWORD, PASSWORD,
                dev.telephony.http.HttpConfig.RESPONSE_TIMEOUT_MILLIS, String.valueOf(RESPONSE_TIMEOUT.toMillis()));
    }

    @Override
    protected void stop() {
        simulator.close();
    }

    @Override
    public Set<String> secrets() {
        Set<String> secrets = new HashSet<>(Set.of(TOKEN, WRONG_TOKEN, PASSWORD, WRONG_PASSWORD));
        secrets.addAll(simulator.issuedTokens());
        return secrets;
    }
}
