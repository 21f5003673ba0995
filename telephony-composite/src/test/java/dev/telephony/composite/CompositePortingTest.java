package dev.telephony.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telephony.api.Address;
import dev.telephony.api.Capability;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PortOrder;
import dev.telephony.api.PortRequest;
import dev.telephony.api.PortSubscriber;
import dev.telephony.api.error.InvalidRequestException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Porting at the only member that can port, or at the member named when several can. */
class CompositePortingTest {
    static final PhoneNumber PORTABLE = PhoneNumber.of("+16075550123");
    Carriers carriers;

    @BeforeEach
    void setUp() {
        carriers = new Carriers();
        carriers.east.portable(PORTABLE, "AT&T", "BUSINESS", 7);
        carriers.west.portable(PORTABLE, "AT&T", "BUSINESS", 7);
    }

    @AfterEach
    void close() {
        carriers.close();
    }

    PortRequest request() {
        return PortRequest.builder().number(PORTABLE).subscriber(PortSubscriber.business("John", "Doe", "Acme", "John Doe"))
                .serviceAddress(Address.us("135 Front St", "Binghamton", "NY", "13905")).billingTelephoneNumber(PORTABLE)
                .carrierAccountNumber("123456789").pin("97531864")
                .requestedDate(LocalDate.now(carriers.clock).plusDays(14)).build();
    }

    @Test
    void portsGoToTheOnlyMemberThatCanPort() {
        carriers.eastCapabilities = Set.copyOf(EnumSet.complementOf(EnumSet.of(Capability.PORTING)));
        CompositeProvider composite = carriers.composite();
        PortOrder port = composite.porting().submit(request());
        assertThat(port.attributes()).containsEntry(CompositeProvider.CARRIER_ATTRIBUTE, "west");
        assertThat(carriers.west.port(port.id())).isPresent();
        assertThat(carriers.east.ports()).isEmpty();
        assertThat(composite.porting().get(port.id())).isPresent();
    }

    @Test
    void withSeveralMembersThatCanPortThePortNamesItsMember() {
        CompositeProvider composite = carriers.composite();
        assertThatThrownBy(() -> composite.porting().submit(request())).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("east, west").hasMessageContaining("porting(name)");
        assertThat(carriers.east.requestCount() + carriers.west.requestCount()).isZero();

        PortOrder port = Carriers.extension(composite).porting("west").submit(request());
        assertThat(carriers.west.port(port.id())).isPresent();
        // followed by its id alone: the member that knows it answers; ids are the member's own
        carriers.west.approvePort(port.id(), LocalDate.now(carriers.clock).plusDays(15));
        assertThat(carriers.composite().porting().get(port.id())).hasValueSatisfying(p -> {
            assertThat(p.attributes()).containsEntry(CompositeProvider.CARRIER_ATTRIBUTE, "west");
            assertThat(p.status()).isEqualTo(dev.telephony.api.PortStatus.APPROVED);
        });
        assertThat(composite.porting().list().stream()).extracting(PortOrder::id).containsExactly(port.id());
    }
}
