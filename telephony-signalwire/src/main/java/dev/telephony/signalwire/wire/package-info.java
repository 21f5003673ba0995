/**
 * Records mirroring SignalWire's JSON shapes. Internal to the provider: not part of the library's API,
 * and free to change with SignalWire's wire format.
 */
package dev.telephony.signalwire.wire;
