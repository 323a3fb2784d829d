package io.mizan.invoke;

import io.mizan.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

/**
 * The JAX-RS {@link SecurityContext} a function's parameter receives, built from the same
 * {@link Caller} its access rule saw, whichever entry point the call came through.
 */
final class CallerSecurityContext implements SecurityContext {

    private final Caller caller;
    private final HttpServletRequest request;

    CallerSecurityContext(Caller caller, HttpServletRequest request) {
        this.caller = caller;
        this.request = request;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller.principal();
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.isInRole(role);
    }

    @Override
    public boolean isSecure() {
        return request != null && request.isSecure();
    }

    @Override
    public String getAuthenticationScheme() {
        return request == null || caller.principal() == null ? null : request.getAuthType();
    }
}
