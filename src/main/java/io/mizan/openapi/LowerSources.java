package io.mizan.openapi;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a setting as the application's configuration gives it without Mizan's own sources: what Mizan's
 * sources add to ({@code mp.openapi.scan.exclude.classes}) or stand in front of ({@code mp.openapi.filter}).
 * The sources are those of the configuration of the class loader that loaded this class, the
 * application's (the jar sits in its {@code WEB-INF/lib}), whatever the reading thread's context class
 * loader.
 */
final class LowerSources {

    /** Set while the other sources are read, so that a source of Mizan asked meanwhile stays silent. */
    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    private LowerSources() {}

    /** Whether a source of Mizan is asked while the others are read; it then has no value. */
    static boolean reading() {
        return READING.get() != null;
    }

    /** The value of the highest source that has one and is not Mizan's (not of {@code own}), or null. */
    static String value(String property, Class<? extends ConfigSource> own) {
        if (reading()) {
            return null;
        }
        READING.set(Boolean.TRUE);
        try {
            List<ConfigSource> sources = new ArrayList<>();
            ConfigProvider.getConfig(LowerSources.class.getClassLoader())
                    .getConfigSources()
                    .forEach(sources::add);
            sources.sort(Comparator.comparingInt(ConfigSource::getOrdinal).reversed());
            for (ConfigSource source : sources) {
                if (!own.isInstance(source)) {
                    String value = source.getValue(property);
                    if (value != null) {
                        return value;
                    }
                }
            }
            return null;
        } finally {
            READING.remove();
        }
    }
}
