package dev.telephony.testkit.contract;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * A class loader of its own over the test's class path, so that the classes one connect loads are
 * exactly those it has loaded: nothing other tests did in this JVM is seen.
 */
final class ObservedClassLoader extends URLClassLoader {
    private ObservedClassLoader(URL[] urls) {
        super(urls, ClassLoader.getPlatformClassLoader());
    }

    /** Over every entry of {@code java.class.path} (a manifest-only jar's {@code Class-Path} is followed). */
    static ObservedClassLoader ofClassPath() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return new ObservedClassLoader(urls.toArray(URL[]::new));
    }

    boolean hasLoaded(String className) {
        return findLoadedClass(className) != null;
    }
}
