/**
 * Records mirroring the LaML (Twilio-compatible) JSON shapes. Internal to the provider (a package named internal, left out of Javadoc): not part of the
 * library's API.
 */
package dev.telephony.compat.internal;
