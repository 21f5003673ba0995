/**
 * Records mirroring the LaML (Twilio-compatible) JSON shapes. Internal to the provider: not part of the
 * library's API.
 */
package dev.telephony.compat.wire;
