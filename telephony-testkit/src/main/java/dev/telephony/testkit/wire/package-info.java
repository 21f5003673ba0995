/**
 * The base of every provider's stateful wire simulator ({@link dev.telephony.testkit.wire.WireSimulator}
 * on WireMock), its request and answer values, and the catalogue of spoiled answers the answer-mutation
 * contract plants.
 */
package dev.telephony.testkit.wire;
