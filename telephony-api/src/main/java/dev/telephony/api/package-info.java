/**
 * The provider-neutral API: {@link dev.telephony.api.Telephony} to connect, {@link dev.telephony.api.TelephonyProvider}
 * and its services ({@link dev.telephony.api.NumberInventory}, {@link dev.telephony.api.NumberPurchaser},
 * {@link dev.telephony.api.PortingService}), and the immutable values they take and answer. The only
 * package an application needs.
 */
package dev.telephony.api;
