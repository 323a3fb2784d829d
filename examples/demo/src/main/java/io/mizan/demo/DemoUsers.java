package io.mizan.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Map;
import java.util.Set;

/** Two demo accounts: ada (staff) and bob, each with their name as password. */
@ApplicationScoped
public class DemoUsers implements IdentityStore {

    private static final Map<String, Set<String>> ROLES = Map.of("ada", Set.of("user", "staff"), "bob", Set.of("user"));

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login && ROLES.containsKey(login.getCaller())
                && login.getPasswordAsString().equals(login.getCaller())) {
            return new CredentialValidationResult(login.getCaller(), ROLES.get(login.getCaller()));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
