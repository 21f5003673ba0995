package dev.telephony.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A port as the provider records it. Follow it by {@link #id()} alone with
 * {@link PortingService#get(String)}; ports take days, and nothing needed to follow one lives only
 * in memory.
 *
 * @param id              the port id
 * @param status          where the port as a whole stands
 * @param numbers         each number with its own status
 * @param rejectionReason why the carrier rejected it, when it did
 * @param requestedDate   the date asked for
 * @param confirmedDate   the date the losing carrier confirmed (FOC), once known
 * @param submittedAt     when it was submitted, if known
 * @param completedAt     when it completed, once it has
 * @param attributes      provider facts about the port, unmodifiable
 */
public record PortOrder(String id, PortStatus status, List<PortedNumber> numbers, Optional<String> rejectionReason,
                        LocalDate requestedDate, Optional<LocalDate> confirmedDate, Optional<Instant> submittedAt,
                        Optional<Instant> completedAt, Map<String, String> attributes) {
    public PortOrder {
        Fields.requireNonNull("port.id", id);
        Fields.requireNonNull("port.status", status);
        numbers = Fields.listCopy("port.numbers", numbers);
        Fields.requireNonNull("port.rejectionReason", rejectionReason);
        Fields.requireNonNull("port.requestedDate", requestedDate);
        Fields.requireNonNull("port.confirmedDate", confirmedDate);
        Fields.requireNonNull("port.submittedAt", submittedAt);
        Fields.requireNonNull("port.completedAt", completedAt);
        attributes = Collections2.unmodifiableCopy("port.attributes", attributes);
    }

    /** The numbers alone. */
    public List<PhoneNumber> phoneNumbers() {
        return numbers.stream().map(PortedNumber::number).toList();
    }
}
