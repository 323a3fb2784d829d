package io.mizan.openapi;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Keeps the classes of server functions out of the server's OpenAPI scan, through the standard
 * setting {@code mp.openapi.scan.exclude.classes}. Payara's scanner (6.2025 at least) fails on a Bean
 * Validation constraint of a parameter of a method that is no JAX-RS resource method, such as
 * {@code greet(@NotBlank String name)}: {@code /openapi} answers 500 for the whole application. Those
 * classes are no JAX-RS resources, so the scan loses nothing by skipping them.
 *
 * <p>A configuration source of the application (registered as a service of the jar), above the usual
 * ones so that it can add to what the application sets rather than replace it: its value is the
 * application's own list, if any, followed by these classes. The classes are noted by the CDI
 * extension at deployment; the server reads the setting when it builds the document, later.
 */
public final class OpenApiScanExclusions implements ConfigSource {

    /** The MicroProfile OpenAPI setting this source adds to. */
    public static final String PROPERTY = "mp.openapi.scan.exclude.classes";

    /** Above system properties (400), so the application's own value is read and kept, not hidden. */
    static final int ORDINAL = 1000;

    private static final Set<String> CLASSES = new ConcurrentSkipListSet<>();
    private static final ThreadLocal<Boolean> READING_OTHERS = new ThreadLocal<>();

    /**
     * Notes a class with server functions, unless it is a JAX-RS resource, whose endpoints belong in
     * the document (and which the scanner reads correctly).
     */
    public static void exclude(Class<?> type) {
        if (!type.isAnnotationPresent(Path.class)) {
            CLASSES.add(type.getName());
        }
    }

    /** The classes noted so far, for tests and logs. */
    static Set<String> excluded() {
        return Set.copyOf(CLASSES);
    }

    @Override
    public Set<String> getPropertyNames() {
        return CLASSES.isEmpty() ? Set.of() : Set.of(PROPERTY);
    }

    @Override
    public String getValue(String propertyName) {
        if (!PROPERTY.equals(propertyName) || CLASSES.isEmpty() || READING_OTHERS.get() != null) {
            return null;
        }
        Set<String> all = new LinkedHashSet<>();
        String own = applicationsOwnValue();
        if (own != null) {
            for (String name : own.split(",")) {
                if (!name.isBlank()) {
                    all.add(name.strip());
                }
            }
        }
        all.addAll(CLASSES);
        return String.join(",", all);
    }

    /** The value the next source down gives, as the setting would read without this one. */
    private String applicationsOwnValue() {
        READING_OTHERS.set(Boolean.TRUE);
        try {
            for (ConfigSource source : sortedByOrdinal(
                    ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader())
                            .getConfigSources())) {
                if (!(source instanceof OpenApiScanExclusions)) {
                    String value = source.getValue(PROPERTY);
                    if (value != null) {
                        return value;
                    }
                }
            }
            return null;
        } finally {
            READING_OTHERS.remove();
        }
    }

    private static Iterable<ConfigSource> sortedByOrdinal(Iterable<ConfigSource> sources) {
        java.util.List<ConfigSource> list = new java.util.ArrayList<>();
        sources.forEach(list::add);
        list.sort(Comparator.comparingInt(ConfigSource::getOrdinal).reversed());
        return list;
    }

    @Override
    public Map<String, String> getProperties() {
        String value = getValue(PROPERTY);
        return value == null ? Map.of() : Map.of(PROPERTY, value);
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return "Mizan: server functions kept out of the OpenAPI scan";
    }
}
