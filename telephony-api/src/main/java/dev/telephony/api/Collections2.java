package dev.telephony.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies that keep insertion order, unlike {@link Map#copyOf}. */
final class Collections2 {
    private Collections2() {
    }

    /** {@code field} names the map in the error for a null key or value. */
    static <K, V> Map<K, V> unmodifiableCopy(String field, Map<K, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
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
