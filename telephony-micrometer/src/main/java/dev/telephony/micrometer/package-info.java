/**
 * Micrometer for telephony: {@link dev.telephony.micrometer.ObservationTelephonyListener} turns the
 * library's events into Micrometer observations, and so into timers and counters and, with Micrometer
 * Tracing, spans. {@link dev.telephony.micrometer.TelephonyObservation} documents every observation's
 * name and key.
 */
package dev.telephony.micrometer;
