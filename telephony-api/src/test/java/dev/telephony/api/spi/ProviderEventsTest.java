package dev.telephony.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.telephony.api.Capability;
import dev.telephony.api.NumberInventory;
import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.Telephony;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.error.UnsupportedCapabilityException;
import dev.telephony.api.event.OperationEvent;
import dev.telephony.api.event.ReconciliationEvent;
import dev.telephony.api.event.TelephonyListener;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The listener hook: what ProviderBase, Retrier and Reconciliation report, and that no listener can break a call. */
class ProviderEventsTest {
    private static final PhoneNumber NUMBER = PhoneNumber.of("+12125550100");

    private final TestClock clock = new TestClock();
    private final RecordingListener listener = new RecordingListener();
    private final ProviderEvents events = ProviderEvents.of("fake", listener, clock);

    /** A purchaser whose orders are pending until awaited; each call takes 3 s of the injected clock. */
    private final NumberPurchaser purchaser = new NumberPurchaser() {
        @Override
        public PurchaseOrder purchase(PurchaseRequest request) {
            pause(Duration.ofSeconds(3));
            return PurchaseOrder.builder("order-1", PurchaseStatus.PENDING).requested(request.numbers()).build();
        }

        @Override
        public Optional<PurchaseOrder> order(String orderId) {
            return Optional.of(PurchaseOrder.builder(orderId, PurchaseStatus.COMPLETED).requested(List.of(NUMBER))
                    .purchased(List.of(NUMBER)).build());
        }

        @Override
        public PurchaseOrder await(String orderId, Duration timeout) {
            return order(orderId).orElseThrow();
        }
    };

