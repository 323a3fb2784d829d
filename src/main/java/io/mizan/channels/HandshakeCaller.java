package io.mizan.channels;

import io.mizan.security.Caller;

import java.security.Principal;
import java.util.Set;

/**
 * The caller of a WebSocket, as its handshake showed it. The container answers role questions only
 * during the handshake (later, Jakarta Security sees nobody on a socket's thread), so every role the
 * application names is asked then; a role it never names reads as not held.
 */
final class HandshakeCaller implements Caller {

    private final Principal principal;
    private final Set<String> roles;

    HandshakeCaller(Principal principal, Set<String> roles) {
        this.principal = principal == null || principal.getName() == null ? null : principal;
        this.roles = Set.copyOf(roles);
    }

    @Override
    public Principal principal() {
        return principal;
    }

    @Override
    public boolean isInRole(String role) {
        return roles.contains(role);
    }
}
