package io.mizan.security;

import io.mizan.AccessCheck;
import io.mizan.MizanException;
import io.mizan.model.AccessRule;
import io.mizan.model.FunctionModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import io.mizan.cdi.MizanExtension;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether the current caller may call a function. Identity comes from the container
 * (Jakarta Security), never from the request body.
 */
@ApplicationScoped
public class AccessPolicy {

    @Inject
    SecurityContext security;

    @Inject
    BeanManager beanManager;

    @Inject
    MizanExtension extension;

    private final Map<Class<? extends AccessCheck>, AccessCheck> checks = new ConcurrentHashMap<>();

    /** A request's caller, looked up at most once: the container's lookup is the costliest step of a call. */
    private static final class Remembered {
        boolean known;
        Principal caller;
    }

    private static final ThreadLocal<Remembered> REMEMBERED = new ThreadLocal<>();

    /**
     * Runs an HTTP request's work with the caller looked up at most once, however many access checks
     * and injected principals (the dispatcher's, the interceptor's, nested calls') ask for it.
     */
    public <T> T rememberingCaller(java.util.function.Supplier<T> work) {
        if (REMEMBERED.get() != null) {
            return work.get();
        }
        REMEMBERED.set(new Remembered());
        try {
            return work.get();
        } finally {
            REMEMBERED.remove();
        }
    }

    /** The signed-in caller, or {@code null}. */
    public Principal caller() {
        Remembered remembered = REMEMBERED.get();
        if (remembered == null) {
            return lookUpCaller();
        }
        if (!remembered.known) {
            remembered.caller = lookUpCaller();
            remembered.known = true;
        }
        return remembered.caller;
    }

    private Principal lookUpCaller() {
        try {
            Principal principal = security.getCallerPrincipal();
            return principal == null || principal.getName() == null ? null : principal;
        } catch (RuntimeException e) {
            return null; // no security context on this thread (a scheduled job): nobody is signed in
        }
    }

    /**
     * Throws a 401 {@link MizanException} when the function needs a signed-in caller and there is
     * none, and a 403 when the caller may not call it.
     */
    public void enforce(FunctionModel function) {
        AccessRule rule = function.access();
        if (rule.kind() == AccessRule.Kind.PUBLIC && rule.check() == null) {
            return; // asks the container nothing: the common case stays cheap
        }
        Principal caller = caller();
        switch (rule.kind()) {
            case DENY_ALL -> throw forbidden(function);
            case AUTHENTICATED -> {
                if (caller == null) {
                    throw unauthorized(function);
                }
            }
            case ROLES -> {
                if (caller == null) {
                    throw unauthorized(function);
                }
                if (rule.roles().stream().noneMatch(this::inRole)) {
                    throw forbidden(function);
                }
            }
            case PUBLIC -> {
                // anyone; the custom check below decides
            }
        }
        if (rule.check() != null && !permitsByCheck(rule.check(), function.name(), caller)) {
            throw forbidden(function);
        }
    }

    /** Whether {@link #enforce} would let the current caller call the function. */
    public boolean permits(FunctionModel function) {
        try {
            enforce(function);
            return true;
        } catch (MizanException e) {
            return false;
        }
    }

    private boolean inRole(String role) {
        try {
            return security.isCallerInRole(role);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean permitsByCheck(Class<? extends AccessCheck> type, String function, Principal caller) {
        AccessCheck cached = checks.get(type);
        if (cached != null) {
            return cached.permits(function, caller);
        }
        Bean<?> bean = extension.checkBean(type);
        CreationalContext<?> creational = beanManager.createCreationalContext(bean);
        AccessCheck check = (AccessCheck) beanManager.getReference(bean, type, creational);
        if (beanManager.isNormalScope(bean.getScope())) {
            checks.put(type, check); // a proxy: safe to keep
            return check.permits(function, caller);
        }
        try {
            return check.permits(function, caller);
        } finally {
            creational.release(); // a dependent check lives for one decision
        }
    }

    private static MizanException unauthorized(FunctionModel function) {
        return new MizanException(401, "Sign in to call " + function.name());
    }

    private static MizanException forbidden(FunctionModel function) {
        return new MizanException(403, "You may not call " + function.name());
    }
}
