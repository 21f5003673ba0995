/**
 * The {@code telephony} command line: picocli commands over the neutral API, with the sandbox as its
 * default provider. Run through {@code Main}; not an API for other code.
 */
package dev.telephony.cli;
