/**
 * The simulated carrier every simulator and the in-memory provider share:
 * {@link dev.telephony.testkit.carrier.CarrierState} (offers, owned numbers, orders, ports, requests seen),
 * seeding, and the faults it produces, planned per request kind.
 */
package dev.telephony.testkit.carrier;
