package dev.telephony.api;

import java.util.Objects;
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
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(currentCarrier, "currentCarrier");
        Objects.requireNonNull(lineType, "lineType");
        Objects.requireNonNull(estimatedDays, "estimatedDays");
        Objects.requireNonNull(reason, "reason");
    }
}
