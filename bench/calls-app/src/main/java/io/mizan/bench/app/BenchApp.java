package io.mizan.bench.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/**
 * JAX-RS at /api: Mizan answers under /api/mizan, the baseline under /api/plain. The role pair signs
 * in through {@link SignIn}, in calls-app-signin.war only.
 */
@ApplicationPath("api")
public class BenchApp extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(
                // the baseline's @RolesAllowed, enforced by Jersey
                "jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature",
                // the baseline's resource is a CDI bean, whose constrained methods the server's validation
                // interceptor validates already; Jersey would validate the same body again, so each side
                // validates once
                "jersey.config.beanValidation.disable.server",
                true);
    }
}
