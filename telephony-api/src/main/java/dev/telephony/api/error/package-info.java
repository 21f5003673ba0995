/**
 * The one unchecked hierarchy of errors under {@link dev.telephony.api.error.TelephonyException}: what is
 * worth retrying ({@link dev.telephony.api.error.RetryableException}) and what is not, each carrying the
 * provider, HTTP status, provider code and request id where known; outcome-unknown errors name every
 * number whose purchase or release could not be established.
 */
package dev.telephony.api.error;