    private void pause(Duration duration) {
        try {
            clock.sleeper().sleep(duration);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static NumberInventory emptyInventory() {
        return (NumberInventory) Proxy.newProxyInstance(NumberInventory.class.getClassLoader(),
                new Class<?>[] {NumberInventory.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get")) {
                        return Optional.empty();
                    }
                    if (method.getName().equals("toString")) {
                        return "inventory";
                    }
                    return null;
                });
    }

    private static final class Fake extends ProviderBase {
        Fake(Set<Capability> capabilities, NumberPurchaser purchaser, ProviderEvents reporting) {
            super("fake", capabilities, emptyInventory(), purchaser, null, List.of(), reporting);
        }
    }

    @Test
    void eachServiceCallIsOneOperationTimedOnTheInjectedClockAndEachNewOrderStatusIsReported() {
        TelephonyProvider provider = new Fake(EnumSet.allOf(Capability.class), purchaser, events);
        PurchaseOrder order = provider.purchaser().purchase(PurchaseRequest.of(NUMBER));
        provider.purchaser().await(order.id(), Duration.ofMinutes(1));
        provider.purchaser().order(order.id());
        provider.inventory().get(NUMBER);
        provider.inventory().release(NUMBER);

        assertThat(listener.lines).containsExactly(
                "start purchase", "order - > PENDING", "end purchase 3000",
                "start await", "order PENDING > COMPLETED", "end await 0",
                "start order", "end order 0", // the same status again is no change
                "start get", "end get 0",
                "start release", "end release 0");
        OperationEvent first = (OperationEvent) listener.events.get(0);
        assertThat(first.provider()).isEqualTo("fake");
    }

    @Test
    void refusedArgumentsAndUndeclaredCapabilitiesAreFailedOperations() {
        TelephonyProvider provider = new Fake(Set.of(Capability.PURCHASE), purchaser, events);
        assertThatThrownBy(() -> provider.inventory().get(null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> provider.inventory().release(NUMBER)).isInstanceOf(UnsupportedCapabilityException.class);
        assertThatThrownBy(() -> provider.porting().get("port-1")).isInstanceOf(UnsupportedCapabilityException.class);

        assertThat(listener.lines).containsExactly(
                "start get", "failed get InvalidRequestException",
                "start release", "failed release UnsupportedCapabilityException",
                "start port-get", "failed port-get UnsupportedCapabilityException");
    }

    @Test
    void aListenerThatThrowsNeverBreaksACallAndIsLoggedOnce() {
        AtomicInteger heard = new AtomicInteger();
        TelephonyListener broken = new TelephonyListener() {
            @Override
            public void operationStart(OperationEvent operation) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void operationEnd(OperationEvent operation, Duration duration) {
                throw new IllegalStateException("listener bug");
            }
        };
        TelephonyListener counting = new TelephonyListener() {
            @Override
            public void operationEnd(OperationEvent operation, Duration duration) {
                heard.incrementAndGet();
            }
        };
        ListAppender<ILoggingEvent> logged = capture();
        try {
            TelephonyProvider provider = new Fake(EnumSet.allOf(Capability.class), purchaser,
                    ProviderEvents.of("fake", TelephonyListener.of(List.of(broken, counting)), clock));
            for (int i = 0; i < 3; i++) {
                assertThat(provider.inventory().get(NUMBER)).isEmpty();
            }
        } finally {
            release(logged);
        }
        assertThat(heard).as("the other listener is still told").hasValue(3);
        assertThat(logged.list).hasSize(1);
        assertThat(logged.list.get(0).getFormattedMessage()).contains("failed").contains("IllegalStateException");
    }

    @Test
    void retriesAreReportedWithTheirReasonAttemptAndDelay() {
        Retrier retrier = new Retrier(RetryPolicy.defaults(), clock.sleeper(), new SplittableRandom(3)).reportingTo(events);
        AtomicInteger tries = new AtomicInteger();
        String answer = retrier.call("GET /v2/partition/p-123/telephone-number/12125550100", () -> {
            if (tries.incrementAndGet() == 1) {
                throw new RateLimitedException("slow down", ErrorContext.of("fake"), Duration.ofSeconds(2));
            }
            return "ok";
        });
        assertThat(answer).isEqualTo("ok");
        assertThat(listener.lines).containsExactly(
                "retry GET /v2/partition/{id}/telephone-number/{id} #1 RateLimitedException 2000");
    }

    @Test
    void reconciliationsReportWhatTheAccountShowed() {
        Reconciliation reconciliation = new Reconciliation(ErrorContext.of("fake"),
                new Retrier(RetryPolicy.defaults(), clock.sleeper(), new SplittableRandom(7)).reportingTo(events));
        AtomicInteger sends = new AtomicInteger();
        PurchaseOrder bought = reconciliation.purchase(PurchaseRequest.of(NUMBER), new Reconciliation.Purchase() {
            @Override
            public PurchaseOrder send(PurchaseRequest request) {
                sends.incrementAndGet();
                throw new ProviderUnavailableException("no answer", ErrorContext.of("fake"), null);
            }

            @Override
            public Set<PhoneNumber> claimed(List<PhoneNumber> numbers) {
                return Set.of(NUMBER);
            }

            @Override
            public PurchaseOrder recovered(PurchaseRequest request, Set<PhoneNumber> claimed) {
                return PurchaseOrder.builder("order-2", PurchaseStatus.COMPLETED).requested(request.numbers())
                        .purchased(List.copyOf(claimed)).build();
            }
        });
        assertThat(bought.purchased()).containsExactly(NUMBER);
        reconciliation.release(NUMBER, Reconciliation.Release.of(() -> {
            throw new ProviderUnavailableException("no answer", ErrorContext.of("fake"), null);
        }, () -> false));
        assertThatThrownBy(() -> reconciliation.release(NUMBER, Reconciliation.Release.of(() -> {
            throw new ProviderUnavailableException("no answer", ErrorContext.of("fake"), null);
        }, () -> {
            throw new ProviderUnavailableException("account unreadable", ErrorContext.of("fake"), null);
        }))).isInstanceOf(dev.telephony.api.error.ReleaseOutcomeUnknownException.class);

        assertThat(listener.lines).containsExactly("reconciled PURCHASE BOUGHT", "reconciled RELEASE RELEASED",
                "reconciled RELEASE UNKNOWN");
        ReconciliationEvent first = (ReconciliationEvent) listener.events.get(0);
        assertThat(first.numbers()).isEqualTo(1);
        assertThat(first.cause().type()).isEqualTo("ProviderUnavailableException");
        assertThat(sends).hasValue(1);
    }

    @Test
    void aPurchaseProvenHarmlessIsReportedAsNotBoughtThenRetried() {
        Reconciliation reconciliation = new Reconciliation(ErrorContext.of("fake"),
                new Retrier(RetryPolicy.defaults(), clock.sleeper(), new SplittableRandom(7)).reportingTo(events));
        AtomicInteger sends = new AtomicInteger();
        reconciliation.purchase(PurchaseRequest.of(NUMBER), new Reconciliation.Purchase() {
            @Override
            public PurchaseOrder send(PurchaseRequest request) {
                if (sends.incrementAndGet() == 1) {
                    throw new ProviderUnavailableException("503", ErrorContext.of("fake"), null);
                }
                return PurchaseOrder.builder("order-3", PurchaseStatus.COMPLETED).requested(request.numbers())
                        .purchased(request.numbers()).build();
            }

            @Override
            public Set<PhoneNumber> claimed(List<PhoneNumber> numbers) {
                return Set.of();
            }

            @Override
            public PurchaseOrder recovered(PurchaseRequest request, Set<PhoneNumber> claimed) {
                throw new AssertionError("nothing was claimed");
            }
        });
        assertThat(listener.lines).hasSize(2);
        assertThat(listener.lines.get(0)).isEqualTo("reconciled PURCHASE NOT_BOUGHT");
        assertThat(listener.lines.get(1)).startsWith("retry purchase #1 ProviderUnavailableException ");
    }

    @Test
    void pathTemplatesKeepWordsAndVersionsAndHideIdsNumbersAndQueries() {
        assertThat(ProviderEvents.pathTemplate("/api/relay/rest/phone_numbers/3f2a9c1e-77aa-4b0e-9d61-0c2a7e4b1d33"))
                .isEqualTo("/api/relay/rest/phone_numbers/{id}");
        assertThat(ProviderEvents.pathTemplate("/api/laml/2010-04-01/Accounts/AC5f1c3c9e2f7a/IncomingPhoneNumbers/PN12ab.json?PhoneNumber=%2B12125550100"))
                .isEqualTo("/api/laml/2010-04-01/Accounts/{id}/IncomingPhoneNumbers/{id}.json");
        assertThat(ProviderEvents.pathTemplate("/phoneNumbers/%2B12125550100")).isEqualTo("/phoneNumbers/{id}");
        assertThat(ProviderEvents.pathTemplate("/availablePhoneNumbers/countries/US/:search"))
                .isEqualTo("/availablePhoneNumbers/countries/US/:search");
        assertThat(ProviderEvents.pathTemplate("/v2/partition/p-1/telephone-number/+12125550100"))
                .isEqualTo("/v2/partition/{id}/telephone-number/{id}");
        assertThat(ProviderEvents.pathTemplate("/")).isEqualTo("/");
    }

    @Test
    void aProviderCreatedThroughTelephonyReportsToTheBuildersListenersWithoutPassingThem() {
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public java.util.Enumeration<java.net.URL> getResources(String name) throws java.io.IOException {
                if (name.equals("META-INF/services/" + TelephonyProviderFactory.class.getName())) {
                    java.nio.file.Path file = java.nio.file.Files.createTempFile("factories", ".txt");
                    java.nio.file.Files.writeString(file, PlainFactory.class.getName());
                    file.toFile().deleteOnExit();
                    return java.util.Collections.enumeration(List.of(file.toUri().toURL()));
                }
                return super.getResources(name);
            }
        };
        try (TelephonyProvider provider = Telephony.builder().classLoader(loader).systemProperties(new Properties())
                .environment(Map.of()).provider("plain").clock(clock).listener(listener).connect()) {
            provider.inventory().get(NUMBER);
        }
        assertThat(listener.lines).containsExactly("start get", "end get 0");
        assertThat(ProviderEvents.bound()).as("bound only while the factory creates").isEmpty();
    }

    /** A factory whose provider passes no events to ProviderBase. */
    public static final class PlainFactory implements TelephonyProviderFactory {
        @Override
        public String name() {
            return "plain";
        }

        @Override
        public String description() {
            return "a provider that knows nothing of listeners";
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of();
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.PURCHASE);
        }

        @Override
        public TelephonyProvider create(ProviderConfig config) {
            return new ProviderBase("plain", capabilities(), emptyInventory(), (NumberPurchaser) Proxy.newProxyInstance(
                    NumberPurchaser.class.getClassLoader(), new Class<?>[] {NumberPurchaser.class}, (p, m, a) -> null),
                    null, List.of()) {
            };
        }
    }

    private static ListAppender<ILoggingEvent> capture() {
        Logger logger = (Logger) LoggerFactory.getLogger(TelephonyListener.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(TelephonyListener.class)).detachAppender(appender);
    }
}
