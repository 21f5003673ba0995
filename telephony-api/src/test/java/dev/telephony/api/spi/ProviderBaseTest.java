package dev.telephony.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.Address;
import dev.telephony.api.Capability;
import dev.telephony.api.ListQuery;
import dev.telephony.api.NumberInventory;
import dev.telephony.api.NumberPurchaser;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PortRequest;
import dev.telephony.api.PortSubscriber;
import dev.telephony.api.PortingService;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.UnsupportedCapabilityException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ProviderBase checks every argument of every service method before the provider's service sees it. */
class ProviderBaseTest {
    private static final PhoneNumber NUMBER = PhoneNumber.of("+12125550100");
    private static final Map<Class<?>, Object> SAMPLES = Map.of(
            PhoneNumber.class, NUMBER,
            NumberSearch.class, NumberSearch.builder().country("US").build(),
            NumberUpdate.class, NumberUpdate.builder().name("Sales").build(),
            ListQuery.class, ListQuery.all(),
            PurchaseRequest.class, PurchaseRequest.of(NUMBER),
            PortRequest.class, PortRequest.builder().number(NUMBER).subscriber(PortSubscriber.person("John", "Doe"))
                    .serviceAddress(Address.us("135 Front St", "Binghamton", "NY", "13905")).billingTelephoneNumber(NUMBER)
                    .carrierAccountNumber("123").requestedDate(LocalDate.of(2026, 2, 1)).build(),
            Duration.class, Duration.ofSeconds(30));

    /** What each parameter is called in the services, by its type; a String is named by its service. */
    private static final Map<Class<?>, String> NAMES = Map.of(PhoneNumber.class, "number", NumberSearch.class, "search",
            NumberUpdate.class, "update", ListQuery.class, "query", PurchaseRequest.class, "request", PortRequest.class, "request",
            Duration.class, "timeout");

    /** A service that records what reaches it and answers null. */
    private static final class Recording<T> {
        final List<String> calls = new ArrayList<>();
        final List<Object[]> arguments = new ArrayList<>();
        final T service;

