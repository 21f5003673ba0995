/**
 * The in-memory reference provider ({@code in-memory}): the whole API over a
 * {@link dev.telephony.testkit.carrier.CarrierState}, for applications' tests on any test framework.
 */
package dev.telephony.testkit.memory;
