package io.mizan.inprocess;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.security.Principal;
import java.util.Set;

/**
 * Stands in for Jakarta Security's {@link SecurityContext}: the one container service the in-process
 * tier does not run (Weld SE has no Jakarta Security), and the one the {@code @Client} interceptor asks
 * about the caller of server code. Everything else in a running deployment is Mizan's own code. Each
 * test says who is signed in; nobody is until it does.
 *
 * <pre>{@code
 * deployment.security().signIn("sam", "staff");   // the container's caller is now sam, in role staff
 * deployment.security().offThread();               // as in a scheduled job: every question throws
 * }</pre>
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class StandInSecurity implements SecurityContext {

    private volatile Principal caller;
    private volatile Set<String> roles = Set.of();
    private volatile boolean noContext;

    /** The container's caller is now {@code name}, with these roles. */
    public void signIn(String name, String... roles) {
        this.caller = new Named(name);
        this.roles = Set.of(roles);
        this.noContext = false;
    }

    /** Nobody is signed in. */
    public void signOut() {
        this.caller = null;
        this.roles = Set.of();
        this.noContext = false;
    }

    /**
     * There is no security context on this thread, as in a scheduled job: every question throws, the
     * way a container's does there.
     */
    public void offThread() {
        signOut();
        this.noContext = true;
    }

    @Override
    public Principal getCallerPrincipal() {
        requireContext();
        return caller;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
        requireContext();
        return type.isInstance(caller) ? Set.of((T) caller) : Set.of();
    }

    @Override
    public boolean isCallerInRole(String role) {
        requireContext();
        return caller != null && roles.contains(role);
    }

    @Override
    public boolean hasAccessToWebResource(String resource, String... methods) {
        throw new UnsupportedOperationException("no web resources in process");
    }

    private volatile AuthenticationStatus mechanismAnswer;
    private volatile Runnable mechanismSignIn;

    /** What the stand-in mechanism answers {@link #authenticate} with ({@code null}: it has none). */
    public void mechanismAnswers(AuthenticationStatus status) {
        this.mechanismAnswer = status;
        this.mechanismSignIn = null;
    }

    /**
     * The stand-in mechanism answers {@link #authenticate} with success and signs this caller in, with
     * these roles, as a form mechanism does with the caller its identity store names.
     */
    public void mechanismSignsIn(String name, String... roles) {
        this.mechanismAnswer = AuthenticationStatus.SUCCESS;
        this.mechanismSignIn = () -> signIn(name, roles);
    }

    @Override
    public AuthenticationStatus authenticate(
            HttpServletRequest request, HttpServletResponse response, AuthenticationParameters parameters) {
        if (mechanismAnswer == null) {
            throw new UnsupportedOperationException("no authentication mechanism in process");
        }
        Runnable signIn = mechanismSignIn;
        if (signIn != null) {
            signIn.run();
        }
        return mechanismAnswer;
    }

    private void requireContext() {
        if (noContext) {
            throw new IllegalStateException("no security context on this thread");
        }
    }

    private record Named(String getName) implements Principal {}
}
