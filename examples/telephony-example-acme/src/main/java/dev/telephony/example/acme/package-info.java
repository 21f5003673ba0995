/**
 * An example provider for a small REST carrier, Acme: the factory and the provider, built from the
 * toolkit in {@code dev.telephony.api.spi} and {@code dev.telephony.http}. Copy it to write your own; its
 * simulator, harness and contract test are in this module's tests.
 */
package dev.telephony.example.acme;
