package io.mizan.openapi;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * A config source that gives one MicroProfile OpenAPI setting, or nothing. It sits above system
 * properties (400), so that it can read the application's own value from the sources below
 * ({@link LowerSources}) and keep it rather than hide it.
 */
abstract class OneSettingSource implements ConfigSource {

    private final String property;
    private final String name;

    OneSettingSource(String property, String name) {
        this.property = property;
        this.name = name;
    }

    /** Whether this source gives its setting now: asked for the names, so it should be cheap. */
    abstract boolean gives();

    /** The setting's value, or {@code null} when this source has none now. */
    abstract String value();

    @Override
    public final Set<String> getPropertyNames() {
        return gives() ? Set.of(property) : Set.of();
    }

    @Override
    public final String getValue(String propertyName) {
        return property.equals(propertyName) ? value() : null;
    }

    @Override
    public final Map<String, String> getProperties() {
        String value = value();
        return value == null ? Map.of() : Map.of(property, value);
    }

    @Override
    public final int getOrdinal() {
        return 1000;
    }

    @Override
    public final String getName() {
        return name;
    }
}
