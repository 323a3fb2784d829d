package io.mizan;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean method as a server function that a browser calls over
 * {@code POST <base>/call/{name}} and that generated TypeScript calls by name.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Users {
 *     @Client(context = Scope.GLOBAL, auth = Auth.AUTHENTICATED)
 *     public UserView currentUser(Principal me) { ... }
 *
 *     @Client(affects = "currentUser")
 *     public UserView updateName(long userId, @NotBlank @Size(max = 80) String name) { ... }
 * }
 * }</pre>
 *
 * <p>On a class, every public business method declared by the class becomes a server function with
 * the class's settings (lifecycle callbacks, initializers, observers, producers, disposers, setters
 * and {@code Object} methods do not); a method's own {@code @Client} takes the class's value for
 * every member it leaves at its default, and {@link #name()} belongs on methods only. Parameters bind by name, so the
 * application must be compiled with {@code -parameters}. Parameters of type
 * {@link java.security.Principal}, {@link jakarta.ws.rs.core.SecurityContext} and
 * {@link jakarta.servlet.http.HttpServletRequest} are supplied by the server, not by the caller.
 *
 * <p>The access rules ({@link #auth()}, {@link #roles()}, {@link #check()} and the Jakarta
 * {@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll}) are enforced on every call of the
 * method, from HTTP or from other beans.
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Client {

    /** The function's name on the wire and in generated code; the method name when empty. */
    @Nonbinding
    String name() default "";

    /** Whether the function is a context: a cacheable read that mutations invalidate. */
    @Nonbinding
    Scope context() default Scope.NONE;

    /** Who may call the function; {@link Auth#DEFAULT} follows {@code mizan.auth.default}. */
    @Nonbinding
    Auth auth() default Auth.DEFAULT;

    /** Roles of which the caller must have at least one; implies a signed-in caller. */
    @Nonbinding
    String[] roles() default {};

    /** A CDI bean that decides whether the caller may call the function. */
    @Nonbinding
    Class<? extends AccessCheck> check() default AccessCheck.class;

    /** Names of the contexts this function changes; their cached copies are refetched after a call. */
    @Nonbinding
    String[] affects() default {};

    /**
     * Only server code may call the function (a webhook, a scheduled job): over HTTP it answers 403,
     * yet its invalidations still count.
     */
    @Nonbinding
    boolean serverOnly() default false;
}
