package dev.telephony.signalwire.wire;

/** {@code POST /phone_numbers} body. */
public record PurchaseBody(String number) {
}
