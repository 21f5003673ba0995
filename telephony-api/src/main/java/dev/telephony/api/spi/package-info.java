/**
 * For provider authors: the factory SPI found through {@link java.util.ServiceLoader}, configuration
 * keys, {@link dev.telephony.api.spi.ProviderBase} (which checks every call before the provider runs),
 * and the shared behaviour every provider uses the same way: {@link dev.telephony.api.spi.Reconciliation}
 * for purchases and releases, {@link dev.telephony.api.spi.PagedListing}, {@link dev.telephony.api.spi.Polling},
 * {@link dev.telephony.api.spi.Retrier}, {@link dev.telephony.api.spi.Receipts} and the argument checks.
 */
package dev.telephony.api.spi;
