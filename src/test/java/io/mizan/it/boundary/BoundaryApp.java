package io.mizan.it.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** The boundary test application: JAX-RS at /api, BASIC login; alice is a user, bob is staff ("secret"). */
@ApplicationPath("api")
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "boundary")
@DeclareRoles({"user", "staff"})
public class BoundaryApp extends Application {

    @ApplicationScoped
    public static class Logins implements IdentityStore {
        @Override
        public CredentialValidationResult validate(Credential credential) {
            if (credential instanceof UsernamePasswordCredential c
                    && c.getPasswordAsString().equals("secret")) {
                return switch (c.getCaller()) {
                    case "alice" -> new CredentialValidationResult("alice", Set.of("user"));
                    case "bob" -> new CredentialValidationResult("bob", Set.of("user", "staff"));
                    default -> CredentialValidationResult.INVALID_RESULT;
                };
            }
            return CredentialValidationResult.INVALID_RESULT;
        }
    }
}
