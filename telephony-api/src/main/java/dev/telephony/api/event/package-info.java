/**
 * What a provider reports while it works, for metrics, traces and audit logs: one listener hook,
 * {@link dev.telephony.api.event.TelephonyListener}, that every provider reports through without code of
 * its own.
 *
 * <p>Register listeners with {@code Telephony.builder().listener(...)} (or a provider's builder). The
 * events carry names, counts, statuses, durations and provider request ids; never a secret, and never a
 * phone number outside the ids of orders a provider issued. A listener that throws is logged once and
 * otherwise ignored: it can never break a call.
 */
package dev.telephony.api.event;
