package dev.telephony.signalwire.internal;

import java.util.List;

/**
 * SignalWire's error bodies: {@code {"error": "Unauthorized"}} for 401/403/404/500, and
 * {@code {"errors": [{code, title, detail, status}]}} for validation errors (422).
 */
public record ErrorBody(String error, List<Item> errors) {
    /** One validation error; {@code attribute} names the field when SignalWire says. */
    public record Item(String code, String title, String detail, String status, String attribute) {
    }
}
