package dev.telephony.spring;

import dev.telephony.api.ListQuery;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.event.Failure;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The provider's health: up once it is configured (the bean exists only when its configuration was
 * valid), with its name and capabilities; with {@code telephony.health.read=true}, also the outcome of
 * reading the first page of owned numbers. Details name error types, statuses and request ids, never a
 * message, a number or a secret.
 */
public class TelephonyHealthIndicator implements HealthIndicator {
    private final TelephonyProvider provider;
    private final boolean read;

    /**
     * @param provider the provider to report on
     * @param read     whether each check reads from the carrier
     */
    public TelephonyHealthIndicator(TelephonyProvider provider, boolean read) {
        this.provider = provider;
        this.read = read;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("provider", provider.name())
                .withDetail("capabilities", provider.capabilities().size());
        if (!read) {
            return health.build();
        }
        try {
            provider.inventory().list(ListQuery.builder().pageSize(1).build()).firstPage();
            return health.withDetail("read", "ok").build();
        } catch (RuntimeException e) {
            Failure failure = Failure.of(e);
            health.down().withDetail("read", failure.type());
            failure.httpStatus().ifPresent(status -> health.withDetail("httpStatus", status));
            failure.requestId().ifPresent(id -> health.withDetail("requestId", id));
            return health.build();
        }
    }
}
