package dev.telephony.testkit.contract;

import static dev.telephony.testkit.contract.Fixtures.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.HeldNumber;
import dev.telephony.api.Hold;
import dev.telephony.api.HoldPurchase;
import dev.telephony.api.HoldRequest;
import dev.telephony.api.HoldStatus;
import dev.telephony.api.NumberHolds;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.HoldExpiredException;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.OutcomeUnknownException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Holds ({@link Capability#HOLDS}): choosing exactly which numbers to buy. A hold holds the numbers asked
 * for, each with its own status, until an expiry on the carrier's clock; it can be changed, read by id
 * alone, listed, released and bought, and while it holds a number nobody else can hold or buy it. The
 * side of a provider without holds is proven by {@link CapabilityContract}.
 *
 * <p>What the harness must offer: the carrier's clock is {@link ProviderHarness#clock()} (advancing it
 * moves every hold towards its expiry); a hold's purchase reaches the carrier as a
 * {@link RequestKind#PURCHASE} request, and its changes (create, add, remove, release) as
 * {@link RequestKind#HOLD} requests.
 */
public interface NumberHoldsContract extends ProviderContract {
    /** An id no provider gave out, shaped like the ids providers do give (a UUID). */
    String UNKNOWN_HOLD = "6f1c2a4e-0b7d-4e59-9a31-00000000dead";

    /** {@code count} offers of the seeded block in {@code areaCode}, searched without holding them. */
    private static List<AvailableNumber> offers(ProviderHarness h, String areaCode, int count) {
        List<AvailableNumber> offers = h.provider().inventory().search(local(areaCode).limit(count).build());
        assertThat(offers).as("offers of the seeded area code " + areaCode).hasSize(count);
        return offers;
    }

    private static List<PhoneNumber> numbersOf(List<AvailableNumber> offers) {
        return offers.stream().map(AvailableNumber::number).toList();
    }

    private static NumberHolds holds(ProviderHarness h) {
        return h.provider().holds();
    }

    /** Waits for {@code order} if it is still pending, within five (simulated) minutes. */
    private static PurchaseOrder completed(TelephonyProvider provider, PurchaseOrder order) {
        return order.isTerminal() ? order : provider.purchaser().await(order.id(), Duration.ofMinutes(5));
    }

    /** Lets the carrier's clock run to just after {@code hold}'s expiry. */
    private static void outlive(ProviderHarness h, Hold hold) {
        Duration left = Duration.between(h.clock().instant(), hold.expiresAt());
        h.clock().advance((left.isNegative() ? Duration.ZERO : left).plusSeconds(1));
    }

    /** Every number of {@code hold} that is asked for is HELD, and nothing else is. */
    private static void holdsExactly(Hold hold, List<PhoneNumber> numbers) {
        assertThat(hold.held()).as("the numbers %s holds", hold.id()).containsExactlyInAnyOrderElementsOf(numbers);
        for (PhoneNumber number : numbers) {
            HeldNumber entry = hold.number(number).orElseThrow(() -> new AssertionError(hold.id() + " has no entry for " + number));
            assertThat(entry.status()).as("the status of %s", number).isEqualTo(HeldNumber.Status.HELD);
            assertThat(entry.errorCode()).isEmpty();
            assertThat(entry.errorMessage()).isEmpty();
        }
    }

    /** The carrier's owned numbers, as numbers. */
    private static List<PhoneNumber> carrierOwns(ProviderHarness h) {
        return h.carrier().ownedNumbers().stream().map(OwnedNumber::number).toList();
    }

    // ---- create -------------------------------------------------------------------------------

    @Test
    @RequiresCapability({Capability.HOLDS, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void holdOfSearchedOffersHoldsEachNumberUntilAnExpiryAhead(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> offers = offers(h, Fixtures.MANHATTAN, 2);
        Instant now = h.clock().instant();

        Hold hold = holds(h).create(HoldRequest.ofOffers(offers));

        assertThat(hold.id()).isNotBlank();
        assertThat(hold.status()).isEqualTo(HoldStatus.ACTIVE);
        holdsExactly(hold, numbersOf(offers));
        assertThat(hold.numbers()).hasSize(2);
        assertThat(hold.expiresAt()).as("the hold's expiry on the carrier's clock").isAfter(now);
        assertThat(hold.expired(h.clock().instant())).isFalse();
        for (AvailableNumber offer : offers) {
            HeldNumber entry = hold.number(offer.number()).orElseThrow();
            assertThat(entry.offer().type()).as("the type of %s, from the answer", offer.number()).isEqualTo(offer.type());
            assertThat(entry.offer().countryCode()).isEqualTo("US");
        }
        assertThat(h.carrier().ownedNumbers()).as("a hold buys nothing").isEmpty();
        assertThat(h.carrier().purchases()).isEmpty();
    }

    @Test
    @RequiresCapability({Capability.HOLDS, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void heldNumbersCannotBeHeldAgainNorBoughtOutsideTheHold(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        AvailableNumber offer = offers(h, Fixtures.BINGHAMTON, 1).get(0);
        Hold hold = holds(h).create(HoldRequest.of(offer));
        holdsExactly(hold, List.of(offer.number()));

        assertThatThrownBy(() -> h.reconnect().holds().create(HoldRequest.of(offer)))
                .as("a second hold of a held number")
                .isInstanceOf(NumberNotAvailableException.class)
                .hasMessageContaining(offer.number().e164());
        assertThat(h.provider().inventory().search(local(Fixtures.BINGHAMTON).limit(50).build()))
                .as("a search does not offer a held number").extracting(AvailableNumber::number).doesNotContain(offer.number());
        if (h.provider().supports(Capability.PURCHASE)) {
            Throwable bought = catchThrowable(() -> completed(h.provider(),
                    h.provider().purchaser().purchase(PurchaseRequest.of(offer.number()))));
            assertThat(bought).as("buying a held number outside its hold").isInstanceOf(TelephonyException.class)
                    .isNotInstanceOf(OutcomeUnknownException.class);
            assertThat(h.carrier().ownedNumbers()).isEmpty();
        }
        assertThat(holds(h).get(hold.id())).hasValueSatisfying(again -> holdsExactly(again, List.of(offer.number())));
    }

    @Test
    @RequiresCapability({Capability.HOLDS, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void holdReportsEachNumberItCouldNotHoldAsAnErrorAndHoldsTheRest(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> found = offers(h, Fixtures.MANHATTAN, 2);
        AvailableNumber available = found.get(0);
        PhoneNumber owned = found.get(1).number();
        h.carrier().own(owned, null);
        PhoneNumber unknown = PhoneNumber.of("+12125559999");
        List<AvailableNumber> asked = List.of(available, AvailableNumber.builder(owned).build(), AvailableNumber.builder(unknown).build());

        Hold hold = holds(h).create(HoldRequest.ofOffers(asked));

        assertThat(hold.held()).containsExactly(available.number());
        assertThat(hold.errors()).extracting(HeldNumber::number).containsExactlyInAnyOrder(owned, unknown);
        assertThat(hold.number(available.number())).hasValueSatisfying(n -> assertThat(n.status()).isEqualTo(HeldNumber.Status.HELD));
        for (HeldNumber error : hold.errors()) {
            assertThat(error.errorCode().isPresent() || error.errorMessage().isPresent())
                    .as("%s says why it could not be held", error.number()).isTrue();
        }
        if (h.provider().supports(Capability.PURCHASE)) {
            PurchaseOrder order = completed(h.provider(), holds(h).purchase(HoldPurchase.of(hold)));
            assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
            assertThat(order.purchased()).containsExactly(available.number());
            assertThat(carrierOwns(h)).as("the account: the seeded number and the one held").containsExactlyInAnyOrder(owned, available.number());
            assertThat(h.carrier().purchases()).containsExactly(available.number());
        }
    }

    @Test
    @RequiresCapability({Capability.HOLDS, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void holdOfOnlyUnavailableNumbersIsRefusedNamingThem(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        PhoneNumber unknown = PhoneNumber.of("+12125559999");
        assertThatThrownBy(() -> holds(h).create(HoldRequest.of(AvailableNumber.builder(unknown).build())))
                .isInstanceOf(NumberNotAvailableException.class)
                .hasMessageContaining(unknown.e164());
        assertThat(h.carrier().ownedNumbers()).isEmpty();
    }

    // ---- add and remove -----------------------------------------------------------------------

    @Test
    @RequiresCapability({Capability.HOLDS, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void numbersAddedToAHoldAreHeldAndItsExpiryDoesNotMoveBack(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> offers = offers(h, Fixtures.MANHATTAN, 3);
        Hold first = holds(h).create(HoldRequest.of(offers.get(0)));
        h.clock().advance(Duration.ofMinutes(5));

        Hold added = holds(h).add(first.id(), HoldRequest.ofOffers(offers.subList(1, 3)));

        assertThat(added.id()).isEqualTo(first.id());
        assertThat(added.status()).isEqualTo(HoldStatus.ACTIVE);
        holdsExactly(added, numbersOf(offers));
        assertThat(added.expiresAt()).isAfter(h.clock().instant()).isAfterOrEqualTo(first.expiresAt());
        assertThat(h.reconnect().holds().get(first.id())).hasValueSatisfying(read -> holdsExactly(read, numbersOf(offers)));
    }

    @Test
    @RequiresCapability({Capability.HOLDS, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void numbersRemovedFromAHoldAreFreeForAnotherHold(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> offers = offers(h, Fixtures.NEW_YORK_OVERLAY, 2);
        Hold hold = holds(h).create(HoldRequest.ofOffers(offers));
        PhoneNumber kept = offers.get(0).number();
        PhoneNumber removed = offers.get(1).number();

        Hold after = holds(h).remove(hold.id(), List.of(removed));

        assertThat(after.id()).isEqualTo(hold.id());
        holdsExactly(after, List.of(kept));
        after.number(removed).ifPresent(n -> assertThat(n.status()).as("the removed number's entry, where the provider keeps one")
                .isNotEqualTo(HeldNumber.Status.HELD));
        assertThat(holds(h).get(hold.id())).hasValueSatisfying(read -> holdsExactly(read, List.of(kept)));

        Hold other = holds(h).create(HoldRequest.of(offers.get(1)));
        holdsExactly(other, List.of(removed));
        if (h.provider().supports(Capability.PURCHASE)) {
            PurchaseOrder order = completed(h.provider(), holds(h).purchase(HoldPurchase.of(hold)));
            assertThat(order.purchased()).containsExactly(kept);
            assertThat(carrierOwns(h)).containsExactly(kept);
        }
    }

    @Test
    @RequiresCapability({Capability.HOLDS, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void removingANumberTheHoldDoesNotHaveIsRefusedNamingIt(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> offers = offers(h, Fixtures.MANHATTAN, 2);
        Hold hold = holds(h).create(HoldRequest.of(offers.get(0)));
        PhoneNumber notInIt = offers.get(1).number();

        Throwable refused = catchThrowable(() -> holds(h).remove(hold.id(), List.of(notInIt)));

        assertThat(refused).isInstanceOfAny(InvalidRequestException.class, NotFoundException.class, ConflictException.class)
                .hasMessageContaining(notInIt.e164());
        assertThat(holds(h).get(hold.id())).hasValueSatisfying(read -> holdsExactly(read, List.of(offers.get(0).number())));
    }

    // ---- get, list, release -------------------------------------------------------------------

    @Test
    @RequiresCapability({Capability.HOLDS, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void holdIsFoundByItsIdAloneFromAFreshProviderInstance(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> offers = offers(h, Fixtures.MANHATTAN, 2);
        Hold created = holds(h).create(HoldRequest.ofOffers(offers));

        Optional<Hold> found = h.reconnect().holds().get(created.id());

        assertThat(found).hasValueSatisfying(read -> {
            assertThat(read.id()).isEqualTo(created.id());
            assertThat(read.status()).isEqualTo(HoldStatus.ACTIVE);
            holdsExactly(read, numbersOf(offers));
            assertThat(read.expiresAt()).isEqualTo(created.expiresAt());
        });
    }

    @Test
    @RequiresCapability({Capability.HOLDS, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void listingNamesEveryHoldOnceAndEnds(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> offers = offers(h, Fixtures.MANHATTAN, 5);
        List<String> ids = new ArrayList<>();
        for (AvailableNumber offer : offers) {
            ids.add(holds(h).create(HoldRequest.of(offer)).id());
        }
        int before = h.carrier().requestCount();

        List<Hold> listed = h.reconnect().holds().list().stream().limit(1000).toList();

        assertThat(listed).as("the listing ends").hasSizeLessThan(1000);
        assertThat(listed).extracting(Hold::id).doesNotHaveDuplicates().containsAll(ids);
        for (Hold hold : listed) {
            if (ids.contains(hold.id())) {
                assertThat(hold.held()).hasSize(1).isSubsetOf(numbersOf(offers));
            }
        }
        assertThat(h.carrier().requestCount() - before).as("requests to list five holds").isLessThanOrEqualTo(20);
    }

    @Test
    @RequiresCapability({Capability.HOLDS, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void releasedHoldIsGoneAndItsNumbersAreFreeAgain(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> offers = offers(h, Fixtures.BINGHAMTON, 2);
        Hold hold = holds(h).create(HoldRequest.ofOffers(offers));

        holds(h).release(hold.id());

        assertThat(holds(h).get(hold.id())).isEmpty();
        assertThat(h.reconnect().holds().get(hold.id())).isEmpty();
        assertThat(holds(h).list().stream().limit(1000)).extracting(Hold::id).doesNotContain(hold.id());
        assertThat(h.provider().inventory().search(local(Fixtures.BINGHAMTON).limit(50).build()))
                .as("released numbers are on offer again").extracting(AvailableNumber::number).containsAll(numbersOf(offers));
        holdsExactly(holds(h).create(HoldRequest.ofOffers(offers)), numbersOf(offers));
        assertThat(h.carrier().ownedNumbers()).as("releasing a hold buys nothing").isEmpty();
        assertThatThrownBy(() -> holds(h).release(hold.id())).as("releasing it again").isInstanceOf(NotFoundException.class);
    }

    // ---- purchase -----------------------------------------------------------------------------

    @Test
    @RequiresCapability({Capability.HOLDS, Capability.PURCHASE, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void purchaseOfAHoldBuysExactlyWhatItHoldsAndNothingElse(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> offers = offers(h, Fixtures.MANHATTAN, 3);
        List<PhoneNumber> held = numbersOf(offers.subList(0, 2));
        Hold hold = holds(h).create(HoldRequest.ofOffers(offers.subList(0, 2)));

        PurchaseOrder placed = holds(h).purchase(HoldPurchase.of(hold));
        assertThat(placed.status()).isIn(PurchaseStatus.PENDING, PurchaseStatus.COMPLETED);
        PurchaseOrder order = completed(h.provider(), placed);

        assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(order.purchased()).containsExactlyInAnyOrderElementsOf(held);
        assertThat(order.failures()).isEmpty();
        assertThat(carrierOwns(h)).as("the account owns exactly the held numbers").containsExactlyInAnyOrderElementsOf(held);
        assertThat(h.carrier().purchases()).containsExactlyInAnyOrderElementsOf(held);
        assertThat(h.carrier().repeatedPurchases()).isEmpty();
        held.forEach(n -> assertThat(h.provider().inventory().get(n)).as("%s in the inventory", n).isPresent());
        assertThat(h.carrier().isAvailable(offers.get(2).number())).as("the offer not held is still on offer").isTrue();
        assertThat(h.provider().purchaser().order(order.id())).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo(PurchaseStatus.COMPLETED);
            assertThat(o.purchased()).containsExactlyInAnyOrderElementsOf(held);
        });
        holds(h).get(hold.id()).ifPresent(read -> assertThat(read.status()).as("a bought hold is gone or PURCHASED")
                .isEqualTo(HoldStatus.PURCHASED));
        Throwable changed = catchThrowable(() -> holds(h).add(hold.id(), HoldRequest.of(offers.get(2))));
        assertThat(changed).as("adding to a bought hold").isInstanceOfAny(ConflictException.class, NotFoundException.class);
        assertThat(h.carrier().isAvailable(offers.get(2).number())).isTrue();
    }

    @Test
    @RequiresCapability({Capability.HOLDS, Capability.PURCHASE, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void singleNumberHeldOutOfSeveralOfferedIsBoughtAloneByTheHoldsIdAfterARestart(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> offers = offers(h, Fixtures.MANHATTAN, 5);
        AvailableNumber chosen = offers.get(2);
        String id = holds(h).create(HoldRequest.of(chosen)).id();

        TelephonyProvider restarted = h.reconnect();
        PurchaseOrder order = completed(restarted, restarted.holds().purchase(HoldPurchase.of(id)));

        assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(order.purchased()).containsExactly(chosen.number());
        assertThat(carrierOwns(h)).containsExactly(chosen.number());
        assertThat(h.carrier().purchases()).containsExactly(chosen.number());
        for (AvailableNumber other : offers) {
            if (!other.equals(chosen)) {
                assertThat(h.carrier().isAvailable(other.number())).as("%s, offered but not held", other.number()).isTrue();
            }
        }
    }

    @Test
    @RequiresPendingPurchases
    @RequiresCapability({Capability.HOLDS, Capability.PURCHASE, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void pendingHoldPurchaseIsFollowedToCompletionByTheOrdersId(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> offers = offers(h, Fixtures.BINGHAMTON, 2);
        Hold hold = holds(h).create(HoldRequest.ofOffers(offers));
        h.carrier().holdOrders(true);

        PurchaseOrder placed = holds(h).purchase(HoldPurchase.of(hold));
        assertThat(placed.status()).isEqualTo(PurchaseStatus.PENDING);
        holds(h).get(hold.id()).ifPresent(read -> assertThat(read.status()).as("a hold being bought is PURCHASING, or gone")
                .isIn(HoldStatus.PURCHASING, HoldStatus.PURCHASED));
        Throwable changed = catchThrowable(() -> holds(h).remove(hold.id(), List.of(offers.get(0).number())));
        assertThat(changed).as("changing a hold being bought").isInstanceOfAny(ConflictException.class, NotFoundException.class);
        h.carrier().holdOrders(false);

        PurchaseOrder done = h.reconnect().purchaser().await(placed.id(), Duration.ofMinutes(5));
        assertThat(done.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(done.purchased()).containsExactlyInAnyOrderElementsOf(numbersOf(offers));
        assertThat(carrierOwns(h)).containsExactlyInAnyOrderElementsOf(numbersOf(offers));
        assertThat(h.clock().sleeps()).as("await polls on the controlled clock").isNotEmpty();
    }

    @Test
    @RequiresCapability({Capability.HOLDS, Capability.PURCHASE, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void holdPurchaseWhoseAnswerIsLostIsReconciledAndNeverSentTwice(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> offers = offers(h, Fixtures.MANHATTAN, 2);
        List<PhoneNumber> held = numbersOf(offers);
        Hold hold = holds(h).create(HoldRequest.ofOffers(offers));
        h.faults().injectOnce(RequestKind.PURCHASE, Fault.resetAfterCommit());

        PurchaseOrder order = null;
        Throwable failure = null;
        try {
            order = completed(h.provider(), holds(h).purchase(HoldPurchase.of(hold)));
        } catch (Throwable t) {
            failure = t;
        }
        h.faults().clear();
        h.clock().advance(Duration.ofMinutes(10));

        assertThat(carrierOwns(h)).as("the carrier carried the purchase out").containsExactlyInAnyOrderElementsOf(held);
        held.forEach(n -> assertThat(h.carrier().timesBought(n)).as("times %s was bought", n).isEqualTo(1));
        assertThat(h.carrier().repeatedPurchases()).as("purchases sent again after one succeeded").isEmpty();
        if (failure == null) {
            assertThat(order.purchased()).containsExactlyInAnyOrderElementsOf(held);
        } else {
            assertThat(failure).as("the only failure allowed once the carrier bought: outcome unknown, naming every number")
                    .isInstanceOfSatisfying(PurchaseOutcomeUnknownException.class,
                            e -> assertThat(new HashSet<>(e.numbers())).containsAll(held));
        }
    }

    // ---- expiry -------------------------------------------------------------------------------

    @Test
    @RequiresCapability({Capability.HOLDS, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void expiredHoldIsRefusedBeforeAnyRequestBuysNothingAndFreesItsNumbers(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        List<AvailableNumber> offers = offers(h, Fixtures.MANHATTAN, 2);
        Hold hold = holds(h).create(HoldRequest.ofOffers(offers));

        outlive(h, hold);

        assertThat(hold.expired(h.clock().instant())).isTrue();
        Optional<Hold> read = holds(h).get(hold.id());
        read.ifPresent(expired -> {
            assertThat(expired.status()).as("an expired hold is EXPIRED, or gone").isEqualTo(HoldStatus.EXPIRED);
            assertThat(expired.held()).isEmpty();
        });
        if (h.provider().supports(Capability.PURCHASE)) {
            int before = h.carrier().requestCount();
            assertThatThrownBy(() -> holds(h).purchase(HoldPurchase.of(hold)))
                    .isInstanceOfSatisfying(HoldExpiredException.class, e -> assertThat(e.expiredAt()).isEqualTo(hold.expiresAt()))
                    .hasMessageContaining("expired");
            assertThat(h.carrier().requestCount()).as("requests sent to buy a hold known to have expired").isEqualTo(before);
            Throwable byId = catchThrowable(() -> completed(h.provider(), holds(h).purchase(HoldPurchase.of(hold.id()))));
            assertThat(byId).as("buying an expired hold by its id")
                    .isInstanceOfAny(InvalidRequestException.class, ConflictException.class, NotFoundException.class);
            assertThat(h.carrier().ownedNumbers()).as("an expired hold buys nothing").isEmpty();
            assertThat(h.carrier().purchases()).isEmpty();
        }
        Throwable added = catchThrowable(() -> holds(h).add(hold.id(), HoldRequest.of(offers.get(0))));
        assertThat(added).as("changing an expired hold").isInstanceOfAny(ConflictException.class, NotFoundException.class);
        holdsExactly(holds(h).create(HoldRequest.ofOffers(offers)), numbersOf(offers));
    }

    // ---- held searches ------------------------------------------------------------------------

    @Test
    @RequiresCapability({Capability.HOLDS, Capability.SEARCH_LOCAL, Capability.SEARCH_BY_AREA_CODE})
    default void heldSearchOffersCarryTheirHoldsExpiryAndCanBeBought(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        Instant now = h.clock().instant();

        List<AvailableNumber> offers = h.provider().inventory().search(local(Fixtures.MANHATTAN).limit(2).holdResults(true).build());

        assertThat(offers).hasSize(2).allSatisfy(offer ->
                assertThat(offer.holdExpiresAt()).as("the hold on %s", offer.number()).hasValueSatisfying(at -> assertThat(at).isAfter(now)));
        if (h.provider().supports(Capability.PURCHASE)) {
            PurchaseOrder order = completed(h.provider(), h.provider().purchaser().purchase(PurchaseRequest.ofOffers(offers)));
            assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
            assertThat(order.purchased()).containsExactlyInAnyOrderElementsOf(numbersOf(offers));
            assertThat(carrierOwns(h)).containsExactlyInAnyOrderElementsOf(numbersOf(offers));
        }
    }

    // ---- bad input and unknown holds ----------------------------------------------------------

    private static void refused(ProviderHarness h, ThrowingCallable call, String field) {
        int before = h.carrier().requestCount();
        assertThatThrownBy(call).isInstanceOf(InvalidRequestException.class).hasMessageContaining(field);
        assertThat(h.carrier().requestCount()).as("requests that reached the carrier").isEqualTo(before);
    }

    @Test
    @RequiresCapability(Capability.HOLDS)
    default void badHoldArgumentsAreRefusedNamingTheFieldBeforeAnyRequest(ProviderHarness h) {
        PhoneNumber number = PhoneNumber.of("+12125550100");
        NumberHolds holds = holds(h);
        refused(h, () -> holds.create(null), "request");
        refused(h, () -> holds.get(null), "holdId");
        refused(h, () -> holds.get("  "), "holdId");
        refused(h, () -> holds.add(null, HoldRequest.of(number)), "holdId");
        refused(h, () -> holds.add(" ", HoldRequest.of(number)), "holdId");
        refused(h, () -> holds.add(UNKNOWN_HOLD, null), "request");
        refused(h, () -> holds.remove(null, List.of(number)), "holdId");
        refused(h, () -> holds.remove(UNKNOWN_HOLD, List.of()), "numbers");
        refused(h, () -> holds.remove(UNKNOWN_HOLD, null), "numbers");
        refused(h, () -> holds.remove(UNKNOWN_HOLD, List.of(number, number)), "numbers[1]");
        refused(h, () -> holds.release(""), "holdId");
        refused(h, () -> holds.purchase(null), "purchase");
        refused(h, () -> HoldPurchase.of(" "), "purchase.holdId");
        refused(h, () -> HoldRequest.ofOffers(List.of()), "hold.offers");
        refused(h, () -> HoldRequest.ofNumbers(List.of()), "hold.numbers");
        refused(h, () -> HoldRequest.of(number, number), "hold.numbers[1]");
        List<PhoneNumber> withNull = new ArrayList<>();
        withNull.add(null);
        refused(h, () -> HoldRequest.ofNumbers(withNull), "hold.numbers[0]");
        assertThat(h.carrier().requestCount()).isZero();
    }

    @Test
    @RequiresCapability(Capability.HOLDS)
    default void unknownHoldIsEmptyToGetAndNotFoundToChangeReleaseOrBuy(ProviderHarness h) {
        Fixtures.seedStandardOffer(h.carrier());
        NumberHolds holds = holds(h);
        PhoneNumber number = PhoneNumber.of("+12125550100");
        AvailableNumber offer = AvailableNumber.builder(number).build();

        assertThat(holds.get(UNKNOWN_HOLD)).isEmpty();
        assertThatThrownBy(() -> holds.add(UNKNOWN_HOLD, HoldRequest.of(offer))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> holds.remove(UNKNOWN_HOLD, List.of(number))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> holds.release(UNKNOWN_HOLD)).isInstanceOf(NotFoundException.class);
        if (h.provider().supports(Capability.PURCHASE)) {
            assertThatThrownBy(() -> holds.purchase(HoldPurchase.of(UNKNOWN_HOLD))).isInstanceOf(NotFoundException.class);
        }
        assertThat(h.carrier().ownedNumbers()).isEmpty();
        assertThat(h.carrier().purchases()).isEmpty();
        assertThat(h.carrier().isAvailable(number)).as("an unknown hold's number is untouched").isTrue();
    }
}
