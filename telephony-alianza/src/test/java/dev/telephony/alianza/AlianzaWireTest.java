package dev.telephony.alianza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.alianza.internal.Login;
import dev.telephony.alianza.internal.LoginToken;
import dev.telephony.alianza.internal.NumberDetails;
import dev.telephony.alianza.internal.Order;
import dev.telephony.alianza.internal.Port;
import dev.telephony.alianza.internal.PortSubmission;
import dev.telephony.alianza.internal.SearchResult;
import dev.telephony.api.Address;
import dev.telephony.api.AvailableNumber;
import dev.telephony.api.DigitPattern;
import dev.telephony.api.E911Address;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberStatus;
import dev.telephony.api.NumberType;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PortOrder;
import dev.telephony.api.PortRequest;
import dev.telephony.api.PortStatus;
import dev.telephony.api.PurchaseFailure;
import dev.telephony.api.PurchaseOrder;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.PurchaseStatus;
import dev.telephony.api.Secret;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.AuthenticationException;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.InvalidRequestException;
import dev.telephony.api.error.NotFoundException;
import dev.telephony.api.error.NumberNotAvailableException;
import dev.telephony.api.error.NumberNotFoundException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.PurchaseOutcomeUnknownException;
import dev.telephony.api.error.RateLimitedException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.api.error.UnsupportedCapabilityException;
import dev.telephony.http.HttpRequest;
import dev.telephony.http.HttpResponse;
import dev.telephony.http.Redactor;
import dev.telephony.http.RestClient;
import dev.telephony.http.RetryAfter;
import dev.telephony.testkit.carrier.Fault;
import dev.telephony.testkit.carrier.RequestKind;
import dev.telephony.testkit.wire.SimRequest;
import dev.telephony.testkit.wire.SimResponse;
import dev.telephony.testkit.contract.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Alianza details the contract does not see: log-in and re-login, batches, toll-free orders, the
 * guide's search parameters, every port status, assignments and the release guard, the directory
 * listing, the guide's shapes, error bodies and secrets.
 */
class AlianzaWireTest {
    private static final PhoneNumber LINE = PhoneNumber.of("+16071234588");
    private static final E911Address HAWLEY_ST = new E911Address("Riverside Dental",
            Address.us("48 Hawley St", "Binghamton", "NY", "13901").withUnit("Unit 4B"));

    private final AlianzaHarness harness = new AlianzaHarness();
    private final TelephonyProvider provider = harness.provider();
    private final AlianzaExtensions alianza = provider.unwrap(AlianzaExtensions.class);
    private final List<TelephonyProvider> extra = new ArrayList<>();

    @AfterEach
    void close() {
        extra.forEach(TelephonyProvider::close);
        harness.close();
    }

    private TelephonyProvider loggingIn(String password) {
        TelephonyProvider p = harness.builder().credentials(AlianzaHarness.USERNAME, password).build();
        extra.add(p);
        return p;
    }

    private static NumberSearch in212() {
        return NumberSearch.builder().country("US").areaCode("212").limit(3).build();
    }

    // ---- log-in and re-login ------------------------------------------------------------------

    @Test
    void credentialsLogInOnceOnFirstUseAndTheTokenTravelsAsXAuthToken() {
        Fixtures.seedStandardOffer(harness.carrier());
        TelephonyProvider p = loggingIn(AlianzaHarness.PASSWORD);
        assertThat(harness.carrier().requestCount()).isZero();
        assertThat(p.inventory().search(in212())).hasSize(3);
        assertThat(p.inventory().search(in212())).hasSize(3);
        assertThat(harness.carrier().requestCount(RequestKind.AUTH)).as("log-ins").isEqualTo(1);
        assertThat(harness.carrier().requestCount(RequestKind.READ)).isEqualTo(2);
        assertThat(harness.simulator().issuedTokens()).hasSize(1);
    }

    @Test
    void anExpiredTokenIsReplacedByLoggingInAgainOnceAndTheRequestRepeated() {
        Fixtures.seedStandardOffer(harness.carrier());
        harness.simulator().tokenLifetime(Duration.ofMinutes(30));
        TelephonyProvider p = loggingIn(AlianzaHarness.PASSWORD);
        p.inventory().search(in212());
        harness.clock().advance(Duration.ofMinutes(31));

        assertThat(p.inventory().search(in212())).hasSize(3);
        assertThat(harness.carrier().requestCount(RequestKind.AUTH)).as("log-ins").isEqualTo(2);
        assertThat(harness.carrier().requestCount(RequestKind.READ)).as("searches: one, then a refused one and its repeat")
                .isEqualTo(3);
        assertThat(harness.clock().sleeps()).as("no back-off for a re-login").isEmpty();
    }

    @Test
    void aConfiguredTokenThatExpiresIsReplacedWithTheCredentials() {
        Fixtures.seedStandardOffer(harness.carrier());
        provider.inventory().search(in212());
        harness.simulator().expireAllTokens();
        assertThat(provider.inventory().search(in212())).hasSize(3);
        assertThat(harness.carrier().requestCount(RequestKind.AUTH)).isEqualTo(1);
    }

    @Test
    void aTokenRefusedEvenAfterLoggingInAgainFailsAfterOneReLogin() {
        Fixtures.seedStandardOffer(harness.carrier());
        harness.simulator().tokenLifetime(Duration.ZERO);
        TelephonyProvider p = loggingIn(AlianzaHarness.PASSWORD);
        assertThatThrownBy(() -> p.inventory().search(in212()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.httpStatus()).hasValue(401))
                .hasMessageContaining("Expired Auth Token");
        assertThat(harness.carrier().requestCount(RequestKind.AUTH)).as("the first log-in and one more").isEqualTo(2);
        assertThat(harness.carrier().requestCount(RequestKind.READ)).isEqualTo(2);
    }

    @Test
    void aTokenAloneCannotBeRenewedAndItsExpiryIsAnAuthenticationError() {
        Fixtures.seedStandardOffer(harness.carrier());
        TelephonyProvider p = harness.builder().authToken(AlianzaHarness.TOKEN).build();
        extra.add(p);
        harness.simulator().expireAllTokens();
        assertThatThrownBy(() -> p.inventory().search(in212())).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Expired Auth Token");
        assertThat(harness.carrier().requestCount(RequestKind.AUTH)).isZero();
    }

    @Test
    void aRefusedPasswordIsAnAuthenticationErrorThatNamesNoSecret() {
        Fixtures.seedStandardOffer(harness.carrier());
        TelephonyProvider p = loggingIn(AlianzaHarness.WRONG_PASSWORD);
        assertThatThrownBy(() -> p.inventory().search(in212()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.provider()).contains("alianza");
                    assertThat(e.isRetryable()).isFalse();
                })
                .hasMessageContaining("Invalid username or password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(AlianzaHarness.WRONG_PASSWORD));
        assertThat(harness.carrier().requestCount(RequestKind.READ)).as("nothing sent without a token").isZero();
    }

    // ---- search -------------------------------------------------------------------------------

