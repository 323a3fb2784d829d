package io.mizan.it.core;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Map;
import java.util.Set;

/** A Jakarta Security identity store: alice is a user, bob is staff. */
@ApplicationScoped
public class Users implements IdentityStore {

    private static final Map<String, Set<String>> GROUPS = Map.of(
            "alice", Set.of("user"),
            "bob", Set.of("user", "staff"));

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential c
                && GROUPS.containsKey(c.getCaller())
                && c.getPasswordAsString().equals("secret")) {
            return new CredentialValidationResult(c.getCaller(), GROUPS.get(c.getCaller()));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
