/**
 * The contract kit holds no code of its own: it is one test dependency that brings the testkit's
 * contract ({@code dev.telephony.testkit.contract}) and simulator base ({@code dev.telephony.testkit.wire})
 * together with the libraries they run on (JUnit Jupiter with its engine, AssertJ, WireMock, Jackson).
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>dev.telephony</groupId>
 *   <artifactId>telephony-contract-kit</artifactId>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * An application that only puts the in-memory provider in its tests depends on {@code telephony-testkit}
 * alone, which brings none of those libraries.
 */
package dev.telephony.contractkit;
