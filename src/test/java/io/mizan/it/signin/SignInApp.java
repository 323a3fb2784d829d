package io.mizan.it.signin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;
import java.util.Set;

/**
 * The sign-in test application: a custom-form mechanism (the page posts to the application, here
 * Mizan's auth.login) over an identity store of two users.
 */
@ApplicationPath("api")
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/signin.html", useForwardToLogin = false))
@DeclareRoles({"user", "staff"})
public class SignInApp extends Application {

    /** Passwords no other text contains, so that a test can look for them in the log. */
    public static final Map<String, String> PASSWORDS = Map.of("ann", "ann-pw-7f3a9", "sam", "sam-pw-2c81d");

    @ApplicationScoped
    public static class Users implements IdentityStore {
        @Override
        public CredentialValidationResult validate(Credential credential) {
            if (credential instanceof UsernamePasswordCredential c
                    && c.getPasswordAsString().equals(PASSWORDS.get(c.getCaller()))) {
                return new CredentialValidationResult(
                        c.getCaller(), c.getCaller().equals("sam") ? Set.of("user", "staff") : Set.of("user"));
            }
            return CredentialValidationResult.INVALID_RESULT;
        }
    }
}
