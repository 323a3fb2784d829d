package io.mizan.rpc;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Where JAX-RS serves the web application, as it starts (read by a {@code ServletContainerInitializer} that
 * handles {@link ApplicationPath}): the path of each {@link Application} subclass, by class name, from the
 * servlet mapping {@code web.xml} gives it (which wins, as in JAX-RS) or its {@code @ApplicationPath}; for an
 * application without a subclass, the mapping of {@code jakarta.ws.rs.core.Application}.
 */
public final class JaxRsPaths {

    private JaxRsPaths() {}

    /**
     * The paths, as given ({@code api}, {@code /api/*}); none when JAX-RS is set up some other way.
     *
     * @param classes what the container hands the initializer: the classes annotated {@code @ApplicationPath}
     */
    public static List<String> of(Set<Class<?>> classes, ServletContext context) {
        List<String> paths = new ArrayList<>();
        if (classes != null) {
            classes.stream()
                    .filter(Application.class::isAssignableFrom)
                    .filter(c -> c.isAnnotationPresent(ApplicationPath.class))
                    .sorted(Comparator.comparing(Class::getName))
                    .forEach(application -> {
                        String mapped = mapping(context, application.getName());
                        paths.add(
                                mapped != null
                                        ? mapped
                                        : application
                                                .getAnnotation(ApplicationPath.class)
                                                .value());
                    });
        }
        if (paths.isEmpty()) {
            String mapped = mapping(context, Application.class.getName());
            if (mapped != null) {
                paths.add(mapped);
            }
        }
        return paths;
    }

    /**
     * A path as a servlet path prefix: one leading slash, no {@code /*}, no slash at the end, and empty for the
     * context root ({@code api}, {@code /api/}, {@code /api/*} are {@code /api}; {@code /} is {@code ""}).
     */
    public static String prefix(String path) {
        String p = path.endsWith("/*") ? path.substring(0, path.length() - 2) : path;
        p = ("/" + p).replaceAll("/+", "/");
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** The servlet mapping of this name ({@code /api/*}) as a path ({@code /api}), or null. */
    private static String mapping(ServletContext context, String servletName) {
        ServletRegistration registration = context.getServletRegistration(servletName);
        Collection<String> mappings = registration == null ? List.of() : registration.getMappings();
        for (String m : mappings) {
            return m.endsWith("/*") ? m.substring(0, m.length() - 2) : m;
        }
        return null;
    }
}
