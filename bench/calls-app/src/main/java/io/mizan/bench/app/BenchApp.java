package io.mizan.bench.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/**
 * JAX-RS at /api: Mizan answers under /api/mizan, the baseline under /api/plain. BASIC sign-in
 * against {@link Users} for the role pair; every request of every pair passes through that
 * mechanism, on both sides alike.
 */
@ApplicationPath("api")
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "bench")
@DeclareRoles("user")
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
