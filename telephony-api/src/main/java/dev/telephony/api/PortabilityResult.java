package dev.telephony.api;

import java.util.Optional;

/**
 * Whether a number can be ported in, as the provider judged it.
 *
 * @param number         the number checked
 * @param portable       whether a port can be submitted
 * @param currentCarrier the carrier that holds it now, if known
 * @param lineType       the line type reported (BUSINESS, RESIDENTIAL, WIRELESS, …), if known
 * @param estimatedDays  how many days a port is expected to take, if known
 * @param reason         why it is not portable, when it is not
 */
public record PortabilityResult(PhoneNumber number, boolean portable, Optional<String> currentCarrier,
                                Optional<String> lineType, Optional<Integer> estimatedDays, Optional<String> reason) {
    public PortabilityResult {
        Fields.requireNonNull("portability.number", number);
        Fields.requireNonNull("portability.currentCarrier", currentCarrier);
        Fields.requireNonNull("portability.lineType", lineType);
        Fields.requireNonNull("portability.estimatedDays", estimatedDays);
        Fields.requireNonNull("portability.reason", reason);
    }
}
