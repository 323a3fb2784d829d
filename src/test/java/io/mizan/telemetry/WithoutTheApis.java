package io.mizan.telemetry;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * A class loader like a server's without MicroProfile Telemetry and Metrics: Mizan's classes (main
 * and test) are its own, OpenTelemetry's and MicroProfile Metrics' are missing, the rest is the test's.
 */
final class WithoutTheApis extends URLClassLoader {

    WithoutTheApis() {
        super(
                new URL[] {location(Telemetry.class), location(WithoutTheApis.class)},
                WithoutTheApis.class.getClassLoader());
    }

    private static URL location(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            if (name.startsWith("io.opentelemetry.") || name.startsWith("org.eclipse.microprofile.metrics.")) {
                throw new ClassNotFoundException(name);
            }
            if (!name.startsWith("io.mizan.")) {
                return super.loadClass(name, resolve);
            }
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name); // Mizan's own, first: as in a WAR
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public void close() throws IOException {
        super.close();
    }
}
