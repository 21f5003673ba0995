package dev.telephony.signalwire.internal;

/** {@code POST /phone_numbers} body. */
public record PurchaseBody(String number) {
}
