package io.mizan.it.contexts;

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

@ApplicationPath("api")
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "contexts")
@DeclareRoles({"user", "staff"})
public class ContextsApp extends Application {

    /** ann is a user, sam is staff; the password is "secret". */
    @ApplicationScoped
    public static class Logins implements IdentityStore {
        @Override
        public CredentialValidationResult validate(Credential credential) {
            if (credential instanceof UsernamePasswordCredential c
                    && c.getPasswordAsString().equals("secret")) {
                return switch (c.getCaller()) {
                    case "ann" -> new CredentialValidationResult("ann", Set.of("user"));
                    case "sam" -> new CredentialValidationResult("sam", Set.of("user", "staff"));
                    default -> CredentialValidationResult.INVALID_RESULT;
                };
            }
            return CredentialValidationResult.INVALID_RESULT;
        }
    }
}
