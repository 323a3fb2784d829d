package io.mizan.hydration;

import io.mizan.config.MizanSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Registers the {@link HydrationFilter} for {@code mizan.hydration.paths} when the application starts. */
public class HydrationInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        List<String> paths;
        try {
            paths = MizanSettings.from(ConfigProvider.getConfig(context.getClassLoader()))
                    .hydrationPaths();
        } catch (RuntimeException e) {
            return; // a malformed setting fails the deployment in MizanExtension, with its message
        }
        if (paths.isEmpty()) {
            return;
        }
        FilterRegistration.Dynamic filter = context.addFilter("mizan-hydration", HydrationFilter.class);
        if (filter != null) {
            filter.addMappingForUrlPatterns(
                    EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD), true, paths.toArray(String[]::new));
        }
    }
}
