package dev.telephony.signalwire.wire;

/** {@code links} of a SignalWire list: full URLs; {@code next} is absent on the last page. */
public record Links(String self, String first, String next, String prev) {
}
