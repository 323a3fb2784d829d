package io.mizan.openapi;

import io.mizan.rpc.JaxRsPaths;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.List;
import java.util.Set;

/**
 * Notes, when the web application starts, where JAX-RS serves it, so that the OpenAPI document names
 * Mizan's paths as the server's scanner names the application's resources ({@code /<application path>/...}
 * under the context root). The path is the {@code @ApplicationPath} of the application's
 * {@link Application}, or the servlet mapping {@code web.xml} gives it (which wins, as in JAX-RS), or the
 * mapping of {@code jakarta.ws.rs.core.Application} for an application without a subclass. With several
 * subclasses, the first by class name.
 */
@HandlesTypes(ApplicationPath.class)
public class ApplicationPaths implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        String cookie = context.getSessionCookieConfig().getName();
        OpenApiState.web(path(classes, context), cookie == null || cookie.isBlank() ? "JSESSIONID" : cookie);
    }

    static String path(Set<Class<?>> classes, ServletContext context) {
        List<String> paths = JaxRsPaths.of(classes, context);
        return paths.isEmpty() ? "" : paths.get(0);
    }
}