    @Test
    void theGuidesSearchesByExchangeRateCenterAndPattern() {
        Fixtures.seedStandardOffer(harness.carrier());
        assertThat(provider.inventory().search(NumberSearch.builder().country("US").region("NY").rateCenter("BINGHAMTON").limit(50).build()))
                .hasSize(10).allSatisfy(o -> {
                    assertThat(o.number().e164()).startsWith("+1607123");
                    assertThat(o.rateCenter()).contains("BINGHAMTON");
                    assertThat(o.region()).contains("NY");
                    assertThat(o.attributes()).containsEntry("npa", "607").containsEntry("nxx", "123").containsKey("formatted");
                });
        assertThat(provider.inventory().search(NumberSearch.builder().country("US").areaCode("607").exchange("123").endsWith("4505")
                .build())).extracting(o -> o.number().e164()).containsExactly("+16071234505");
        assertThat(AlianzaInventory.pattern(new DigitPattern(DigitPattern.Kind.CONTAINS, "1234"))).isEqualTo("*1234*");
        assertThat(AlianzaInventory.pattern(new DigitPattern(DigitPattern.Kind.ENDS_WITH, "0000"))).isEqualTo("*0000");
        String query = ((AlianzaProvider) provider).alianzaInventory()
                .searchRequest(NumberSearch.builder().country("US").areaCode("607").contains("1234").limit(20).build()).pathAndQuery();
        assertThat(query).isEqualTo("/v2/partition/" + AlianzaHarness.PARTITION
                + "/telephone-number/search?npa=607&pattern=%2A1234%2A&quantity=20");
    }

