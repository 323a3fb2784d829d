package io.mizan.bench.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Set;

/** One user, bench (password secret), in the role user. */
@ApplicationScoped
public class Users implements IdentityStore {

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential c
                && c.getCaller().equals("bench")
                && c.getPasswordAsString().equals("secret")) {
            return new CredentialValidationResult("bench", Set.of("user"));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
