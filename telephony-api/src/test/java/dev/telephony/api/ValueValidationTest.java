package dev.telephony.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.error.HoldExpiredException;
import dev.telephony.api.error.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The values refuse bad input with the field and the rule, and are immutable. */
class ValueValidationTest {
    private static final PhoneNumber NUMBER = PhoneNumber.of("+12125550100");

    @Test
    void searchLimitsAndFilters() {
        NumberSearch search = NumberSearch.builder().country("us").areaCode("212").exchange("555").contains("0100")
                .features(NumberFeature.SMS).limit(5).build();
        assertThat(search.country()).isEqualTo("US");
        assertThat(search.requiredCapabilities()).containsExactlyInAnyOrder(Capability.SEARCH_LOCAL,
                Capability.SEARCH_BY_AREA_CODE, Capability.SEARCH_BY_EXCHANGE, Capability.SEARCH_CONTAINS,
                Capability.SEARCH_BY_FEATURES);
        assertThat(NumberSearch.builder().country("US").build().limit()).isEqualTo(NumberSearch.DEFAULT_LIMIT);
        assertThatThrownBy(() -> NumberSearch.builder().country("US").limit(101).build())
                .hasMessageContaining("search.limit").hasMessageContaining("between 1 and 100, was 101");
        assertThatThrownBy(() -> NumberSearch.builder().build()).hasMessageContaining("search.country");
        assertThatThrownBy(() -> NumberSearch.builder().country("US").startsWith("12ab"))
                .hasMessageContaining("search.pattern");
        assertThatThrownBy(() -> NumberSearch.builder().country("US").region(" ")).hasMessageContaining("search.region");
        // a later pattern replaces an earlier one rather than silently combining
        assertThat(NumberSearch.builder().country("US").contains("12").endsWith("34").build().pattern().orElseThrow().kind())
                .isEqualTo(DigitPattern.Kind.ENDS_WITH);
    }

    @Test
    void patternsMatchTheNationalNumber() {
        assertThat(new DigitPattern(DigitPattern.Kind.STARTS_WITH, "212").matches(NUMBER)).isTrue();
        assertThat(new DigitPattern(DigitPattern.Kind.STARTS_WITH, "1212").matches(NUMBER)).isFalse();
        assertThat(new DigitPattern(DigitPattern.Kind.ENDS_WITH, "0100").matches(NUMBER)).isTrue();
        assertThat(new DigitPattern(DigitPattern.Kind.CONTAINS, "5550").matches(NUMBER)).isTrue();
    }

    @Test
    void updatesNeedAtLeastOneValidField() {
        assertThatThrownBy(() -> NumberUpdate.builder().build()).hasMessageContaining("at least one field");
        assertThatThrownBy(() -> NumberUpdate.builder().name("x".repeat(65))).hasMessageContaining("update.name")
                .hasMessageContaining("at most 64");
        assertThatThrownBy(() -> NumberUpdate.builder().callerIdName("ACME SUPPORT LINE"))
                .hasMessageContaining("update.callerIdName").hasMessageContaining("at most 15");
        assertThatThrownBy(() -> NumberUpdate.builder().callerIdName("acme")).hasMessageContaining("capital");
        assertThatThrownBy(() -> Route.to("mailto:ops@example.com")).hasMessageContaining("route.url");
        assertThatThrownBy(() -> Route.to("https://")).hasMessageContaining("route.url");
        assertThatThrownBy(() -> Route.to("https://example.com/a").withFallback("ftp://example.com", WebhookMethod.POST))
                .hasMessageContaining("route.fallbackUrl");
        NumberUpdate update = NumberUpdate.builder().name("Sales").callerIdName("ACME SALES").build();
        assertThat(update.requiredCapabilities()).containsExactlyInAnyOrder(Capability.NAMES, Capability.CALLER_ID_NAME);
    }

    @Test
    void purchaseRequestsRefuseDuplicatesAndExpiredHolds() {
        assertThatThrownBy(() -> PurchaseRequest.of(NUMBER, NUMBER)).hasMessageContaining("purchase.numbers[1]");
        assertThatThrownBy(() -> PurchaseRequest.ofNumbers(List.of())).hasMessageContaining("purchase.numbers");
        assertThatThrownBy(() -> PurchaseRequest.of(NUMBER).withReference("a b")).hasMessageContaining("purchase.reference");
        Instant now = Instant.parse("2026-01-05T09:00:00Z");
        AvailableNumber held = AvailableNumber.builder(NUMBER).holdExpiresAt(now.plusSeconds(60)).build();
        PurchaseRequest request = PurchaseRequest.of(held).withName("Line");
        request.requireLiveHolds(now, dev.telephony.api.error.ErrorContext.none());
        assertThatThrownBy(() -> request.requireLiveHolds(now.plusSeconds(60), dev.telephony.api.error.ErrorContext.none()))
                .isInstanceOfSatisfying(HoldExpiredException.class, e -> {
                    assertThat(e.number()).isEqualTo(NUMBER);
                    assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("purchase.offers[0]");
                });
        assertThat(request.requiredCapabilities()).containsExactlyInAnyOrder(Capability.PURCHASE, Capability.NAMES);
        assertThat(request.forNumbers(List.of(NUMBER)).name()).contains("Line");
    }

