package dev.telephony.alianza.internal;

/** {@code GET …/telephone-number/port/check}: whether a number can be ported in, and why not when it cannot. */
public record PortCheck(String telephoneNumber, Boolean portable, String currentCarrier, String lineType,
                        Integer estimatedDays, String reason) {
}
