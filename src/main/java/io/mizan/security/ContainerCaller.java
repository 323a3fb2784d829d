package io.mizan.security;

import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;

/**
 * The caller of the current request as Jakarta Security knows it. The principal is looked up at
 * most once: on Payara that lookup is the costliest step of a call, and a public function never
 * needs it.
 */
public final class ContainerCaller implements Caller {

    /**
     * WildFly's Elytron gives a caller who never signed in an identity of its own, whose principal
     * (this class, named "anonymous") its Jakarta Security {@code getCallerPrincipal()} returns where
     * the specification and Payara return {@code null}. Compared by name: the library links no
     * server's classes.
     */
    private static final String ELYTRON_ANONYMOUS = "org.wildfly.security.auth.principal.AnonymousPrincipal";

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
            return signedIn(security.getCallerPrincipal());
        } catch (RuntimeException e) {
            return null; // no security context on this thread (a scheduled job): nobody is signed in
        }
    }

    /**
     * The principal a container reports, or {@code null} when it stands for nobody: none, one without
     * a name, or a server's anonymous identity (WildFly's).
     */
    public static Principal signedIn(Principal p) {
        if (p == null || p.getName() == null || p.getClass().getName().equals(ELYTRON_ANONYMOUS)) {
            return null;
        }
        return p;
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