    @Test
    void portRequestsNameEveryMissingPartAndCheckNotice() {
        assertThatThrownBy(() -> PortRequest.builder().build()).hasMessageContaining("port.numbers");
        assertThatThrownBy(() -> PortRequest.builder().number(NUMBER).build()).hasMessageContaining("port.subscriber");
        assertThatThrownBy(() -> PortSubscriber.person(" ", "Doe")).hasMessageContaining("port.subscriber.firstName");
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);
        PortRequest request = PortRequest.builder().number(NUMBER).subscriber(PortSubscriber.person("John", "Doe"))
                .serviceAddress(Address.us("135 Front St", "Binghamton", "NY", "13905"))
                .billingTelephoneNumber(NUMBER).carrierAccountNumber("123").pin("8642")
                .requestedDate(LocalDate.of(2026, 1, 10)).build();
        assertThatThrownBy(() -> request.requireNotice(Period.ofDays(7), clock))
                .hasMessageContaining("port.requestedDate").hasMessageContaining("2026-01-12");
        request.requireNotice(Period.ofDays(5), clock);
        assertThat(request.toString()).doesNotContain("8642");
        assertThat(request.pin().orElseThrow().reveal()).isEqualTo("8642");
    }

    @Test
    void collectionsAreUnmodifiableCopies() {
        Set<NumberFeature> features = EnumSet.of(NumberFeature.VOICE);
        Map<String, String> attributes = new java.util.HashMap<>(Map.of("lata", "132"));
        AvailableNumber offer = new AvailableNumber(NUMBER, NumberType.LOCAL, features, "US", java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), attributes);
        features.add(NumberFeature.SMS);
        attributes.put("x", "y");
        assertThat(offer.features()).containsExactly(NumberFeature.VOICE);
        assertThat(offer.attributes()).containsOnlyKeys("lata");
        assertThatThrownBy(() -> offer.features().add(NumberFeature.FAX)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> offer.attributes().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void secretsHideTheirValue() {
        Secret secret = Secret.of("token", "s3cr3t-value");
        assertThat(secret.toString()).isEqualTo("****");
        assertThat(secret.reveal()).isEqualTo("s3cr3t-value");
        assertThat(secret).isEqualTo(Secret.of("token", "s3cr3t-value")).isNotEqualTo(Secret.of("token", "other"));
        assertThatThrownBy(() -> Secret.of("token", "")).isInstanceOf(InvalidRequestException.class).hasMessageContaining("token");
    }

    @Test
    void errorsCarryTheirContext() {
        var context = dev.telephony.api.error.ErrorContext.of("signalwire").withHttpStatus(429).withProviderCode("20429")
                .withRequestId("req-1");
        var error = new dev.telephony.api.error.RateLimitedException("slow down", context, java.time.Duration.ofSeconds(3));
        assertThat(error.isRetryable()).isTrue();
        assertThat(error.provider()).contains("signalwire");
        assertThat(error.httpStatus()).hasValue(429);
        assertThat(error.providerCode()).contains("20429");
        assertThat(error.requestId()).contains("req-1");
        assertThat(error.getMessage()).isEqualTo("slow down [provider=signalwire, status=429, code=20429, requestId=req-1]");
        assertThat(new dev.telephony.api.error.QuotaExceededException("too many numbers", context).isRetryable()).isFalse();
    }

    private static void refused(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly(field));
    }

    @Test
    void nullsAreRefusedNamingTheField() {
        refused(() -> new PhoneNumber(null), "phoneNumber");
        refused(() -> new DigitPattern(null, "212"), "search.pattern.kind");
        refused(() -> NumberSearch.builder().features((NumberFeature[]) null), "search.features");
        refused(() -> NumberSearch.builder().features(NumberFeature.VOICE, null), "search.features[1]");
        // a HashSet iterates null first
        refused(() -> NumberUpdate.builder().features(new HashSet<>(Arrays.asList(NumberFeature.VOICE, null))), "update.features[0]");
        refused(() -> NumberUpdate.builder().features(null), "update.features");
        refused(() -> Route.to("https://example.com/voice", null), "route.method");
        refused(() -> Route.to("https://example.com/voice").withFallback("https://example.com/b", null), "route.fallbackMethod");
        refused(() -> Address.us("135 Front St", "Binghamton", "NY", "13905").withUnit(null), "address.unit");
        refused(() -> PortSubscriber.business("John", "Doe", null, "John Doe"), "port.subscriber.companyName");
        refused(() -> PortRequest.builder().numbers(null), "port.numbers");
        refused(() -> PurchaseRequest.of((PhoneNumber[]) null), "purchase.numbers");
        refused(() -> PurchaseRequest.of((AvailableNumber[]) null), "purchase.offers");
        refused(() -> PurchaseRequest.of(NUMBER, null), "purchase.numbers[1]");
        refused(() -> PurchaseRequest.ofOffers(Arrays.asList(AvailableNumber.builder(NUMBER).build(), null)), "purchase.offers[1]");
        refused(() -> PurchaseRequest.of(NUMBER).forNumbers(null), "purchase.numbers");
        refused(() -> Secret.of(null, "value"), "secret.field");
        refused(() -> AvailableNumber.builder(null), "offer.number");
        refused(() -> AvailableNumber.builder(NUMBER).features(Set.of()).type(null).build(), "offer.type");
        refused(() -> OwnedNumber.builder(null, NUMBER), "owned.id");
        refused(() -> new Region("US", "United States", RegionKind.COUNTRY, "US", java.util.Optional.empty(), null), "region.numberTypes");
        refused(() -> new Page<>(Arrays.asList(NUMBER, null), java.util.Optional.empty()), "page.items[1]");
    }

    @Test
    void aRefusedListOfPortNumbersAddsNone() {
        PortRequest.Builder port = PortRequest.builder().number(NUMBER);
        refused(() -> port.numbers(Arrays.asList(PhoneNumber.of("+12125550101"), null)), "port.numbers[2]");
        refused(port::build, "port.subscriber");
        assertThat(port.subscriber(PortSubscriber.person("John", "Doe")).serviceAddress(Address.us("1 Main St", "Albany", "NY", "12207"))
                .billingTelephoneNumber(NUMBER).carrierAccountNumber("1").requestedDate(LocalDate.of(2026, 2, 1)).build().numbers())
                .containsExactly(NUMBER);
    }

    @Test
    void countryCodesAreAsciiLettersOnly() {
        refused(() -> NumberSearch.builder().country("ß"), "search.country");
        refused(() -> NumberSearch.builder().country("ıt"), "search.country");
        refused(() -> new Address("1 Rue", java.util.Optional.empty(), "Paris", "IDF", "75001", "ＦＲ"), "address.country");
        refused(() -> PhoneNumber.parse("020 7183 8750", "ß"), "defaultRegion");
        assertThat(NumberSearch.builder().country(" us ").build().country()).isEqualTo("US");
        assertThat(Region.country("us", "United States", Set.of()).countryCode()).isEqualTo("US");
    }

    @Test
    void textMustBeVisibleWellFormedAndFreeOfControlCharacters() {
        refused(() -> NumberUpdate.builder().name("\u200B\u00A0"), "update.name");
        refused(() -> NumberUpdate.builder().name("Sales\nline"), "update.name");
        refused(() -> NumberUpdate.builder().name("Sales\u0000"), "update.name");
        refused(() -> PurchaseRequest.of(NUMBER).withName("a\uD800b"), "purchase.name");
        assertThat(NumberUpdate.builder().name("אבי\u200F כהן 😀").build().name()).contains("אבי\u200F כהן 😀");
        assertThatThrownBy(() -> NumberUpdate.builder().callerIdName("ACME\u001B[2J")).hasMessageContaining("\\u001B");
    }

    @Test
    void noticeAndClocksAtTheEndsOfTimeAreRefusedNotOverflowed() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);
        PortRequest request = PortRequest.builder().number(NUMBER).subscriber(PortSubscriber.person("John", "Doe"))
                .serviceAddress(Address.us("135 Front St", "Binghamton", "NY", "13905"))
                .billingTelephoneNumber(NUMBER).carrierAccountNumber("123").requestedDate(LocalDate.of(2026, 1, 20)).build();
        refused(() -> request.requireNotice(Period.ofDays(Integer.MAX_VALUE), clock), "port.requestedDate");
        refused(() -> request.requireNotice(Period.ofYears(Integer.MAX_VALUE), clock), "port.requestedDate");
        refused(() -> request.requireNotice(Period.ofDays(-1), clock), "minimumNotice");
        refused(() -> request.requireNotice(null, clock), "minimumNotice");
        refused(() -> request.requireNotice(Period.ZERO, Clock.fixed(Instant.MAX, ZoneOffset.UTC)), "clock");
        assertThatThrownBy(() -> request.requireNotice(Period.ofMonths(1), clock)).hasMessageContaining("at least P1M ahead");
        request.requireNotice(Period.ofDays(7), clock);
    }
}
