package dev.telephony.alianza.internal;

import java.util.List;

/** {@code POST …/telephone-number/order}: up to 100 local numbers for the account. */
public record OrderRequest(List<String> telephoneNumbers, String accountId) {
}