        Recording(Class<T> type) {
            service = type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return method.getName().equals("toString") ? "recording " + type.getSimpleName() : method.invoke(this, args);
                }
                calls.add(method.getName());
                arguments.add(args == null ? new Object[0] : args);
                return null;
            }));
        }
    }

    private static final class Fake extends ProviderBase {
        Fake(NumberInventory inventory, NumberPurchaser purchaser, PortingService porting, List<Object> extensions) {
            super("fake", EnumSet.allOf(Capability.class), inventory, purchaser, porting, extensions);
        }
    }

    private final Recording<NumberInventory> inventory = new Recording<>(NumberInventory.class);
    private final Recording<NumberPurchaser> purchaser = new Recording<>(NumberPurchaser.class);
    private final Recording<PortingService> porting = new Recording<>(PortingService.class);
    private final Fake provider = new Fake(inventory.service, purchaser.service, porting.service, List.of(new StringBuilder("ext")));

    @Test
    void aNullForAnyParameterOfAnyServiceMethodIsRefusedNamingItAndNothingIsCalled() throws Exception {
        int checked = 0;
        for (Served<?> served : served()) {
            for (Method method : served.type().getMethods()) {
                for (int position = 0; position < method.getParameterCount(); position++) {
                    Object[] args = samples(method, served.stringParameter());
                    args[position] = null;
                    String expected = parameterName(method.getParameterTypes()[position], served.stringParameter());
                    assertThatThrownBy(() -> invoke(method, served.handedOut(), args))
                            .as(served.type().getSimpleName() + "." + method.getName() + " given null for " + expected)
                            .isInstanceOfSatisfying(InvalidRequestException.class,
                                    e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly(expected));
                    checked++;
                }
            }
        }
        assertThat(inventory.calls).isEmpty();
        assertThat(purchaser.calls).isEmpty();
        assertThat(porting.calls).isEmpty();
        assertThat(checked).as("parameters checked").isEqualTo(17);
    }

    @Test
    void validArgumentsReachTheServiceOnceAndUnchanged() throws Exception {
        for (Served<?> served : served()) {
            for (Method method : served.type().getMethods()) {
                Object[] args = samples(method, served.stringParameter());
                served.calls().clear();
                served.arguments().clear();
                invoke(method, served.handedOut(), args);
                assertThat(served.calls()).as(method.toString()).containsExactly(method.getName());
                assertThat(served.arguments().get(0)).as(method.toString()).containsExactly(args);
            }
        }
    }

    @Test
    void aNegativeTimeoutIsRefusedAndAHugeOneArrivesClamped() {
        assertThatThrownBy(() -> provider.purchaser().await("order-1", Duration.ofNanos(-1)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("timeout").hasMessageContaining("zero or positive");
        assertThatThrownBy(() -> provider.porting().await("port-1", Duration.ofSeconds(Long.MIN_VALUE)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("timeout");
        assertThat(purchaser.calls).isEmpty();
        assertThat(porting.calls).isEmpty();

        provider.purchaser().await("order-1", Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
        provider.porting().await("port-1", Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(purchaser.arguments.get(0)).containsExactly("order-1", Arguments.MAX_TIMEOUT);
        assertThat(porting.arguments.get(0)).containsExactly("port-1", Arguments.MAX_TIMEOUT);
    }

    @Test
    void aCountryCodeMustBeTwoAsciiLettersAndArrivesInCapitals() {
        for (String bad : List.of("ß", "ıt", "USA", "U", "ＵＳ", "", " ")) {
            assertThatThrownBy(() -> provider.inventory().regions(bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("countryCode"));
        }
        assertThat(inventory.calls).isEmpty();
        provider.inventory().regions(" us ");
        assertThat(inventory.arguments.get(0)).containsExactly("US");
    }

    @Test
    void unwrapRefusesNullNamingTheExtension() {
        assertThatThrownBy(() -> provider.unwrap(null)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("extension"));
        assertThat(provider.unwrap(CharSequence.class)).hasToString("ext");
        assertThatThrownBy(() -> provider.unwrap(Map.class)).isInstanceOf(UnsupportedCapabilityException.class);
    }

    @Test
    void withoutPortingNullsAreStillRefusedFirstAndEverythingElseIsUnsupported() {
        Fake noPorting = new Fake(inventory.service, purchaser.service, null, List.of());
        assertThatThrownBy(() -> noPorting.porting().get(null)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("portId");
        assertThatThrownBy(() -> noPorting.porting().get("port-1")).isInstanceOf(UnsupportedCapabilityException.class);
    }

    @Test
    void servicesAlreadyCheckedAreNotWrappedAgain() {
        Fake reusing = new Fake(provider.inventory(), provider.purchaser(), provider.porting(), List.of());
        assertThat(reusing.inventory()).isSameAs(provider.inventory());
        assertThat(reusing.purchaser()).isSameAs(provider.purchaser());
        assertThat(reusing.porting()).isSameAs(provider.porting());
        assertThat(provider.inventory()).hasToString("recording NumberInventory");
    }

    private record Served<T>(Class<T> type, T handedOut, Recording<T> recording, String stringParameter) {
        List<String> calls() {
            return recording.calls;
        }

        List<Object[]> arguments() {
            return recording.arguments;
        }
    }

    private List<Served<?>> served() {
        return List.of(new Served<>(NumberInventory.class, provider.inventory(), inventory, "countryCode"),
                new Served<>(NumberPurchaser.class, provider.purchaser(), purchaser, "orderId"),
                new Served<>(PortingService.class, provider.porting(), porting, "portId"));
    }

    private static Object[] samples(Method method, String stringParameter) {
        return Arrays.stream(method.getParameterTypes())
                .map(type -> type == String.class ? (stringParameter.equals("countryCode") ? "US" : "id-1") : SAMPLES.get(type))
                .peek(sample -> assertThat(sample).as("a sample for " + method).isNotNull())
                .toArray();
    }

    private static String parameterName(Class<?> type, String stringParameter) {
        return type == String.class ? stringParameter : NAMES.get(type);
    }

    private static void invoke(Method method, Object target, Object[] args) throws Exception {
        try {
            method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** A provider that makes its services on first use, counting how often it is asked. */
    private static final class Lazy extends ProviderBase {
        final java.util.concurrent.atomic.AtomicInteger inventories = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger purchasers = new java.util.concurrent.atomic.AtomicInteger();
        private final NumberInventory inventory;
        private final NumberPurchaser purchaser;

        Lazy(NumberInventory inventory, NumberPurchaser purchaser) {
            super("lazy", EnumSet.of(Capability.PURCHASE, Capability.LIST), List.of(), ProviderEvents.none("lazy"));
            this.inventory = inventory;
            this.purchaser = purchaser;
        }

        @Override
        protected NumberInventory createInventory() {
            inventories.incrementAndGet();
            return inventory;
        }

        @Override
        protected NumberPurchaser createPurchaser() {
            purchasers.incrementAndGet();
            return purchaser;
        }
    }

    @Test
    void aProviderThatMakesItsServicesOnFirstUseMakesEachOnceAndHandsOutTheSameCheckedInstanceToEveryThread() throws Exception {
        Lazy lazy = new Lazy(inventory.service, purchaser.service);
        assertThat(lazy.inventories).hasValue(0);
        assertThat(lazy.purchasers).hasValue(0);

        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<List<Object>>> seen = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                seen.add(threads.submit(() -> {
                    start.await();
                    return List.of(lazy.inventory(), lazy.purchaser(), lazy.porting(), lazy.holds());
                }));
            }
            start.countDown();
            List<Object> first = seen.get(0).get();
            for (java.util.concurrent.Future<List<Object>> each : seen) {
                List<Object> services = each.get();
                for (int i = 0; i < services.size(); i++) {
                    assertThat(services.get(i)).isSameAs(first.get(i));
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(lazy.inventories).hasValue(1);
        assertThat(lazy.purchasers).hasValue(1);

        // the same checks as for services given at construction: arguments, then declared capabilities
        assertThatThrownBy(() -> lazy.inventory().get(null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> lazy.inventory().regions()).isInstanceOf(UnsupportedCapabilityException.class);
        assertThatThrownBy(() -> lazy.porting().get("port-1")).isInstanceOf(UnsupportedCapabilityException.class);
        assertThatThrownBy(() -> lazy.holds().get("hold-1")).isInstanceOf(UnsupportedCapabilityException.class);
        assertThat(inventory.calls).isEmpty();
        lazy.inventory().get(NUMBER);
        lazy.purchaser().order("order-1");
        assertThat(inventory.calls).containsExactly("get");
        assertThat(purchaser.calls).containsExactly("order");
        assertThatThrownBy(() -> lazy.unwrap(StringBuilder.class)).isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining(StringBuilder.class.getName());
    }
}
