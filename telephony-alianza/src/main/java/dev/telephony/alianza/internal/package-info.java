/**
 * Records mirroring Alianza's v2 JSON shapes (the phone number management guide's, plus the public
 * OpenAPI's log-in and error bodies). Internal to the provider (a package named internal, left out of Javadoc): not part of the library's API.
 * Records that carry a secret (a password, a token, a PIN) hide it in {@code toString()}.
 */
package dev.telephony.alianza.internal;
