package dev.telephony.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.Address;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.HoldPurchase;
import dev.telephony.api.HoldRequest;
import dev.telephony.api.E911Address;
import dev.telephony.api.NumberFeature;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberType;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.Route;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.UnsupportedCapabilityException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The other side of every capability: what the provider does not declare fails with
 * {@link UnsupportedCapabilityException} naming the provider and the capability, before any request.
 */
public interface CapabilityContract extends ProviderContract {
    PhoneNumber SOME_NUMBER = PhoneNumber.of("+12125550100");

    @Test
    default void providerDeclaresWhatItsTestSays(ProviderHarness h) {
        assertThat(h.provider().capabilities()).isEqualTo(declaredCapabilities());
        assertThatThrownBy(() -> h.provider().capabilities().add(Capability.PORTING))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @TestFactory
    default Stream<DynamicTest> undeclaredCapabilitiesFailAsUnsupported(ProviderHarness h) {
        Set<Capability> declared = declaredCapabilities();
        List<Capability> missing = Arrays.stream(Capability.values()).filter(c -> !declared.contains(c)).toList();
        if (missing.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("every capability is declared", () -> { }));
        }
        return missing.stream().flatMap(capability -> probes(capability, declared).stream()).map(probe -> DynamicTest.dynamicTest(probe.name(), () -> {
            Capability capability = probe.capability();
            TelephonyProvider provider = h.provider();
            int before = h.carrier().requestCount();
            String rule = provider.name() + " does not declare " + capability + " (" + capability.description() + "), so the call"
                    + " that needs it (" + probe.name() + ") must fail with UnsupportedCapabilityException before any request: call"
                    + " Capabilities.require(name, capabilities, Capability." + capability + ") (or the request's"
                    + " requiredCapabilities()) first in that method";
            assertThatThrownBy(() -> probe.call().accept(provider)).as(rule)
                    .isInstanceOfSatisfying(UnsupportedCapabilityException.class, e -> {
                        assertThat(e.capability()).as("the capability named").isPresent();
                        assertThat(declared).doesNotContain(e.capability().get());
                        if (probe.needsOnlyIt()) {
                            assertThat(e.capability()).contains(capability);
                        }
                        assertThat(e.getMessage()).contains(provider.name()).contains(e.capability().get().name());
                        assertThat(e.isRetryable()).isFalse();
                    });
            assertThat(h.carrier().requestCount()).as("requests sent for a call needing the undeclared " + capability
                    + "; refuse it with Capabilities.require before sending anything").isEqualTo(before);
        }));
    }

    /**
     * One call that needs {@code capability}, named for its dynamic test.
     *
     * @param needsOnlyIt whether the provider declares everything else the call needs, so that the
     *                    refusal must name {@code capability} itself
     */
    record Probe(String name, Capability capability, Consumer<TelephonyProvider> call, boolean needsOnlyIt) {
    }

    /**
     * The calls that need {@code capability}: one for most capabilities; every holds call for
     * {@link Capability#HOLDS} (a held search among them), and buying a hold for {@link Capability#PURCHASE}
     * where holds are declared.
     */
    private static List<Probe> probes(Capability capability, Set<Capability> declared) {
        List<Probe> probes = new java.util.ArrayList<>();
        probes.add(new Probe(capability.name(), capability, probe(capability, declared), probeNeedsOnly(capability, declared)));
        if (capability == Capability.HOLDS) {
            HoldRequest request = HoldRequest.of(AvailableNumber.builder(SOME_NUMBER).build());
            String id = "6f1c2a4e-0b7d-4e59-9a31-00000000beef";
            probes.add(new Probe("HOLDS add", capability, p -> p.holds().add(id, request), true));
            probes.add(new Probe("HOLDS remove", capability, p -> p.holds().remove(id, List.of(SOME_NUMBER)), true));
            probes.add(new Probe("HOLDS get", capability, p -> p.holds().get(id), true));
            probes.add(new Probe("HOLDS list", capability, p -> p.holds().list().firstPage(), true));
            probes.add(new Probe("HOLDS release", capability, p -> p.holds().release(id), true));
            probes.add(new Probe("HOLDS purchase", capability, p -> p.holds().purchase(HoldPurchase.of(id)),
                    declared.contains(Capability.PURCHASE)));
            probes.add(new Probe("HOLDS held search", capability, p -> p.inventory().search(NumberSearch.builder().country("US")
                    .type(searchableType(declared)).holdResults(true).build()), declared.contains(capabilityOf(searchableType(declared)))));
        }
        if (capability == Capability.PURCHASE && declared.contains(Capability.HOLDS)) {
            probes.add(new Probe("PURCHASE of a hold", capability,
                    p -> p.holds().purchase(HoldPurchase.of("6f1c2a4e-0b7d-4e59-9a31-00000000beef")), true));
        }
        return probes;
    }

    @Test
    default void unknownExtensionIsUnsupported(ProviderHarness h) {
        assertThatThrownBy(() -> h.provider().unwrap(Runnable.class))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining(h.provider().name())
                .hasMessageContaining(Runnable.class.getName());
    }

