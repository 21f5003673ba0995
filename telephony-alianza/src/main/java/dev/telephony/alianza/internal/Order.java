package dev.telephony.alianza.internal;

import java.util.List;

/**
 * An order as Alianza answers it when placed and when read back: its id, its status ({@code PENDING},
 * {@code COMPLETED}, …) and each number's own status. {@code telephoneNumbers} is null when the answer
 * leaves the lines out, which is not the same as an order of no numbers.
 */
public record Order(String orderId, String status, List<Line> telephoneNumbers, String message) {
    /** The lines, none when the answer has none. */
    public List<Line> lines() {
        return telephoneNumbers == null ? List.of() : telephoneNumbers;
    }

    /** One number of the order: {@code ACTIVE} once it is the account's; a failed one carries a reason. */
    public record Line(String telephoneNumber, String status, String accountId, String orderedDate, String reason) {
    }
}
