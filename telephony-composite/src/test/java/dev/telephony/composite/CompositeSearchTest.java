package dev.telephony.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.NumberInventory;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.UnsupportedCapabilityException;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.memory.InMemoryProvider;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Searches fanned out to the members that can apply every filter, each with its own deadline. */
class CompositeSearchTest {
    Carriers carriers;

    @BeforeEach
    void seed() {
        carriers = new Carriers();
        carriers.east.seed().areaCode("212").exchange("555").firstLine(100).count(5).region("NY").add();
        carriers.west.seed().areaCode("212").exchange("555").firstLine(500).count(5).region("NY").add();
    }

    @AfterEach
    void close() {
        carriers.close();
    }

    static NumberSearch manhattan(int limit) {
        return NumberSearch.builder().country("US").areaCode("212").limit(limit).build();
    }

    @Test
    void offersAreMergedInMemberOrderEachTaggedWithItsCarrier() {
        CompositeProvider composite = carriers.composite();
        List<AvailableNumber> offers = composite.inventory().search(manhattan(7));
        assertThat(offers).extracting(o -> o.number().e164()).containsExactly("+12125550100", "+12125550101", "+12125550102",
                "+12125550103", "+12125550104", "+12125550500", "+12125550501");
        assertThat(offers).extracting(o -> Carriers.extension(composite).carrierOf(o).orElseThrow())
                .containsExactly("east", "east", "east", "east", "east", "west", "west");
        assertThat(offers.get(0).attributes()).containsEntry(CompositeProvider.CARRIER_ATTRIBUTE, "east");
    }

    @Test
    void aCallerRankingMergesByPriceTiesInMemberOrder() {
        carriers.east.offer(List.of(AvailableNumber.builder(PhoneNumber.of("+13035550100")).attribute("cost", "2.00 USD").build(),
                AvailableNumber.builder(PhoneNumber.of("+13035550101")).build()));
        carriers.west.offer(List.of(AvailableNumber.builder(PhoneNumber.of("+13035550200")).attribute("cost", "1.00 USD").build(),
                AvailableNumber.builder(PhoneNumber.of("+13035550201")).attribute("price", "2.00 USD").build()));
        CompositeProvider composite = carriers.composite(b -> b.ranking(Ranking.byPrice()));
        NumberSearch denver = NumberSearch.builder().country("US").areaCode("303").limit(10).build();
        assertThat(composite.inventory().search(denver)).extracting(o -> o.number().e164())
                .containsExactly("+13035550200", "+13035550100", "+13035550201", "+13035550101");
        // by member order unless a ranking is given
        assertThat(Carriers.extension(carriers.composite()).search(denver).offers()).extracting(o -> o.number().e164())
                .containsExactly("+13035550100", "+13035550101", "+13035550200", "+13035550201");
    }

    @Test
    void aFilterOnlyOneMemberSupportsGoesOnlyToIt() {
        carriers.westCapabilities = Set.copyOf(EnumSet.complementOf(EnumSet.of(Capability.SEARCH_CONTAINS)));
        CompositeProvider composite = carriers.composite();
        int westBefore = carriers.west.requestCount();
        SearchAnswer answer = Carriers.extension(composite).search(NumberSearch.builder().country("US").areaCode("212")
                .contains("0103").build());
        assertThat(answer.asked()).containsExactly("east");
        assertThat(answer.offers()).extracting(o -> o.number().e164()).containsExactly("+12125550103");
        assertThat(answer.complete()).isTrue();
        assertThat(carriers.west.requestCount()).as("requests that reached west").isEqualTo(westBefore);
        assertThat(composite.capabilities()).as("the union").contains(Capability.SEARCH_CONTAINS);
    }

