package io.mizan.bench.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * BASIC sign-in against {@link Users}, in calls-app-signin.war only: the mechanism runs on every
 * request of its WAR, so the other pairs are measured in a WAR without it.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "bench")
@DeclareRoles("user")
public class SignIn {
}
