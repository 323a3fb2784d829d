package io.mizan.demo;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The demo: JAX-RS (and so Mizan) at /api, form login with the users of {@link DemoUsers}. */
@ApplicationPath("api")
@ApplicationScoped
@FormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = "/login.html",
        errorPage = "/login.html?error", useForwardToLogin = false))
@DeclareRoles({"user", "staff"})
public class DemoApp extends Application {
}
