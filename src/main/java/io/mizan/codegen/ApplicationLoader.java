package io.mizan.codegen;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the application's compiled classes ({@code --classes}) and what they need ({@code --classpath}),
 * which the model reads by reflection, without running any of their code.
 *
 * <p>The classes that read the model must see the Jakarta APIs. A plain {@code java -jar} does not put
 * them on the generator's own class path, so then the generator runs again inside a class loader of
 * its own jar and the application's class path, on top of the platform class loader:
 * <pre>{@code
 * ApplicationLoader app = ApplicationLoader.of(commandLine);
 * if (!ApplicationLoader.missingJakarta(Main.class.getClassLoader()).isEmpty()) {
 *     return app.runIsolated(Main.class, "runIsolated", args, out, err);
 * }
 * try (URLClassLoader loader = app.over(Main.class.getClassLoader())) { ... }
 * }</pre>
 */
final class ApplicationLoader {

    /** Classes the model reads from the Jakarta APIs; they must load next to the application's classes. */
    private static final List<String> JAKARTA_PROBES = List.of(
            "jakarta.ws.rs.core.Response",
            "jakarta.servlet.http.HttpServletRequest",
            "jakarta.validation.Constraint",
            "jakarta.json.JsonValue",
            "jakarta.json.bind.annotation.JsonbProperty",
            "jakarta.annotation.security.RolesAllowed");

    private final List<URL> urls;

    private ApplicationLoader(List<URL> urls) {
        this.urls = List.copyOf(urls);
    }

    /** The application's classes first, then its class path. */
    static ApplicationLoader of(CommandLine line) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (Path p : line.classes()) {
            urls.add(p.toUri().toURL());
        }
        for (Path p : line.classpath()) {
            urls.add(p.toUri().toURL());
        }
        return new ApplicationLoader(urls);
    }

    /** The Jakarta API classes a loader cannot load, separated by commas; empty when it loads them all. */
    static String missingJakarta(ClassLoader loader) {
        List<String> missing = new ArrayList<>();
        for (String name : JAKARTA_PROBES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add(name);
            }
        }
        return String.join(", ", missing);
    }

    /** A loader of the application's classes over {@code parent}, the generator's own. */
    URLClassLoader over(ClassLoader parent) {
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    /**
     * Calls {@code entry.method(args, out, err)} again inside a class loader made of the generator's
     * jar, the application's classes and its class path, and returns the exit code it returns.
     */
    int runIsolated(Class<?> entry, String method, String[] args, PrintStream out, PrintStream err) {
        List<URL> all = new ArrayList<>();
        try {
            CodeSource source = entry.getProtectionDomain().getCodeSource();
            all.add(Path.of(source.getLocation().toURI()).toUri().toURL());
        } catch (URISyntaxException | MalformedURLException | RuntimeException e) {
            err.println("mizan: cannot find the generator's own jar: " + e.getMessage());
            return 2;
        }
        all.addAll(urls);
        try (URLClassLoader loader =
                new URLClassLoader(all.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> isolated = Class.forName(entry.getName(), true, loader);
            return (Integer) isolated.getMethod(method, String[].class, PrintStream.class, PrintStream.class)
                    .invoke(null, args, out, err);
        } catch (InvocationTargetException e) {
            err.println("mizan: " + e.getCause());
            return 1;
        } catch (ReflectiveOperationException | IOException e) {
            err.println("mizan: " + e);
            return 1;
        }
    }
}
