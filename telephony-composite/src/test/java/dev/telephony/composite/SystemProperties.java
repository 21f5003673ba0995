package dev.telephony.composite;

import java.util.ArrayList;
import java.util.List;

/** System properties a harness sets for the composite's factory (members are configured that way), cleared when it closes. */
final class SystemProperties {
    private final List<String> set = new ArrayList<>();

    void put(String name, String value) {
        System.setProperty(name, value);
        set.add(name);
    }

    void clear() {
        set.forEach(System::clearProperty);
        set.clear();
    }
}
