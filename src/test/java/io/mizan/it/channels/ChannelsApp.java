package io.mizan.it.channels;

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

/** The channels test application: JAX-RS at /api, BASIC login; ann is a user, sam is staff ("secret"). */
@ApplicationPath("api")
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "channels")
@DeclareRoles({"user", "staff"})
public class ChannelsApp extends Application {

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
