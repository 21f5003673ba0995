/**
 * Records mirroring SignalWire's JSON shapes. Internal to the provider (a package named internal, left out of Javadoc): not part of the library's API,
 * and free to change with SignalWire's wire format.
 */
package dev.telephony.signalwire.internal;
