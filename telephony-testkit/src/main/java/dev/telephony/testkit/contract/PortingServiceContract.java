package dev.telephony.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.Capability;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PortOrder;
import dev.telephony.api.PortStatus;
import dev.telephony.api.PortabilityResult;
import dev.telephony.api.PortingService;
import dev.telephony.api.error.ConflictException;
import dev.telephony.api.error.InvalidRequestException;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Porting numbers in, where the provider declares {@link Capability#PORTING}. */
public interface PortingServiceContract extends ProviderContract {
    /** A number the contract's carrier knows as portable from AT&amp;T. */
    PhoneNumber PORTABLE = PhoneNumber.of("+16075550123");

    private static PortingService porting(ProviderHarness h) {
        return h.provider().porting();
    }

    private static PortOrder submitted(ProviderHarness h) {
        h.carrier().portable(PORTABLE, "AT&T", "BUSINESS", 7);
        return porting(h).submit(Fixtures.portRequest(h, PORTABLE, 14));
    }

    @Test
    @RequiresCapability(Capability.PORTING)
    default void portabilityCheckReportsCarrierLineTypeAndEstimate(ProviderHarness h) {
        h.carrier().portable(PORTABLE, "AT&T", "BUSINESS", 7);
        PortabilityResult result = porting(h).checkPortability(PORTABLE);
        assertThat(result.number()).isEqualTo(PORTABLE);
        assertThat(result.portable()).isTrue();
        assertThat(result.currentCarrier()).contains("AT&T");
        assertThat(result.lineType()).contains("BUSINESS");
        assertThat(result.estimatedDays()).contains(7);
    }

    @Test
    @RequiresCapability(Capability.PORTING)
    default void portabilityCheckOfAnUnportableNumberSaysWhy(ProviderHarness h) {
        PhoneNumber number = PhoneNumber.of("+16075550999");
        h.carrier().notPortable(number, "the number is not in service");
        PortabilityResult result = porting(h).checkPortability(number);
        assertThat(result.portable()).isFalse();
        assertThat(result.reason()).isPresent();
    }

    @Test
    @RequiresCapability(Capability.PORTING)
    default void submittedPortIsPendingAndCanBeReadAndListed(ProviderHarness h) {
        PortOrder port = submitted(h);
        assertThat(port.status()).isEqualTo(PortStatus.PENDING);
        assertThat(port.phoneNumbers()).containsExactly(PORTABLE);
        assertThat(port.requestedDate()).isEqualTo(LocalDate.now(h.clock()).plusDays(14));
        assertThat(porting(h).get(port.id())).hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(PortStatus.PENDING));
        assertThat(porting(h).list().stream().map(PortOrder::id)).contains(port.id());
        assertThat(h.carrier().ports()).hasSize(1);
    }

    @Test
    @RequiresCapability(Capability.PORTING)
    default void approvedAndCompletedPortMakesTheNumberOwned(ProviderHarness h) {
        PortOrder port = submitted(h);
        LocalDate confirmed = LocalDate.now(h.clock()).plusDays(15);
        h.carrier().approvePort(port.id(), confirmed);
        PortOrder approved = porting(h).get(port.id()).orElseThrow();
        assertThat(approved.status()).isEqualTo(PortStatus.APPROVED);
        assertThat(approved.confirmedDate()).contains(confirmed);

        h.carrier().completePort(port.id());
        // followed by id alone, from a provider instance that never saw the submission
        PortOrder done = h.reconnect().porting().await(port.id(), Duration.ofMinutes(1));
        assertThat(done.status()).isEqualTo(PortStatus.COMPLETED);
        assertThat(done.numbers()).allSatisfy(n -> assertThat(n.status()).isEqualTo(PortStatus.COMPLETED));
        assertThat(h.provider().inventory().get(PORTABLE)).isPresent();
    }

    @Test
    @RequiresCapability(Capability.PORTING)
    default void rejectedPortCarriesTheReason(ProviderHarness h) {
        PortOrder port = submitted(h);
        h.carrier().rejectPort(port.id(), "account number does not match");
        PortOrder rejected = porting(h).get(port.id()).orElseThrow();
        assertThat(rejected.status()).isEqualTo(PortStatus.REJECTED);
        assertThat(rejected.rejectionReason()).contains("account number does not match");
        assertThat(rejected.numbers()).allSatisfy(n -> assertThat(n.rejectionReason()).contains("account number does not match"));
        assertThat(h.provider().inventory().get(PORTABLE)).isEmpty();
    }

    @Test
    @RequiresCapability(Capability.PORTING)
    default void portCanBeCancelledBeforeApproval(ProviderHarness h) {
        PortOrder port = submitted(h);
        PortOrder cancelled = porting(h).cancel(port.id());
        assertThat(cancelled.status()).isEqualTo(PortStatus.CANCELLED);
        assertThat(h.carrier().port(port.id()).orElseThrow().status()).isEqualTo(PortStatus.CANCELLED);
    }

    @Test
    @RequiresCapability(Capability.PORTING)
    default void cancellingAnApprovedPortIsRefused(ProviderHarness h) {
        PortOrder port = submitted(h);
        h.carrier().approvePort(port.id(), LocalDate.now(h.clock()).plusDays(15));
        assertThatThrownBy(() -> porting(h).cancel(port.id())).isInstanceOf(ConflictException.class);
        assertThat(h.carrier().port(port.id()).orElseThrow().status()).isEqualTo(PortStatus.APPROVED);
    }

    @Test
    @RequiresCapability(Capability.PORTING)
    default void portAskedForTooSoonIsRefusedBeforeAnyRequest(ProviderHarness h) {
        h.carrier().portable(PORTABLE, "AT&T", "BUSINESS", 7);
        assertThatThrownBy(() -> porting(h).submit(Fixtures.portRequest(h, PORTABLE, 1)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("requestedDate");
        assertThatThrownBy(() -> porting(h).submit(Fixtures.portRequest(h, PORTABLE, -3)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("requestedDate");
        assertThat(h.carrier().requestCount()).isZero();
        assertThat(h.carrier().ports()).isEmpty();
    }
}
