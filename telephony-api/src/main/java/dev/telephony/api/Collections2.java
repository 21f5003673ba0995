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
        Map<K, V> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Fields.requireNonNull(field + " key", k),
                Fields.requireNonNull(field + "[" + k + "]", v)));
        return Collections.unmodifiableMap(copy);
    }
}