    private static NumberType searchableType(Set<Capability> declared) {
        if (declared.contains(Capability.SEARCH_LOCAL)) {
            return NumberType.LOCAL;
        }
        return declared.contains(Capability.SEARCH_TOLL_FREE) ? NumberType.TOLL_FREE : NumberType.MOBILE;
    }

    private static boolean probeNeedsOnly(Capability capability, Set<Capability> declared) {
        Set<Capability> others = EnumSet.noneOf(Capability.class);
        switch (capability) {
            case SEARCH_BY_AREA_CODE, SEARCH_BY_REGION, SEARCH_BY_RATE_CENTER, SEARCH_STARTS_WITH,
                 SEARCH_CONTAINS, SEARCH_ENDS_WITH, SEARCH_BY_FEATURES -> others.add(capabilityOf(searchableType(declared)));
            case SEARCH_BY_EXCHANGE -> {
                others.add(capabilityOf(searchableType(declared)));
                others.add(Capability.SEARCH_BY_AREA_CODE);
            }
            case SEARCH_BY_LOCALITY -> {
                others.add(capabilityOf(searchableType(declared)));
                others.add(Capability.SEARCH_BY_REGION);
            }
            case BULK_PURCHASE -> others.add(Capability.PURCHASE);
            default -> { }
        }
        return declared.containsAll(others);
    }

    private static Capability capabilityOf(NumberType type) {
        return switch (type) {
            case LOCAL -> Capability.SEARCH_LOCAL;
            case TOLL_FREE -> Capability.SEARCH_TOLL_FREE;
            case MOBILE -> Capability.SEARCH_MOBILE;
        };
    }

    private static Consumer<TelephonyProvider> probe(Capability capability, Set<Capability> declared) {
        NumberSearch.Builder search = NumberSearch.builder().country("US").type(searchableType(declared));
        return switch (capability) {
            case REGIONS -> p -> p.inventory().regions();
            case SEARCH_LOCAL -> p -> p.inventory().search(NumberSearch.builder().country("US").type(NumberType.LOCAL).build());
            case SEARCH_TOLL_FREE -> p -> p.inventory().search(NumberSearch.builder().country("US").type(NumberType.TOLL_FREE).build());
            case SEARCH_MOBILE -> p -> p.inventory().search(NumberSearch.builder().country("US").type(NumberType.MOBILE).build());
            case SEARCH_BY_AREA_CODE -> p -> p.inventory().search(search.areaCode("212").build());
            case SEARCH_BY_EXCHANGE -> p -> p.inventory().search(search.areaCode("212").exchange("555").build());
            case SEARCH_BY_REGION -> p -> p.inventory().search(search.region("NY").build());
            case SEARCH_BY_LOCALITY -> p -> p.inventory().search(search.region("NY").locality("New York").build());
            case SEARCH_BY_RATE_CENTER -> p -> p.inventory().search(search.rateCenter("BINGHAMTON").build());
            case SEARCH_STARTS_WITH -> p -> p.inventory().search(search.startsWith("212").build());
            case SEARCH_CONTAINS -> p -> p.inventory().search(search.contains("555").build());
            case SEARCH_ENDS_WITH -> p -> p.inventory().search(search.endsWith("0100").build());
            case SEARCH_BY_FEATURES -> p -> p.inventory().search(search.features(NumberFeature.SMS).build());
            case PURCHASE -> p -> p.purchaser().purchase(PurchaseRequest.of(SOME_NUMBER));
            case BULK_PURCHASE -> p -> p.purchaser().purchase(PurchaseRequest.of(SOME_NUMBER, PhoneNumber.of("+12125550101")));
            case LIST -> p -> p.inventory().list().firstPage();
            case NAMES -> p -> p.inventory().update(SOME_NUMBER, NumberUpdate.builder().name("Name").build());
            case VOICE_ROUTING -> p -> p.inventory().update(SOME_NUMBER,
                    NumberUpdate.builder().voiceRoute(Route.to("https://example.com/voice")).build());
            case MESSAGING_ROUTING -> p -> p.inventory().update(SOME_NUMBER,
                    NumberUpdate.builder().messagingRoute(Route.to("https://example.com/sms")).build());
            case CALLER_ID_NAME -> p -> p.inventory().update(SOME_NUMBER, NumberUpdate.builder().callerIdName("ACME").build());
            case E911 -> p -> p.inventory().update(SOME_NUMBER, NumberUpdate.builder().e911Address(new E911Address("Acme",
                    Address.us("135 Front St", "Binghamton", "NY", "13905"))).build());
            case FEATURE_UPDATE -> p -> p.inventory().update(SOME_NUMBER,
                    NumberUpdate.builder().features(EnumSet.of(NumberFeature.VOICE)).build());
            case RELEASE -> p -> p.inventory().release(SOME_NUMBER);
            case HOLDS -> p -> p.holds().create(HoldRequest.of(AvailableNumber.builder(SOME_NUMBER).build()));
            case PORTING -> p -> p.porting().checkPortability(SOME_NUMBER);
        };
    }
}
