package dev.telephony.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies that keep insertion order, unlike {@link Map#copyOf}. */
final class Collections2 {
    private Collections2() {
    }

    static <K, V> Map<K, V> unmodifiableCopy(Map<K, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<K, V> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(java.util.Objects.requireNonNull(k, "attribute key"),
                java.util.Objects.requireNonNull(v, "attribute value")));
        return Collections.unmodifiableMap(copy);
    }
}