    @Test
    void searchesAlianzaCannotRunAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> provider.inventory().search(NumberSearch.builder().country("US").rateCenter("BINGHAMTON").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("search.region");
        assertThatThrownBy(() -> provider.inventory().search(NumberSearch.builder().country("US").region("NY").build()))
                .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
                        e -> assertThat(e.capability()).contains(dev.telephony.api.Capability.SEARCH_BY_REGION));
        assertThatThrownBy(() -> provider.inventory().search(NumberSearch.builder().country("US").startsWith("607").build()))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("SEARCH_STARTS_WITH");
        assertThatThrownBy(() -> provider.inventory().search(NumberSearch.builder().country("CA").areaCode("416").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("search.country");
        assertThat(harness.carrier().requestCount()).isZero();
    }

    @Test
    void tollFreeSearchesValidateThePrefixAndUseTheirOwnPath() {
        Fixtures.seedStandardOffer(harness.carrier());
        harness.carrier().seed().tollFree("800").exchange("555").firstLine(2000).count(5).add();
        assertThatThrownBy(() -> provider.inventory().search(NumberSearch.builder().country("US").type(NumberType.TOLL_FREE)
                .areaCode("212").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("search.areaCode").hasMessageContaining("833")
                .hasMessageContaining("800");
        assertThatThrownBy(() -> provider.inventory().search(NumberSearch.builder().country("US").areaCode("888").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("toll-free prefix");
        assertThat(harness.carrier().requestCount()).isZero();

        List<AvailableNumber> found = provider.inventory().search(NumberSearch.builder().country("US").type(NumberType.TOLL_FREE)
                .areaCode("800").limit(50).build());
        assertThat(found).hasSize(5).allSatisfy(o -> {
            assertThat(o.number().e164()).startsWith("+1800");
            assertThat(o.type()).isEqualTo(NumberType.TOLL_FREE);
        });
        assertThat(provider.inventory().search(NumberSearch.builder().country("US").type(NumberType.TOLL_FREE).endsWith("1003").build()))
                .extracting(o -> o.number().e164()).containsExactly("+18335551003");
    }

    // ---- orders -------------------------------------------------------------------------------

    @Test
    void twoHundredFiftyNumbersGoOutAsThreeOrdersAndAreFollowedAsOne() {
        List<AvailableNumber> block = harness.carrier().seed().areaCode("212").exchange("600").firstLine(0).count(250).add();
        List<PhoneNumber> numbers = block.stream().map(AvailableNumber::number).toList();

        PurchaseOrder placed = provider.purchaser().purchase(PurchaseRequest.ofNumbers(numbers));
        assertThat(harness.simulator().orderSizes()).containsExactly(100, 100, 50);
        assertThat(placed.status()).isEqualTo(PurchaseStatus.PENDING);
        assertThat(placed.id().split(AlianzaPurchaser.SEPARATOR)).hasSize(3);
        assertThat(placed.requested()).containsExactlyElementsOf(numbers);

        PurchaseOrder done = harness.reconnect().purchaser().await(placed.id(), Duration.ofMinutes(5));
        assertThat(done.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(done.purchased()).containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(done.failures()).isEmpty();
        assertThat(harness.carrier().ownedNumbers()).hasSize(250);
        assertThat(harness.carrier().purchases()).doesNotHaveDuplicates();
    }

    @Test
    void eachNumbersOutcomeIsReportedWhenOneBatchIsRefused() {
        List<PhoneNumber> available = harness.carrier().seed().areaCode("212").exchange("600").firstLine(0).count(100).add()
                .stream().map(AvailableNumber::number).toList();
        List<PhoneNumber> asked = new ArrayList<>(available);
        asked.add(PhoneNumber.of("+12126009998"));
        asked.add(PhoneNumber.of("+12126009999"));
        harness.simulator().completeOrdersAtOnce(true);

        PurchaseOrder order = provider.purchaser().purchase(PurchaseRequest.ofNumbers(asked));
        assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(order.purchased()).containsExactlyElementsOf(available);
        assertThat(order.failures()).extracting(f -> f.number().e164()).containsExactly("+12126009998", "+12126009999");
        assertThat(order.failures()).allSatisfy(f -> assertThat(f.code()).contains("TelephoneNumberNotAvailable"));
    }

    @Test
    void tollFreeNumbersAreOrderedOneByOneOnTheirOwnPath() {
        Fixtures.seedStandardOffer(harness.carrier());
        harness.simulator().completeOrdersAtOnce(true);
        List<PhoneNumber> asked = List.of(PhoneNumber.of("+18335551000"), PhoneNumber.of("+12125550100"), PhoneNumber.of("+18335551001"));
        PurchaseOrder order = provider.purchaser().purchase(PurchaseRequest.ofNumbers(asked));
        assertThat(order.status()).as("the guide's example: completed in the answer").isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(order.purchased()).containsExactlyInAnyOrderElementsOf(asked);
        assertThat(harness.simulator().orderSizes()).containsExactly(1, 1, 1);
        assertThat(provider.inventory().get(PhoneNumber.of("+18335551000"))).hasValueSatisfying(
                n -> assertThat(n.type()).isEqualTo(NumberType.TOLL_FREE));
    }

    @Test
    void aNumberOnAPendingOrderShowsAsPendingUntilTheOrderCompletes() {
        Fixtures.seedStandardOffer(harness.carrier());
        PhoneNumber number = PhoneNumber.of("+12125550100");
        harness.carrier().holdOrders(true);
        PurchaseOrder placed = provider.purchaser().purchase(PurchaseRequest.of(number));
        assertThat(provider.inventory().get(number)).hasValueSatisfying(n -> assertThat(n.status()).isEqualTo(NumberStatus.PENDING));
        harness.carrier().holdOrders(false);
        provider.purchaser().await(placed.id(), Duration.ofMinutes(1));
        assertThat(provider.inventory().get(number)).hasValueSatisfying(n -> assertThat(n.status()).isEqualTo(NumberStatus.ACTIVE));
    }

    // ---- porting ------------------------------------------------------------------------------

    private PortOrder submitted(String number) {
        PhoneNumber phone = PhoneNumber.of(number);
        harness.carrier().portable(phone, "AT&T", "BUSINESS", 7);
        return provider.porting().submit(Fixtures.portRequest(harness, phone, 10));
    }

    @Test
    void everyPortStatusOfTheGuideIsRead() {
        PortOrder port = submitted("+16075550101");
        assertThat(port.status()).isEqualTo(PortStatus.PENDING);
        assertThat(port.submittedAt()).contains(harness.clock().instant());
        assertThat(port.attributes()).containsEntry("currentProvider", "AT&T");

        LocalDate foc = LocalDate.now(harness.clock()).plusDays(12);
        harness.carrier().approvePort(port.id(), foc);
        assertThat(provider.porting().get(port.id())).hasValueSatisfying(p -> {
            assertThat(p.status()).isEqualTo(PortStatus.APPROVED);
            assertThat(p.confirmedDate()).contains(foc);
        });
        harness.carrier().startPort(port.id());
        assertThat(provider.porting().get(port.id()).orElseThrow().status()).isEqualTo(PortStatus.IN_PROGRESS);
        harness.clock().advance(Duration.ofDays(12));
        harness.carrier().completePort(port.id());
        assertThat(provider.porting().get(port.id())).hasValueSatisfying(p -> {
            assertThat(p.status()).isEqualTo(PortStatus.COMPLETED);
            assertThat(p.completedAt()).contains(harness.clock().instant());
        });

        PortOrder rejected = submitted("+16075550102");
        harness.carrier().rejectPort(rejected.id(), "subscriber name does not match");
        assertThat(provider.porting().get(rejected.id())).hasValueSatisfying(p -> {
            assertThat(p.status()).isEqualTo(PortStatus.REJECTED);
            assertThat(p.rejectionReason()).contains("subscriber name does not match");
            assertThat(p.numbers()).allSatisfy(n -> assertThat(n.rejectionReason()).contains("subscriber name does not match"));
        });

        PortOrder cancelled = provider.porting().cancel(submitted("+16075550103").id());
        assertThat(cancelled.status()).isEqualTo(PortStatus.CANCELLED);
        assertThat(provider.porting().list().stream().map(PortOrder::status))
                .containsExactly(PortStatus.COMPLETED, PortStatus.REJECTED, PortStatus.CANCELLED);
        assertThat(provider.porting().get("port-does-not-exist")).isEmpty();
    }

    @Test
    void theOpenApisCarrierStatusesAreUnderstoodToo() {
        assertThat(AlianzaPorting.portStatus("PORT_PENDING")).isEqualTo(PortStatus.PENDING);
        assertThat(AlianzaPorting.portStatus("ACTIVATION_PENDING")).isEqualTo(PortStatus.IN_PROGRESS);
        assertThat(AlianzaPorting.portStatus("ACTIVE")).isEqualTo(PortStatus.COMPLETED);
        assertThat(AlianzaPorting.portStatus("PORT_REJECTED")).isEqualTo(PortStatus.REJECTED);
        assertThat(AlianzaPorting.portStatus("CANCEL_PORT_COMPLETE")).isEqualTo(PortStatus.CANCELLED);
        assertThatThrownBy(() -> AlianzaPorting.portStatus("SOMETHING_NEW")).hasMessageContaining("SOMETHING_NEW");
    }

    @Test
    void cancellingAfterApprovalIsRefusedWithoutSendingTheCancellation() {
        PortOrder port = submitted("+16075550104");
        harness.carrier().approvePort(port.id(), LocalDate.now(harness.clock()).plusDays(12));
        int before = harness.carrier().requestCount(RequestKind.PORT);
        assertThatThrownBy(() -> provider.porting().cancel(port.id()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("APPROVED").hasMessageContaining("approved");
        assertThat(harness.carrier().requestCount(RequestKind.PORT)).isEqualTo(before);
        assertThatThrownBy(() -> provider.porting().cancel("port-does-not-exist")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyPortFieldIsValidatedBeforeSendingAndThePinStaysSecret() {
        PhoneNumber number = PhoneNumber.of("+16075550105");
        PortRequest sixDays = Fixtures.portRequest(harness, number, 6);
        assertThatThrownBy(() -> provider.porting().submit(sixDays))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("port.requestedDate").hasMessageContaining("7 days");
        PortRequest.Builder noProvider = PortRequest.builder().number(number)
                .subscriber(dev.telephony.api.PortSubscriber.person("John", "Doe"))
                .serviceAddress(Address.us("48 Hawley St", "Binghamton", "NY", "13901")).billingTelephoneNumber(number)
                .carrierAccountNumber("123456789").requestedDate(LocalDate.now(harness.clock()).plusDays(14));
        assertThatThrownBy(() -> provider.porting().submit(noProvider.build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("port.currentProvider");
        PortRequest abroad = noProvider.currentProvider("AT&T")
                .serviceAddress(new Address("1 Main St", java.util.Optional.empty(), "Toronto", "ON", "M5V 1A1", "CA")).build();
        assertThatThrownBy(() -> provider.porting().submit(abroad))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("port.serviceAddress.country");
        assertThat(harness.carrier().requestCount()).isZero();

        PortSubmission submission = ((AlianzaProvider) provider).alianzaPorting().submission(Fixtures.portRequest(harness, number, 14));
        assertThat(submission.pin()).isEqualTo(Fixtures.PORT_PIN);
        assertThat(submission.toString()).doesNotContain(Fixtures.PORT_PIN);
        assertThat(submission.accountNumber()).isEqualTo("123456789");
        assertThat(submission.serviceAddress().zipCode()).isEqualTo("13905");
    }

    // ---- assignments, release guard, directory listing ----------------------------------------

    @Test
    void numbersAreAssignedToEveryKindOfTargetAndReadBack() {
        PhoneNumber user = PhoneNumber.of("+16071234501");
        PhoneNumber device = PhoneNumber.of("+16071234502");
        PhoneNumber ivr = PhoneNumber.of("+16071234503");
        PhoneNumber queue = PhoneNumber.of("+16071234504");
        List.of(user, device, ivr, queue).forEach(n -> harness.carrier().own(n, null));

        assertThat(alianza.assignToEndUser(user, "user_5150", true, HAWLEY_ST)).isEqualTo(new Assignment.EndUser("user_5150", true));
        assertThat(alianza.assignToDeviceLine(device, "dev_42", 2)).isEqualTo(new Assignment.DeviceLine("dev_42", 2));
        assertThat(alianza.assignToIvr(ivr, "ivr_main")).isEqualTo(new Assignment.Ivr("ivr_main"));
        assertThat(alianza.assignToCallQueue(queue, "queue_7")).isEqualTo(new Assignment.CallQueue("queue_7"));

        OwnedNumber read = provider.inventory().get(user).orElseThrow();
        assertThat(read.e911Address()).contains(HAWLEY_ST);
        assertThat(read.attributes()).containsEntry("assignedTo", "user_5150").containsEntry("assignmentType", "END_USER")
                .containsEntry("primary", "true").containsEntry("e911Registered", "true");
        assertThat(alianza.assignment(device)).contains(new Assignment.DeviceLine("dev_42", 2));
        assertThat(provider.inventory().list().stream().filter(n -> n.number().equals(ivr)))
                .singleElement().satisfies(n -> assertThat(n.attributes()).containsEntry("assignmentType", "IVR"));

        assertThatThrownBy(() -> alianza.assignToIvr(user, "ivr_other"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("user_5150");
        assertThat(alianza.assignToEndUser(user, "user_5150", false)).isEqualTo(new Assignment.EndUser("user_5150", false));

        assertThat(alianza.unassign(queue)).contains(new Assignment.CallQueue("queue_7"));
        assertThat(alianza.unassign(queue)).isEmpty();
        assertThat(harness.simulator().isAssigned(queue)).isFalse();
        assertThatThrownBy(() -> alianza.assignToIvr(PhoneNumber.of("+16079999999"), "ivr_1")).isInstanceOf(NumberNotFoundException.class);
        assertThatThrownBy(() -> alianza.assignToDeviceLine(device, "dev_42", 0)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("assignment.lineNumber");
    }

    @Test
    void releaseRefusesAnAssignedNumberAndUnassignsFirstOnlyWhenAsked() {
        harness.carrier().own(LINE, null);
        alianza.assignToIvr(LINE, "ivr_main");

        assertThatThrownBy(() -> provider.inventory().release(LINE))
                .isInstanceOf(ConflictException.class).hasMessageContaining(LINE.e164()).hasMessageContaining("IVR")
                .hasMessageContaining("unassignAndRelease");
        assertThat(harness.carrier().requestCount(RequestKind.RELEASE)).isZero();
        assertThat(harness.carrier().owned(LINE)).isPresent();

        alianza.unassignAndRelease(LINE);
        assertThat(harness.carrier().owned(LINE)).isEmpty();
        assertThat(harness.carrier().releases()).containsExactly(LINE);
        assertThat(harness.simulator().isAssigned(LINE)).isFalse();
    }

    @Test
    void directoryListingCallerIdNameAndE911AreConfigured() {
        harness.carrier().own(LINE, null);
        OwnedNumber listed = alianza.updateDirectoryListing(LINE, DirectoryListing.listed("Riverside Dental", "48 Hawley St, Binghamton, NY"));
        assertThat(listed.attributes()).containsEntry("directoryListing.listed", "true")
                .containsEntry("directoryListing.name", "Riverside Dental");
        assertThat(alianza.directoryListing(LINE)).contains(DirectoryListing.listed("Riverside Dental", "48 Hawley St, Binghamton, NY"));
        alianza.updateDirectoryListing(LINE, DirectoryListing.unlisted());
        assertThat(alianza.directoryListing(LINE)).contains(DirectoryListing.unlisted());

        OwnedNumber updated = provider.inventory().update(LINE, NumberUpdate.builder().callerIdName("DENTAL DESK").e911Address(HAWLEY_ST).build());
        assertThat(updated.callerIdName()).contains("DENTAL DESK");
        assertThat(updated.e911Address()).contains(HAWLEY_ST);
        assertThatThrownBy(() -> DirectoryListing.listed(" ", null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("directoryListing.name");
        assertThatThrownBy(() -> provider.inventory().update(LINE, NumberUpdate.builder().e911Address(new E911Address("Maple Leaf Co",
                new Address("1 Main St", java.util.Optional.empty(), "Toronto", "ON", "M5V 1A1", "CA"))).build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("update.e911Address.address.country");
    }

    @Test
    void extensionsOtherThanAlianzasAreUnsupported() {
        assertThat(provider.unwrap(AlianzaExtensions.class)).isSameAs(alianza);
        assertThatThrownBy(() -> provider.unwrap(Runnable.class)).isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("alianza");
    }

    // ---- the guide's shapes -------------------------------------------------------------------

    /** Our own details fixture, in the shape of the guide's number details answer. */
    private static final String DETAILS = """
            {"telephoneNumber":"+16075550199","formatted":"(607) 555-0199","npa":"607","nxx":"555","status":"ACTIVE",
             "accountId":"acc_fixture","assignedTo":"user_fixture","assignmentType":"END_USER",
             "e911":{"registered":true,"address":{"street":"10 Court St","city":"Binghamton","state":"NY","zipCode":"13901",
             "location":"Floor 2"}},
             "directoryListing":{"listed":true,"name":"Fixture Bakery","address":"10 Court St, Binghamton, NY"},
             "callerIdName":"FIXTURE BAKERY"}
            """;

    @Test
    void theGuidesShapesAreReadInFull() throws Exception {
        var mapper = RestClient.newMapper();
        OwnedNumber number = AlianzaNumbers.owned(mapper.readValue(DETAILS, NumberDetails.class));
        assertThat(number.id()).isEqualTo("+16075550199");
        assertThat(number.callerIdName()).contains("FIXTURE BAKERY");
        assertThat(number.e911Address()).as("named after the listing when the address carries no name").contains(new E911Address(
                "Fixture Bakery", Address.us("10 Court St", "Binghamton", "NY", "13901").withUnit("Floor 2")));
        assertThat(number.attributes()).containsEntry("assignedTo", "user_fixture").containsEntry("formatted", "(607) 555-0199")
                .containsEntry("directoryListing.address", "10 Court St, Binghamton, NY");
        assertThat(AlianzaNumbers.assignment(mapper.readValue(DETAILS, NumberDetails.class)))
                .contains(new Assignment.EndUser("user_fixture", false));

        AvailableNumber offer = AlianzaNumbers.offer(mapper.readValue("""
                {"telephoneNumbers":[{"telephoneNumber":"+16075550188","formatted":"(607) 555-0188","npa":"607","nxx":"555",
                "line":"0188","rateCenter":"BINGHAMTON","state":"NY","lata":"999","available":true}]}""", SearchResult.class)
                .telephoneNumbers().get(0));
        assertThat(offer.rateCenter()).contains("BINGHAMTON");
        assertThat(offer.attributes()).containsEntry("lata", "999").containsEntry("line", "0188");

        PurchaseOrder order = AlianzaPurchaser.order(mapper.readValue("""
                {"orderId":"ord_fixture","status":"COMPLETED","telephoneNumbers":[{"telephoneNumber":"+16075550188",
                "status":"ACTIVE","accountId":"acc_fixture","orderedDate":"2026-01-05T09:00:00Z"}]}""", Order.class), List.of());
        assertThat(order.id()).isEqualTo("ord_fixture");
        assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(order.purchased()).extracting(PhoneNumber::e164).containsExactly("+16075550188");
        assertThat(order.createdAt()).contains(Instant.parse("2026-01-05T09:00:00Z"));

        PortOrder port = AlianzaPorting.portOrder(mapper.readValue("""
                {"portRequestId":"port_fixture","status":"PENDING","telephoneNumbers":["+16075550177"],
                "submittedDate":"2026-01-05T09:00:00Z","requestedDate":"2026-01-20","estimatedCompletionDate":"2026-01-20"}""",
                Port.class));
        assertThat(port.id()).isEqualTo("port_fixture");
        assertThat(port.requestedDate()).isEqualTo(LocalDate.parse("2026-01-20"));
        assertThat(port.attributes()).containsEntry("estimatedCompletionDate", "2026-01-20");
    }

    // ---- errors and secrets -------------------------------------------------------------------

    private static final String LIVE_TOKEN = "alz-live-6d5c4b3a2918";
    private final AlianzaErrors errors = new AlianzaErrors(() -> List.of(Secret.of("auth-token", LIVE_TOKEN)));

    private TelephonyException translate(HttpRequest request, int status, String body) {
        HttpResponse response = new HttpResponse(status, Map.of("Retry-After", List.of("5")), body.getBytes(StandardCharsets.UTF_8));
        return errors.translate(request, response, ErrorContext.of("alianza").withHttpStatus(status),
                RetryAfter.parse(response.header("Retry-After"), harness.clock()),
                new Redactor(List.of(Secret.of("t", AlianzaHarness.TOKEN), Secret.of("p", AlianzaHarness.PASSWORD))));
    }

    private static HttpRequest order(String json) {
        return HttpRequest.post("/v2/partition/p/telephone-number/order").body(json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    @Test
    void errorBodiesAndPlainStatusesAreMapped() {
        assertThat(translate(order("{\"telephoneNumbers\":[\"+12125550100\"]}"), 400,
                "{\"status\":400,\"messages\":[\"TelephoneNumberNotAvailable\"],\"data\":{\"telephoneNumbers\":[\"+12125550100\"]}}"))
                .isInstanceOfSatisfying(NumberNotAvailableException.class, e -> {
                    assertThat(e.numbers()).extracting(PhoneNumber::e164).containsExactly("+12125550100");
                    assertThat(e.providerCode()).contains("TelephoneNumberNotAvailable");
                });
        assertThat(translate(order("{\"telephoneNumbers\":[\"+12125550101\"]}"), 409,
                "{\"status\":409,\"messages\":[\"number already taken by another account\"],\"data\":{}}"))
                .isInstanceOfSatisfying(NumberNotAvailableException.class,
                        e -> assertThat(e.numbers()).extracting(PhoneNumber::e164).containsExactly("+12125550101"));
        assertThat(translate(HttpRequest.delete("/v2/partition/p/telephone-number/port/x"), 409,
                "{\"status\":409,\"messages\":[\"port x is APPROVED\"],\"data\":{}}")).isInstanceOf(ConflictException.class);
        assertThat(translate(HttpRequest.put("/v2/partition/p/telephone-number/+1"), 400,
                "{\"status\":400,\"messages\":[\"callerIdName is too long\"],\"data\":{\"callerIdName\":\"at most 15 characters\"}}"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("callerIdName"));
        assertThat(translate(HttpRequest.get("/x"), 422, "{\"status\":422,\"messages\":[\"Unprocessable\"]}"))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(translate(HttpRequest.get("/x"), 401, "{\"status\":401,\"messages\":[\"Expired Auth Token\"],\"data\":{}}"))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("Expired Auth Token");
        assertThat(translate(HttpRequest.get("/x"), 404, "")).isInstanceOf(NotFoundException.class).hasMessageContaining("HTTP 404");
        assertThat(translate(HttpRequest.get("/x"), 429, ""))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(5)));
        assertThat(translate(HttpRequest.get("/x"), 503, "<html>down</html>")).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("down");
    }

    @Test
    void secretsNeverReachMessagesOrToString() {
        String echo = "{\"status\":400,\"messages\":[\"bad token " + LIVE_TOKEN + " / " + AlianzaHarness.TOKEN + " / "
                + AlianzaHarness.PASSWORD + " / pin 97531864\"],\"data\":{\"pin\":\"97531864\",\"note\":\"" + LIVE_TOKEN + "\"}}";
        HttpRequest port = HttpRequest.post("/v2/partition/p/telephone-number/port")
                .body("{\"pin\":\"97531864\",\"accountNumber\":\"1\"}".getBytes(StandardCharsets.UTF_8), "application/json");
        TelephonyException mapped = translate(port, 400, echo);
        assertThat(mapped.getMessage()).doesNotContain(LIVE_TOKEN).doesNotContain(AlianzaHarness.TOKEN)
                .doesNotContain(AlianzaHarness.PASSWORD).doesNotContain("97531864");
        assertThat(translate(HttpRequest.get("/x"), 502, "<html>" + LIVE_TOKEN + " down</html>").getMessage())
                .doesNotContain(LIVE_TOKEN).contains("down");

        Fixtures.seedStandardOffer(harness.carrier());
        TelephonyProvider p = loggingIn(AlianzaHarness.PASSWORD);
        p.inventory().search(in212());
        String issued = harness.simulator().issuedTokens().iterator().next();
        harness.faults().injectOnce(RequestKind.READ, dev.telephony.testkit.carrier.Fault.malformedBody());
        assertThatThrownBy(() -> p.inventory().search(in212()))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(issued).doesNotContain(AlianzaHarness.PASSWORD));
        for (Object shown : List.of(p, provider, new Login("robot", AlianzaHarness.PASSWORD),
                new LoginToken(issued, "u", "AccountUser", "p", "a", "robot"))) {
            assertThat(shown.toString()).doesNotContain(issued).doesNotContain(AlianzaHarness.PASSWORD).doesNotContain(AlianzaHarness.TOKEN);
        }
    }

    // ---- issue 11: what an order's answer leaves out, reconciliation reads, log-ins around a purchase ----

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = RestClient.newMapper();
    private static final PhoneNumber NEVER_OFFERED = PhoneNumber.of("+12126009999");

    private PhoneNumber anAvailableNumber() {
        return harness.carrier().seed().areaCode("212").exchange("600").firstLine(100).count(3).add().get(0).number();
    }

    /** An order's answer without its lines, as the guide's order answer would be without {@code telephoneNumbers}. */
    private static SimResponse withoutLines(SimRequest request, SimResponse answer) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(answer.body());
            body.remove("telephoneNumbers");
            return SimResponse.json(answer.status(), body.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.function.Predicate<SimRequest> orderReadBack() {
        return r -> r.method().equals("GET") && r.segments().size() == 6 && r.segments().get(4).equals("order");
    }

    @Test
    void aFinishedOrderReadBackWithoutItsLinesIsSettledByTheNumbersRecordsEvenAfterARestart() {
        PhoneNumber available = anAvailableNumber();
        PurchaseOrder placed = provider.purchaser().purchase(PurchaseRequest.of(available, NEVER_OFFERED));
        assertThat(placed.status()).isEqualTo(PurchaseStatus.PENDING);
        harness.simulator().rewrite(orderReadBack(), AlianzaWireTest::withoutLines, Integer.MAX_VALUE);
        harness.clock().advance(Duration.ofSeconds(10));

        PurchaseOrder done = harness.reconnect().purchaser().await(placed.id(), Duration.ofMinutes(1));
        assertThat(done.status()).as("a completed order is never reported failed for want of lines").isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(done.purchased()).containsExactly(available);
        assertThat(done.failures()).singleElement().satisfies(f -> {
            assertThat(f.number()).isEqualTo(NEVER_OFFERED);
            assertThat(f.reason()).contains("does not have it");
        });
        assertThat(harness.carrier().owned(available)).isPresent();
    }

    @Test
    void anOrderIsFollowedByAlianzasOwnOrderIdTooWhenItsAnswerNamesItsNumbers() {
        PhoneNumber available = anAvailableNumber();
        PurchaseOrder placed = provider.purchaser().purchase(PurchaseRequest.of(available));
        String alianzas = placed.attributes().get("orderId");
        assertThat(placed.id()).startsWith(AlianzaPurchaser.ORDER).isNotEqualTo(alianzas);
        harness.clock().advance(Duration.ofSeconds(10));

        PurchaseOrder done = harness.reconnect().purchaser().await(alianzas, Duration.ofMinutes(1));
        assertThat(done.id()).as("the id it was followed by").isEqualTo(alianzas);
        assertThat(done.purchased()).containsExactly(available);

        harness.simulator().rewrite(orderReadBack(), AlianzaWireTest::withoutLines, 1);
        assertThatThrownBy(() -> provider.purchaser().order(alianzas))
                .as("without the numbers in the id or the answer, what was bought cannot be told")
                .isInstanceOf(dev.telephony.api.error.ProtocolException.class);
        assertThat(provider.purchaser().order(placed.id())).hasValueSatisfying(o -> assertThat(o.id()).isEqualTo(placed.id()));
    }

    @Test
    void aCompletedOrderAnsweredWithoutLinesReportsBoughtOnlyWhatTheAccountHas() {
        PhoneNumber available = anAvailableNumber();
        harness.simulator().completeOrdersAtOnce(true)
                .rewrite(AlianzaSimulator.request("POST", "telephone-number", "order"), AlianzaWireTest::withoutLines, 1);

        PurchaseOrder order = provider.purchaser().purchase(PurchaseRequest.of(available, NEVER_OFFERED));
        assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(order.purchased()).as("the carrier bought only one of the two").containsExactly(available);
        assertThat(order.failures()).extracting(PurchaseFailure::number).containsExactly(NEVER_OFFERED);
        assertThat(provider.purchaser().order(order.id())).hasValueSatisfying(o -> assertThat(o.purchased()).containsExactly(available));
    }

    @Test
    void aNumbersRecordThatIsNotInTheDocumentedShapeIsNeverTakenForNotBought() {
        PhoneNumber available = anAvailableNumber();
        harness.simulator().completeOrdersAtOnce(true)
                .answer(AlianzaSimulator.request("GET", "telephone-number", available.e164()), 200,
                        "{\"status\":200,\"messages\":[\"TemporarilyUnavailable\"],\"data\":{}}");
        harness.faults().injectOnce(RequestKind.PURCHASE, Fault.resetAfterCommit());

        assertThatThrownBy(() -> provider.purchaser().purchase(PurchaseRequest.of(available)))
                .isInstanceOfSatisfying(PurchaseOutcomeUnknownException.class, e -> assertThat(e.numbers()).containsExactly(available));
        assertThat(harness.carrier().requestCount(RequestKind.PURCHASE)).as("the order is not sent again").isEqualTo(1);
        assertThat(harness.carrier().repeatedPurchases()).isEmpty();
        assertThat(harness.carrier().owned(available)).isPresent();
    }

    @Test
    void aReconciliationReadIsARetriedReadThatLogsInAgainAsPartOfItself() {
        PhoneNumber available = anAvailableNumber();
        harness.simulator().completeOrdersAtOnce(true);
        harness.faults().injectOnce(RequestKind.PURCHASE, Fault.resetAfterCommit())
                .injectAt(RequestKind.READ, 1, Fault.unauthorized()).injectAt(RequestKind.READ, 2, Fault.serverError());

        PurchaseOrder order = provider.purchaser().purchase(PurchaseRequest.of(available));
        assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(order.purchased()).containsExactly(available);
        assertThat(harness.carrier().requestCount(RequestKind.AUTH)).as("the 401 on the read logged in within that read").isEqualTo(1);
        assertThat(harness.carrier().requestCount(RequestKind.PURCHASE)).isEqualTo(1);
    }

    @Test
    void aLogInThatFailsBeforeAPurchaseIsSentFailsWithNothingSentAndNothingToReconcile() {
        PhoneNumber available = anAvailableNumber();
        TelephonyProvider p = loggingIn(AlianzaHarness.PASSWORD);
        harness.faults().inject(RequestKind.AUTH, Fault.serverError(), 10);

        assertThatThrownBy(() -> p.purchaser().purchase(PurchaseRequest.of(available)))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.httpStatus()).hasValue(503));
        assertThat(harness.carrier().requestCount(RequestKind.PURCHASE)).isZero();
        assertThat(harness.carrier().requestCount(RequestKind.READ)).as("nothing was sent, so nothing is read back").isZero();
        assertThat(harness.carrier().owned(available)).isEmpty();
    }

    @Test
    void aPurchaseRefusedWith401IsSentAgainOnlyAfterALogInOutsideTheSend() {
        PhoneNumber first = anAvailableNumber();
        harness.simulator().completeOrdersAtOnce(true).expireAllTokens();
        harness.faults().injectOnce(RequestKind.AUTH, Fault.malformedBody());

        assertThatThrownBy(() -> provider.purchaser().purchase(PurchaseRequest.of(first)))
                .as("the 401 did nothing and the log-in failed: the log-in's error, with nothing bought")
                .isInstanceOf(dev.telephony.api.error.ProtocolException.class).hasMessageContaining("log-in")
                .isNotInstanceOf(PurchaseOutcomeUnknownException.class);
        assertThat(harness.carrier().requestCount(RequestKind.PURCHASE)).isEqualTo(1);
        assertThat(harness.carrier().requestCount(RequestKind.READ)).as("no reconciliation: the order was refused").isZero();
        assertThat(harness.carrier().owned(first)).isEmpty();

        PurchaseOrder order = provider.purchaser().purchase(PurchaseRequest.of(first));
        assertThat(order.purchased()).containsExactly(first);
        assertThat(harness.carrier().requestCount(RequestKind.PURCHASE)).as("refused with 401, then sent once more").isEqualTo(3);
        assertThat(harness.carrier().requestCount(RequestKind.AUTH)).isEqualTo(2);
        assertThat(harness.carrier().requestCount(RequestKind.READ)).isZero();
        assertThat(harness.carrier().timesBought(first)).isEqualTo(1);
    }

    @Test
    void aReleaseRefusedWith401IsSentAgainOnlyAfterALogInOutsideTheSend() {
        harness.carrier().own(LINE, null);
        harness.faults().injectOnce(RequestKind.RELEASE, Fault.unauthorized()).injectOnce(RequestKind.AUTH, Fault.malformedBody());
        int reads = harness.carrier().requestCount(RequestKind.READ);

        assertThatThrownBy(() -> provider.inventory().release(LINE))
                .as("the 401 did nothing and the log-in failed: the log-in's error, the number still the account's")
                .isInstanceOf(dev.telephony.api.error.ProtocolException.class).hasMessageContaining("log-in")
                .isNotInstanceOf(dev.telephony.api.error.OutcomeUnknownException.class);
        assertThat(harness.carrier().owned(LINE)).isPresent();
        assertThat(harness.carrier().requestCount(RequestKind.RELEASE)).isEqualTo(1);
        assertThat(harness.carrier().requestCount(RequestKind.READ) - reads).as("the record read before the release, no reconciliation")
                .isEqualTo(1);

        provider.inventory().release(LINE);
        assertThat(harness.carrier().owned(LINE)).isEmpty();
        assertThat(harness.carrier().requestCount(RequestKind.RELEASE)).isEqualTo(2);
        assertThat(harness.carrier().releases()).containsExactly(LINE);
    }

    // ---- issue 12: the account's list, Alianza's own words, what every error carries ------------

    private List<PhoneNumber> own(int count) {
        List<PhoneNumber> owned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PhoneNumber number = PhoneNumber.of("+1646555" + String.format("%04d", 1000 + i));
            harness.carrier().own(number, null);
            owned.add(number);
        }
        return owned;
    }

    private List<SimRequest> listRequests() {
        return harness.simulator().requests().stream().filter(AlianzaSimulator.request("GET", ACCOUNT_NUMBERS)).toList();
    }

    private static final String[] ACCOUNT_NUMBERS = {"account", AlianzaHarness.ACCOUNT, "telephone-number"};

    @Test
    void theAccountsNumbersAreAskedForOnceWithoutPagingParametersAndServedInPages() {
        List<PhoneNumber> owned = own(130);
        List<dev.telephony.api.Page<OwnedNumber>> pages = new ArrayList<>();
        provider.inventory().list(dev.telephony.api.ListQuery.builder().pageSize(50).build()).pages().forEach(pages::add);

        assertThat(pages).extracting(pg -> pg.items().size()).containsExactly(50, 50, 30);
        assertThat(pages.stream().flatMap(pg -> pg.items().stream()).map(OwnedNumber::number).toList())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(owned);
        assertThat(listRequests()).as("one answer holds every number").hasSize(1)
                .allSatisfy(r -> assertThat(r.query()).as("no paging parameter the documents do not define").isEmpty());
    }

    @Test
    void aListingResumesAfterTheLastNumberOfItsPageWhateverChangedMeanwhile() {
        List<PhoneNumber> owned = own(120);
        dev.telephony.api.ListQuery query = dev.telephony.api.ListQuery.builder().pageSize(50).build();
        dev.telephony.api.Page<OwnedNumber> first = provider.inventory().list(query).firstPage();
        String token = first.nextToken().orElseThrow();
        // the listing's token wraps Alianza's: the last number of the page
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(first.items().get(49).number().e164());

        harness.carrier().release(owned.get(3));
        harness.carrier().release(owned.get(80));
        PhoneNumber before = PhoneNumber.of("+16465550500");
        PhoneNumber after = PhoneNumber.of("+16465559999");
        harness.carrier().own(before, null);
        harness.carrier().own(after, null);

        List<PhoneNumber> rest = harness.reconnect().inventory().list(query).resumeFrom(token).stream().map(OwnedNumber::number).toList();
        List<PhoneNumber> expected = new ArrayList<>(owned.subList(50, 120));
        expected.remove(owned.get(80));
        expected.add(after);
        assertThat(rest).containsExactlyElementsOf(expected);

        int before2 = harness.carrier().requestCount();
        assertThatThrownBy(() -> provider.inventory().list(query).resumeFrom("50").firstPage())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("continuationToken");
        assertThat(harness.carrier().requestCount()).isEqualTo(before2);
    }

    @Test
    void a422KeepsAlianzasOwnWordsAndDataOnlyNamesTheField() {
        Fixtures.seedStandardOffer(harness.carrier());
        harness.simulator().answer(AlianzaSimulator.request("GET", "telephone-number", "search"), 422,
                "{\"status\":422,\"messages\":[\"Invalid search term supplied\"],\"data\":{\"npa\":\"212\"}}");

        assertThatThrownBy(() -> provider.inventory().search(in212()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(422);
                    assertThat(e.fieldErrors()).containsExactly(new dev.telephony.api.error.FieldError("npa", "Invalid search term supplied"));
                })
                .hasMessageContaining("Invalid search term supplied");
    }

    /** Every answer of {@code which} carries a request id, as a gateway in front of Alianza may add one. */
    private void requestIds(java.util.function.Predicate<SimRequest> which) {
        harness.simulator().rewrite(which, (r, a) -> a.withHeader("X-Request-Id", "alz-req-4711"), Integer.MAX_VALUE);
    }

    @Test
    void aRefusedPurchaseCarriesAlianzasStatusCodeMessageAndRequestId() {
        requestIds(AlianzaSimulator.request("POST", "telephone-number", "order"));
        assertThatThrownBy(() -> provider.purchaser().purchase(PurchaseRequest.of(NEVER_OFFERED)))
                .isInstanceOfSatisfying(NumberNotAvailableException.class, e -> {
                    assertThat(e.numbers()).containsExactly(NEVER_OFFERED);
                    assertThat(e.httpStatus()).hasValue(400);
                    assertThat(e.providerCode()).contains("TelephoneNumberNotAvailable");
                    assertThat(e.requestId()).contains("alz-req-4711");
                })
                .hasMessageContaining("the number cannot be ordered: it is not available");
    }

    @Test
    void everyErrorBuiltFromAnAnswerCarriesItsStatusCodeMessageAndRequestId() {
        harness.carrier().own(LINE, null);
        harness.simulator().answer(AlianzaSimulator.request("PUT", "ivr", "ivr_main", "telephone-number"), 409,
                "{\"status\":409,\"messages\":[\"TelephoneNumberInUse\",\"the number rings at user_1\"],\"data\":{}}");
        harness.simulator().answer(AlianzaSimulator.request("GET", "telephone-number", "search"), 503,
                "{\"status\":503,\"messages\":[\"MaintenanceWindow\",\"back at 02:00 UTC\"],\"data\":{}}");
        harness.simulator().answer(AlianzaSimulator.request("PUT", "telephone-number", LINE.e164()), 400,
                "{\"status\":400,\"messages\":[\"callerIdName must be 15 characters or fewer\"],\"data\":{\"callerIdName\":\"DENTAL DESK\"}}");
        requestIds(r -> true);
        assertThatThrownBy(() -> alianza.assignToIvr(LINE, "ivr_main"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(409);
                    assertThat(e.providerCode()).contains("TelephoneNumberInUse");
                    assertThat(e.requestId()).contains("alz-req-4711");
                })
                .hasMessageContaining("the number rings at user_1");

        assertThatThrownBy(() -> provider.inventory().search(in212()))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(503);
                    assertThat(e.providerCode()).contains("MaintenanceWindow");
                    assertThat(e.requestId()).contains("alz-req-4711");
                })
                .hasMessageContaining("back at 02:00 UTC");

        assertThatThrownBy(() -> provider.inventory().update(LINE, NumberUpdate.builder().callerIdName("DENTAL DESK").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(400);
                    assertThat(e.requestId()).contains("alz-req-4711");
                    assertThat(e.fieldErrors()).containsExactly(new dev.telephony.api.error.FieldError("callerIdName",
                            "callerIdName must be 15 characters or fewer"));
                });
    }

    @Test
    void aLogInRefusedWithAnyOfTheOpenApisStatusesIsAnAuthenticationError() {
        Fixtures.seedStandardOffer(harness.carrier());
        for (int status : new int[] {400, 404}) {
            harness.simulator().rewrite(AlianzaSimulator.request("POST", "v2", "authorize"), (r, a) -> SimResponse.json(status,
                    "{\"status\":" + status + ",\"messages\":[\"User not found\"],\"data\":{}}"), 1);
            TelephonyProvider p = loggingIn(AlianzaHarness.PASSWORD);
            assertThatThrownBy(() -> p.inventory().search(in212()))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.httpStatus()).hasValue(status))
                    .hasMessageContaining("log-in was refused").hasMessageContaining("User not found");
        }
        assertThat(harness.carrier().requestCount(RequestKind.READ)).isZero();
    }

    // ---- issue 13: every answer checked for its documented shape ------------------------------

    private void answerOnce(java.util.function.Predicate<SimRequest> which, SimResponse response) {
        harness.simulator().rewrite(which, (r, a) -> response, 1);
    }

    @Test
    void misshapenOrErrorShapedSearchAnswersAreProtocolErrorsNeverEmptyResults() {
        Fixtures.seedStandardOffer(harness.carrier());
        java.util.function.Predicate<SimRequest> search = AlianzaSimulator.request("GET", "telephone-number", "search");
        List<SimResponse> broken = List.of(
                SimResponse.json(200, "{\"error\":\"search backend down\"}"),
                SimResponse.json(200, "{\"errors\":[{\"message\":\"search backend down\"}]}"),
                SimResponse.json(200, "{\"status\":500,\"messages\":[\"search backend down\"],\"data\":{}}"),
                SimResponse.json(200, "{}"),
                SimResponse.json(200, "{\"telephoneNumbers\":null}"),
                SimResponse.json(200, "{\"telephoneNumbers\":{\"telephoneNumber\":\"+12125550100\"}}"),
                SimResponse.json(200, "[]"),
                SimResponse.json(200, "{\"telephoneNumbers\":[{\"telephoneNumber\":12125550100}]}"),
                SimResponse.json(200, "{\"telephoneNumbers\":[{\"formatted\":\"(212) 555-0100\"}]}"),
                SimResponse.json(200, "{\"telephoneNumbers\":[{\"telephoneNumber\":\"+1212555010A\"}]}"),
                SimResponse.json(200, "{\"telephoneNumbers\":[{\"telephoneNumber\":\"+12125550100\",\"available\":\"yes\"}]}"),
                SimResponse.json(200, "{\"telephoneNumbers\":[{\"telephoneNumber\":\"+12125550100\"}"),
                new SimResponse(200, Map.of("Content-Type", "text/html"), "<html><body>Service Unavailable</body></html>"),
                SimResponse.empty(200));
        for (SimResponse answer : broken) {
            answerOnce(search, answer);
            assertThatThrownBy(() -> provider.inventory().search(in212())).as(answer.body())
                    .isInstanceOfSatisfying(dev.telephony.api.error.ProtocolException.class, e -> {
                        assertThat(e.httpStatus()).hasValue(200);
                        assertThat(e.getMessage()).doesNotContain(AlianzaHarness.TOKEN).doesNotContain(AlianzaHarness.PASSWORD);
                    });
        }
        assertThat(provider.inventory().search(in212())).as("the simulator's own answer still reads").hasSize(3);
    }

    @Test
    void aNumbersRecordMustNameTheNumberAnAccountAndAStatus() {
        harness.carrier().own(LINE, null);
        java.util.function.Predicate<SimRequest> details = AlianzaSimulator.request("GET", "telephone-number", LINE.e164());
        List<String> broken = List.of(
                "{\"status\":200,\"messages\":[\"ok\"],\"data\":{}}",
                "{\"error\":\"not now\"}",
                "{\"telephoneNumber\":\"" + LINE.e164() + "\",\"status\":\"ACTIVE\"}",
                "{\"telephoneNumber\":\"" + LINE.e164() + "\",\"accountId\":7,\"status\":\"ACTIVE\"}",
                "{\"telephoneNumber\":\"+16075550000\",\"accountId\":\"" + AlianzaHarness.ACCOUNT + "\",\"status\":\"ACTIVE\"}",
                "{\"telephoneNumber\":\"+1607123458\",\"accountId\":\"" + AlianzaHarness.ACCOUNT + "\",\"status\":\"ACTIVE\"}",
                "{\"telephoneNumber\":\"" + LINE.e164() + "\",\"accountId\":\"" + AlianzaHarness.ACCOUNT
                        + "\",\"status\":\"ACTIVE\",\"primary\":\"maybe\"}");
        for (String body : broken) {
            answerOnce(details, SimResponse.json(200, body));
            assertThatThrownBy(() -> provider.inventory().get(LINE)).as(body)
                    .isInstanceOf(dev.telephony.api.error.ProtocolException.class);
        }
        answerOnce(details, SimResponse.json(200, "{\"telephoneNumber\":\"" + LINE.e164() + "\",\"accountId\":\"acc_other\",\"status\":\"ACTIVE\"}"));
        assertThat(provider.inventory().get(LINE)).as("another account's number is not ours").isEmpty();
        assertThat(provider.inventory().get(LINE)).isPresent();
    }

    @Test
    void misshapenListPortAndLogInAnswersAreProtocolErrors() {
        own(3);
        java.util.function.Predicate<SimRequest> list = AlianzaSimulator.request("GET", ACCOUNT_NUMBERS);
        for (String body : List.of("{\"error\":\"x\"}", "{\"telephoneNumbers\":[]}", "[{\"formatted\":\"(646) 555-1000\"}]",
                "[{\"telephoneNumber\":\"12\"}]", "[\"+16465551000\"]")) {
            answerOnce(list, SimResponse.json(200, body));
            assertThatThrownBy(() -> provider.inventory().list().stream().toList()).as(body)
                    .isInstanceOf(dev.telephony.api.error.ProtocolException.class);
        }
        assertThat(provider.inventory().list().stream()).hasSize(3);

        PhoneNumber number = PhoneNumber.of("+16075550106");
        harness.carrier().portable(number, "AT&T", "BUSINESS", 7);
        answerOnce(AlianzaSimulator.request("GET", "port", "check"), SimResponse.json(200, "{\"status\":200,\"messages\":[\"busy\"]}"));
        assertThatThrownBy(() -> provider.porting().checkPortability(number)).as("never 'not portable'")
                .isInstanceOf(dev.telephony.api.error.ProtocolException.class);
        answerOnce(AlianzaSimulator.request("GET", "port", "check"), SimResponse.json(200, "{\"telephoneNumber\":\"+16075550106\",\"portable\":\"no\"}"));
        assertThatThrownBy(() -> provider.porting().checkPortability(number)).isInstanceOf(dev.telephony.api.error.ProtocolException.class);
        assertThat(provider.porting().checkPortability(number).portable()).isTrue();

        answerOnce(AlianzaSimulator.request("POST", "telephone-number", "port"),
                SimResponse.json(200, "{\"portRequestId\":\"port_1\",\"status\":\"PENDING\",\"telephoneNumbers\":[\"+1\"],\"requestedDate\":\"2026-01-20\"}"));
        assertThatThrownBy(() -> provider.porting().submit(Fixtures.portRequest(harness, number, 10)))
                .as("Alianza's malformed number is Alianza's fault, not the caller's")
                .isInstanceOf(dev.telephony.api.error.ProtocolException.class).isNotInstanceOf(InvalidRequestException.class);

        Fixtures.seedStandardOffer(harness.carrier());
        answerOnce(AlianzaSimulator.request("POST", "v2", "authorize"), SimResponse.json(200,
                "{\"status\":200,\"messages\":[\"password expires soon\"],\"data\":{\"authToken\":\"alz-leaked-token-1\"}}"));
        TelephonyProvider p = loggingIn(AlianzaHarness.PASSWORD);
        assertThatThrownBy(() -> p.inventory().search(in212())).isInstanceOf(dev.telephony.api.error.ProtocolException.class)
                .hasMessageContaining("authToken").satisfies(e -> assertThat(e.getMessage()).doesNotContain("alz-leaked-token-1"));
    }

    @Test
    void anOrderAnswerWithAnUnreadableDateIsReconciledFromTheRecordsNotTrusted() {
        PhoneNumber available = anAvailableNumber();
        harness.simulator().completeOrdersAtOnce(true).rewrite(AlianzaSimulator.request("POST", "telephone-number", "order"),
                (r, a) -> SimResponse.json(a.status(), a.body().replaceAll("\"orderedDate\":\"[^\"]*\"", "\"orderedDate\":\"yesterday\"")), 1);

        PurchaseOrder order = provider.purchaser().purchase(PurchaseRequest.of(available));
        assertThat(order.purchased()).containsExactly(available);
        assertThat(order.id()).as("established from the number's record").startsWith(AlianzaPurchaser.RECEIPT);
        assertThat(harness.carrier().requestCount(RequestKind.PURCHASE)).isEqualTo(1);
    }
}
