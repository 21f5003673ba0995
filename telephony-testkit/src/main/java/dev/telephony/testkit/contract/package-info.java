/**
 * The contract every provider passes, as JUnit 5 test interfaces gathered in
 * {@link dev.telephony.testkit.contract.TelephonyContract}, with the harness a provider supplies and the
 * seeded chaos, answer-mutation and input-fuzz runs. Needs the libraries of {@code telephony-contract-kit}.
 */
package dev.telephony.testkit.contract;
