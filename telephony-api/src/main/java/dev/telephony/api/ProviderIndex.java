package dev.telephony.api;

import dev.telephony.api.spi.TelephonyProviderFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * Finds the factory of a provider chosen by name from the index entries its module ships (see
 * {@link TelephonyProviderFactory#INDEX}), so that connecting loads and initialises that factory
 * alone instead of every provider's on the classpath.
 *
 * <p>It chooses exactly as discovery would: the factories are taken in {@code ServiceLoader}'s order
 * (the {@code META-INF/services} files as the class loader finds them, each file's lines in order),
 * their names read from their entries, and the first with the name wins. It only ever shortens the
 * way: when a factory listed before the one it wants has no entry, or an entry cannot be read, or the
 * factory it finds does not load, is not a factory or answers to another name, it answers nothing and
 * full discovery decides, reporting what is wrong exactly as it always has.
 */
final class ProviderIndex {
    // String.concat, not +: the first string concatenation in a JVM bootstraps invokedynamic's
    // machinery, several milliseconds of a cold connect
    private static final String SERVICES = "META-INF/services/".concat(TelephonyProviderFactory.class.getName());

    private ProviderIndex() {
    }

    /** The first factory, in discovery's order, whose entry gives {@code name}, made; else null. */
    static TelephonyProviderFactory find(ClassLoader loader, String name) {
        try {
            for (String className : listed(loader)) {
                URL entry = loader.getResource(TelephonyProviderFactory.INDEX.concat(className));
                String indexed = entry == null ? null : firstLine(entry);
                if (indexed == null) {
                    // a factory of unknown name comes first: only loading it tells whether it is the one
                    return null;
                }
                if (indexed.equals(name)) {
                    return made(loader, className, name);
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            // discovery reads the same files and reports what is wrong with the factories
            return null;
        }
    }

    /** The factory class {@code className}, made, if it is one and answers to {@code name}; else null. */
    private static TelephonyProviderFactory made(ClassLoader loader, String className, String name) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            if (!TelephonyProviderFactory.class.isAssignableFrom(type)) {
                return null;
            }
            TelephonyProviderFactory factory = (TelephonyProviderFactory) type.getConstructor().newInstance();
            return name.equals(factory.name()) ? factory : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // discovery loads the same factory again and reports the failure with the others
            return null;
        }
    }

    /** The factory classes in the order {@code ServiceLoader} meets them, each once. */
    private static List<String> listed(ClassLoader loader) throws IOException {
        List<String> classes = new ArrayList<>();
        Enumeration<URL> files = loader.getResources(SERVICES);
        while (files.hasMoreElements()) {
            for (String className : lines(files.nextElement())) {
                if (!classes.contains(className)) {
                    classes.add(className);
                }
            }
        }
        return classes;
    }

    /** The first name in the entry, read as a {@code META-INF/services} file is; null when it names none. */
    private static String firstLine(URL entry) throws IOException {
        List<String> lines = lines(entry);
        return lines.isEmpty() ? null : lines.get(0);
    }

    /** The file's names, one a line, as a {@code META-INF/services} file is read: {@code #} starts a comment, blanks are left out. */
    private static List<String> lines(URL file) throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int comment = line.indexOf('#');
                String name = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
