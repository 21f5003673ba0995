package dev.telephony.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Capability;
import dev.telephony.api.NumberSearch;
import dev.telephony.api.NumberUpdate;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PurchaseRequest;
import dev.telephony.api.Route;
import dev.telephony.api.error.HoldExpiredException;
import dev.telephony.api.error.InvalidRequestException;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bad input is refused with a message naming the field and the rule, before any request reaches the carrier. */
public interface InputValidationContract extends ProviderContract {

    private static void refused(ProviderHarness h, ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(InvalidRequestException.class).hasMessageContaining(field);
        assertThat(h.carrier().requestCount()).as("requests that reached the carrier").isZero();
    }

    @Test
    default void invalidPhoneNumbersAreRefused(ProviderHarness h) {
        refused(h, () -> PhoneNumber.of("2125551234"), "phoneNumber");
        refused(h, () -> PhoneNumber.of("+0125551234"), "E.164");
        refused(h, () -> PhoneNumber.of("+1212555123456789"), "15 digits");
        refused(h, () -> PhoneNumber.parse("(212) 555-1234", null), "default region");
    }

    @Test
    default void searchOutOfRangeIsRefused(ProviderHarness h) {
        refused(h, () -> h.provider().inventory().search(NumberSearch.builder().country("US").limit(0).build()), "search.limit");
        refused(h, () -> h.provider().inventory().search(NumberSearch.builder().country("US").limit(101).build()), "search.limit");
        refused(h, () -> NumberSearch.builder().country("USA").build(), "search.country");
        refused(h, () -> NumberSearch.builder().country("US").areaCode("21a"), "search.areaCode");
        refused(h, () -> NumberSearch.builder().country("US").areaCode("112").build(), "search.areaCode");
        refused(h, () -> NumberSearch.builder().country("US").exchange("555").build(), "search.exchange");
    }

    @Test
    default void badUpdatesAreRefused(ProviderHarness h) {
        refused(h, () -> NumberUpdate.builder().name("  "), "update.name");
        refused(h, () -> NumberUpdate.builder().build(), "update");
        refused(h, () -> Route.to("ftp://example.com/voice"), "route.url");
        refused(h, () -> Route.to("/relative/path"), "route.url");
        refused(h, () -> NumberUpdate.builder().callerIdName("ACME SUPPORT TEAM"), "update.callerIdName");
        refused(h, () -> NumberUpdate.builder().callerIdName("Acme & Co"), "update.callerIdName");
    }

    @Test
    default void badPurchasesAreRefused(ProviderHarness h) {
        PhoneNumber number = PhoneNumber.of("+12125550100");
        refused(h, () -> PurchaseRequest.of(number, number), "purchase.numbers[1]");
        refused(h, () -> PurchaseRequest.of(number).withName(""), "purchase.name");
        refused(h, () -> PurchaseRequest.of(number).withReference("has spaces"), "purchase.reference");
    }

    @Test
    @RequiresCapability(Capability.PURCHASE)
    default void purchaseOfAnOfferWhoseHoldExpiredIsRefusedBeforeAnyRequest(ProviderHarness h) {
        AvailableNumber stale = AvailableNumber.builder(PhoneNumber.of("+12125550100"))
                .holdExpiresAt(h.clock().instant().minus(Duration.ofSeconds(1))).build();
        assertThatThrownBy(() -> h.provider().purchaser().purchase(PurchaseRequest.of(stale)))
                .isInstanceOf(HoldExpiredException.class)
                .hasMessageContaining("+12125550100")
                .hasMessageContaining("expired");
        assertThat(h.carrier().requestCount()).isZero();
    }

    @Test
    @RequiresCapability(Capability.LIST)
    default void blankContinuationTokenIsRefused(ProviderHarness h) {
        refused(h, () -> h.provider().inventory().list().resumeFrom(" "), "continuationToken");
    }
}
