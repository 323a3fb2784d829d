package io.mizan.it.core;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test application: JAX-RS at /api, BASIC login against {@link Users}. */
@ApplicationPath("api")
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "core")
@DeclareRoles({"user", "staff"})
public class CoreApp extends Application {}
