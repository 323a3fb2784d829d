package io.mizan.inprocess;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

import java.util.Map;

/**
 * An application's own class loader and the settings MicroProfile Config finds for it, as a container
 * gives each web application its own: for a test of what Mizan does when the application starts.
 * {@link #release} after each test.
 */
public final class ApplicationSettings {

    /** The application's class loader, which a fake {@code ServletContext} should answer. */
    public final ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {};

    /** The application's settings are these (and nothing else). */
    public void set(Map<String, String> settings) {
        ConfigProviderResolver.instance()
                .registerConfig(
                        new SmallRyeConfigBuilder()
                                .withSources(new PropertiesConfigSource(settings, "test", 500))
                                .build(),
                        loader);
    }

    /** Forgets the application's settings. */
    public void release() {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.releaseConfig(resolver.getConfig(loader));
    }
}
