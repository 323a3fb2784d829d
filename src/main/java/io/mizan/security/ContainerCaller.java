package io.mizan.security;

import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;

/**
 * The caller of the current request as Jakarta Security knows it. The principal is looked up at
 * most once: on Payara that lookup is the costliest step of a call, and a public function never
 * needs it.
 */
public final class ContainerCaller implements Caller {

    private final SecurityContext security;
    private boolean known;
    private Principal principal;

    public ContainerCaller(SecurityContext security) {
        this.security = security;
    }

    @Override
    public Principal principal() {
        if (!known) {
            principal = lookUp();
            known = true;
        }
        return principal;
    }

    private Principal lookUp() {
        try {
            Principal p = security.getCallerPrincipal();
            return p == null || p.getName() == null ? null : p;
        } catch (RuntimeException e) {
            return null; // no security context on this thread (a scheduled job): nobody is signed in
        }
    }

    @Override
    public boolean isInRole(String role) {
        if (principal() == null) {
            return false;
        }
        try {
            return security.isCallerInRole(role);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
