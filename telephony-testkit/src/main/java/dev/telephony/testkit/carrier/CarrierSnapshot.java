package dev.telephony.testkit.carrier;

import dev.telephony.api.AvailableNumber;
import dev.telephony.api.Hold;
import dev.telephony.api.OwnedNumber;
import dev.telephony.api.PhoneNumber;
import dev.telephony.api.PortOrder;
import dev.telephony.api.PortabilityResult;
import dev.telephony.api.PurchaseOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link CarrierState} holds, as plain values: taken with {@link CarrierState#snapshot()}
 * and turned back into a carrier with {@link CarrierState#restore(CarrierSnapshot, java.time.Clock)},
 * so that a simulated carrier can outlive its process (the command line's sandbox keeps one in a
 * file). Request counts, queued faults and the required credential are not part of it.
 *
 * @param sequence            the carrier's id counter, so restored carriers never reuse an id
 * @param available           the numbers on offer
 * @param owned               the numbers the account owns
 * @param orders              every purchase order, oldest first
 * @param ports               every port, oldest first
 * @param portability         what the carrier says of porting the numbers it was told of
 * @param purchases           every purchase carried out, in order
 * @param releases            every release carried out, in order
 * @param holdOrders          whether asynchronous orders are held PENDING
 * @param orderProcessingTime how long an asynchronous order takes
 * @param holds               every hold, oldest first, as {@link CarrierState#hold(String)} shows it (its
 *                            attributes {@code createdAt}, {@code changedAt}, {@code fromSearch} and
 *                            {@code orderId} are what restoring it needs)
 */
public record CarrierSnapshot(long sequence, List<AvailableNumber> available, List<OwnedNumber> owned,
                              List<OrderRecord> orders, List<PortOrder> ports, List<PortabilityResult> portability,
                              List<PhoneNumber> purchases, List<PhoneNumber> releases, boolean holdOrders,
                              Duration orderProcessingTime, List<Hold> holds) {
    public CarrierSnapshot {
        holds = List.copyOf(holds);
        available = List.copyOf(available);
        owned = List.copyOf(owned);
        orders = List.copyOf(orders);
        ports = List.copyOf(ports);
        portability = List.copyOf(portability);
        purchases = List.copyOf(purchases);
        releases = List.copyOf(releases);
        Objects.requireNonNull(orderProcessingTime, "orderProcessingTime");
    }

    /** A snapshot of a carrier without holds (one saved before holds existed). */
    public CarrierSnapshot(long sequence, List<AvailableNumber> available, List<OwnedNumber> owned,
                           List<OrderRecord> orders, List<PortOrder> ports, List<PortabilityResult> portability,
                           List<PhoneNumber> purchases, List<PhoneNumber> releases, boolean holdOrders,
                           Duration orderProcessingTime) {
        this(sequence, available, owned, orders, ports, portability, purchases, releases, holdOrders, orderProcessingTime, List.of());
    }

    /**
     * One purchase order with what its public view leaves out.
     *
     * @param order   the order as {@link CarrierState#order(String)} shows it
     * @param name    the friendly name its numbers get
     * @param readyAt when an asynchronous order is carried out; empty for a synchronous one
     */
    public record OrderRecord(PurchaseOrder order, Optional<String> name, Optional<Instant> readyAt) {
        public OrderRecord {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(readyAt, "readyAt");
        }
    }
}
