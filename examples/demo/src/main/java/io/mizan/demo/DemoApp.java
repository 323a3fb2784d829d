package io.mizan.demo;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The demo: JAX-RS (and so Mizan) at /api, sign-in through Mizan's auth.login (a custom-form mechanism) with the users of {@link DemoUsers}. */
@ApplicationPath("api")
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = "/",
        useForwardToLogin = false))
@DeclareRoles({"user", "staff"})
public class DemoApp extends Application {
}
