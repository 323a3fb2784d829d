package io.mizan.security;

import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

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
    private final HttpServletRequest request;
    private boolean known;
    private Principal principal;

    /** The caller of code that runs outside an HTTP request of its own (an interceptor, a job). */
    public ContainerCaller(SecurityContext security) {
        this(security, null);
    }

    /**
     * The caller of an HTTP request. Jakarta Security registers whom it authenticates with the servlet
     * container, so a request without a user principal has no caller, and Jakarta Security is not asked:
     * on Payara its {@code getCallerPrincipal()} costs about 20 µs, most of an anonymous context read's
     * overhead. A request with one is resolved by Jakarta Security, whose caller principal is the
     * specified one (an application's own principal type included).
     */
    public ContainerCaller(SecurityContext security, HttpServletRequest request) {
        this.security = security;
        this.request = request;
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
            if (request != null && request.getUserPrincipal() == null) {
                return null;
            }
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