    @Test
    void aFilterNoMemberSupportsIsRefusedNamingItBeforeAnyRequest() {
        Set<Capability> noRateCenter = Set.copyOf(EnumSet.complementOf(EnumSet.of(Capability.SEARCH_BY_RATE_CENTER)));
        carriers.eastCapabilities = noRateCenter;
        carriers.westCapabilities = noRateCenter;
        CompositeProvider composite = carriers.composite();
        assertThatThrownBy(() -> composite.inventory().search(NumberSearch.builder().country("US").rateCenter("BINGHAMTON").build()))
                .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
                        e -> assertThat(e.capability()).contains(Capability.SEARCH_BY_RATE_CENTER))
                .hasMessageContaining("SEARCH_BY_RATE_CENTER").hasMessageContaining("composite");
        assertThat(carriers.east.requestCount() + carriers.west.requestCount()).isZero();
    }

    @Test
    void filtersNoOneMemberSupportsTogetherAreRefusedNamingWhatEachLacks() {
        carriers.eastCapabilities = Set.copyOf(EnumSet.complementOf(EnumSet.of(Capability.SEARCH_BY_RATE_CENTER)));
        carriers.westCapabilities = Set.copyOf(EnumSet.complementOf(EnumSet.of(Capability.SEARCH_BY_EXCHANGE)));
        CompositeProvider composite = carriers.composite();
        assertThatThrownBy(() -> composite.inventory().search(NumberSearch.builder().country("US").areaCode("607").exchange("123")
                .rateCenter("BINGHAMTON").build()))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("east lacks SEARCH_BY_RATE_CENTER").hasMessageContaining("west lacks SEARCH_BY_EXCHANGE");
        assertThat(carriers.east.requestCount() + carriers.west.requestCount()).isZero();
    }

    @Test
    void aSlowMemberPastItsDeadlineIsReportedNotDroppedSilently() throws Exception {
        CountDownLatch eastAnswered = new CountDownLatch(1);
        CountDownLatch abandoned = new CountDownLatch(1);
        ThreadPoolExecutor threads = new ThreadPoolExecutor(0, 4, 1, TimeUnit.SECONDS, new SynchronousQueue<>()) {
            @Override
            protected void afterExecute(Runnable task, Throwable failure) {
                eastAnswered.countDown();
            }
        };
        TelephonyProvider west = carriers.member(carriers.west, InMemoryProvider.ALL_CAPABILITIES);
        // west takes 6 s of the clock to answer (its deadline is 5 s), and is only heard of once east has answered
        TelephonyProvider slowWest = Stalling.search(west, () -> {
            eastAnswered.await();
            carriers.clock.advance(Duration.ofSeconds(6));
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                abandoned.countDown();
                throw e;
            }
        });
        try (CompositeProvider composite = CompositeProvider.builder()
                .member("east", carriers.member(carriers.east, InMemoryProvider.ALL_CAPABILITIES))
                .member("west", slowWest)
                .memberTimeout(Duration.ofSeconds(5)).clock(carriers.clock).executor(threads).build()) {
            SearchAnswer answer = Carriers.extension(composite).search(manhattan(10));

            assertThat(answer.offers()).hasSize(5).allSatisfy(o -> assertThat(o.attributes())
                    .containsEntry(CompositeProvider.CARRIER_ATTRIBUTE, "east"));
            assertThat(answer.complete()).isFalse();
            assertThat(answer.failures()).singleElement().satisfies(f -> {
                assertThat(f.member()).isEqualTo("west");
                assertThat(f.kind()).isEqualTo(MemberFailure.Kind.TIMED_OUT);
                assertThat(f.error()).isInstanceOf(ProviderUnavailableException.class);
                assertThat(f.reason()).contains("carrier 'west' did not answer the search in time");
            });
            assertThat(abandoned.await(10, TimeUnit.SECONDS)).as("the late call is interrupted").isTrue();
            assertThat(carriers.clock.sleeps()).as("the composite waits on no sleeper").isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aPlainSearchAnswersWhatTheOthersOfferedAndFailsWhenNothingWasOffered() {
        CompositeProvider composite = carriers.composite();
        carriers.west.faults().inject(RequestKind.READ, Fault.unauthorized(), 10);
        assertThat(composite.inventory().search(manhattan(10))).hasSize(10 - 5)
                .allSatisfy(o -> assertThat(o.number().e164()).startsWith("+1212555010"));
        SearchAnswer answer = Carriers.extension(composite).search(manhattan(10));
        assertThat(answer.failures()).singleElement().satisfies(f -> {
            assertThat(f.member()).isEqualTo("west");
            assertThat(f.kind()).isEqualTo(MemberFailure.Kind.FAILED);
            assertThat(f.error()).isInstanceOf(dev.telephony.api.error.AuthenticationException.class);
            assertThat(f.error().provider()).contains("composite");
            assertThat(f.reason()).startsWith("carrier 'west': ");
        });
        // where only west offers anything, its failure is the answer: an empty list would say nothing matches
        NumberInventory inventory = composite.inventory();
        carriers.west.seed().areaCode("718").exchange("555").count(3).add();
        assertThatThrownBy(() -> inventory.search(NumberSearch.builder().country("US").areaCode("718").build()))
                .isInstanceOf(dev.telephony.api.error.AuthenticationException.class)
                .hasMessageContaining("carrier 'west'");
    }
}
