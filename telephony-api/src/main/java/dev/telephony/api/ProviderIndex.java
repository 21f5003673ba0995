package dev.telephony.api;

import dev.telephony.api.spi.TelephonyProviderFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

/**
 * Finds the factory of a provider chosen by name through the index its module ships (see
 * {@link TelephonyProviderFactory#INDEX}), so that connecting loads and initialises that factory
 * alone instead of every provider's on the classpath.
 *
 * <p>It only ever shortens the way: whenever the index is absent, shipped by more than one module,
 * unreadable, or names a class that does not load, is not a factory, or answers to another name, it
 * answers nothing and full discovery decides, reporting what is wrong exactly as it always has.
 */
final class ProviderIndex {
    private ProviderIndex() {
    }

    /** The factory the index names for {@code name}, made; else null. */
    static TelephonyProviderFactory find(ClassLoader loader, String name) {
        if (!isIndexable(name)) {
            return null;
        }
        try {
            Enumeration<URL> entries = loader.getResources(TelephonyProviderFactory.INDEX + name);
            if (!entries.hasMoreElements()) {
                return null;
            }
            URL entry = entries.nextElement();
            if (entries.hasMoreElements()) {
                // two modules claim the name: discovery reports which one is kept
                return null;
            }
            String className = className(entry);
            if (className == null) {
                return null;
            }
            Class<?> type = Class.forName(className, false, loader);
            if (!TelephonyProviderFactory.class.isAssignableFrom(type)) {
                return null;
            }
            TelephonyProviderFactory factory = (TelephonyProviderFactory) type.getConstructor().newInstance();
            return name.equals(factory.name()) ? factory : null;
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            // discovery loads the same factory again and reports the failure with the others
            return null;
        }
    }

    /** Names as factories spell them (lower-case letters, digits, dashes): nothing that could reach another resource. */
    private static boolean isIndexable(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The first class name in the entry, read as a {@code META-INF/services} file is: {@code #} starts a comment. */
    private static String className(URL entry) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(entry.openStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int comment = line.indexOf('#');
                String name = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            return null;
        }
    }
}
