package dev.telephony.alianza.internal;

/** {@code POST …/telephone-number/order/tollfree}: one toll-free number for the account. */
public record TollFreeOrderRequest(String telephoneNumber, String accountId) {
}
