package dev.telephony.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies that keep insertion order, unlike {@link Map#copyOf}. */
final class Collections2 {
    private Collections2() {
    }

    /**
     * The attributes a builder of this package fills: keys checked and null values left out as they are put.
     * A value built from it keeps it (behind an unmodifiable view) instead of copying it again, since every
     * search result and listed number is built this way; the builder starts a copy of its own before it
     * changes one it handed over.
     */
    static final class Attributes extends LinkedHashMap<String, String> {
        private boolean handedOver;

        Attributes() {
            super(8);
        }

        private Attributes(Map<String, String> from) {
            super(from);
        }

        /** This map to put into, or a copy of it if a value already holds it. */
        Attributes writable() {
            return handedOver ? new Attributes(this) : this;
        }

        /** This map, for a value to keep: from now on the builder changes a copy. */
        Attributes handOver() {
            handedOver = true;
            return this;
        }
    }

    /** {@code field} names the map in the error for a null key or value. */
    static <K, V> Map<K, V> unmodifiableCopy(String field, Map<K, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        if (map.getClass() == Attributes.class && ((Attributes) map).handedOver) {
            // filled by one of this package's builders, which checked each entry and will not change it again
            return Collections.unmodifiableMap(map);
        }
        if (map.size() == 1) {
            // one entry has one order: the common case of a search result's one provider fact, in one small object
            Map.Entry<K, V> only = map.entrySet().iterator().next();
            if (only.getKey() == null) {
                throw dev.telephony.api.error.InvalidRequestException.of(field + " key", "is required");
            }
            if (only.getValue() == null) {
                throw dev.telephony.api.error.InvalidRequestException.of(field + "[" + only.getKey() + "]", "is required");
            }
            return Map.of(only.getKey(), only.getValue());
        }
        Map<K, V> copy = new LinkedHashMap<>((int) (map.size() / 0.75f) + 1);
        for (Map.Entry<K, V> entry : map.entrySet()) {
            // the field's name is spelled out only for the error: every number of every answer passes here
            if (entry.getKey() == null) {
                throw dev.telephony.api.error.InvalidRequestException.of(field + " key", "is required");
            }
            if (entry.getValue() == null) {
                throw dev.telephony.api.error.InvalidRequestException.of(field + "[" + entry.getKey() + "]", "is required");
            }
            copy.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }
}
