package io.mizan.security;

import io.mizan.MizanException;
import io.mizan.messages.Messages;
import io.mizan.model.AccessRule;
import io.mizan.model.FunctionModel;

import java.security.Principal;
import java.util.Set;

/**
 * Decides whether a caller may call a function, from the function's {@link AccessRule}. Identity
 * comes from the container (a {@link Caller}), never from the request body.
 */
public final class AccessPolicy {

    private final AccessChecks checks;

    public AccessPolicy(AccessChecks checks) {
        this.checks = checks;
    }

    /**
     * Throws a 401 {@link MizanException} when the function needs a signed-in caller and there is
     * none, and a 403 when the caller may not call it. An {@link io.mizan.AccessCheck} that throws
     * passes its exception on: it is a failure of the server, not a refusal.
     */
    public void enforce(FunctionModel function, Caller caller) {
        AccessRule rule = function.access();
        if (rule.kind() == AccessRule.Kind.PUBLIC && rule.check() == null) {
            return; // asks the container nothing: the common case stays cheap
        }
        switch (rule.kind()) {
            case DENY_ALL -> throw forbidden(function);
            case AUTHENTICATED -> {
                if (caller.principal() == null) {
                    throw unauthorized(function);
                }
            }
            case ROLES -> {
                if (caller.principal() == null) {
                    throw unauthorized(function);
                }
                if (!inAnyRole(caller, rule.roles())) {
                    throw forbidden(function);
                }
            }
            case PUBLIC -> {
                // anyone; the custom check below decides
            }
        }
        if (rule.check() != null) {
            Principal principal = caller.principal();
            if (!checks.permits(rule.check(), function.name(), principal)) {
                throw forbidden(function);
            }
        }
    }

    private static boolean inAnyRole(Caller caller, Set<String> roles) {
        for (String role : roles) { // a loop, not a stream: this runs on every call of a function with roles
            if (caller.isInRole(role)) {
                return true;
            }
        }
        return false;
    }

    private static MizanException unauthorized(FunctionModel function) {
        return Messages.signInRequired(function.name());
    }

    private static MizanException forbidden(FunctionModel function) {
        return Messages.notAllowed(function.name());
    }
}
