package io.mizan.demo;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The demo: JAX-RS (and so Mizan) at /api; sign-in through Mizan's {@code auth.login} (a custom-form
 * mechanism, so no login page of the server's own) against the users of the database, whose
 * passwords are PBKDF2 hashes (see {@link DemoData}).
 */
@ApplicationPath("api")
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = "/",
        useForwardToLogin = false))
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:comp/DefaultDataSource",
        callerQuery = "select PASSWORD_HASH from DEMO_MEMBER where LOGIN = ?",
        groupsQuery = "select ROLE_NAME from DEMO_MEMBER_ROLE where LOGIN = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({"user", "staff"})
public class DemoApp extends Application {
}
