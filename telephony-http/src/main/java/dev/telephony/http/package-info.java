/**
 * The HTTP plumbing every REST provider shares, for provider authors: {@link dev.telephony.http.RestClient}
 * (pooled HttpClient 5, retried reads, strict JSON reading, reconciliation), authentication, error
 * translation, redaction and the shared HTTP settings and configuration keys (time-outs, pool, proxy,
 * trust store, user agent). Applications do not use it directly.
 */
package dev.telephony.http;
