package io.mizan.cdi;

import io.mizan.Client;
import io.mizan.model.Model;
import io.mizan.security.AccessPolicy;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;

/**
 * Runs around every call of a {@code @Client} method. A call the invoker made has been authorized
 * already; any other (one bean calling another, a scheduled job, a user's JAX-RS method on the view
 * path) has its access rule enforced here, against the caller of the call it runs in, or the
 * container's. Then it records the invalidation keys of a successful call in the call's frame. On
 * the view path it adds {@code X-Mizan-Invalidate} and {@code Cache-Control: no-store} to the
 * method's own response.
 */
@Client
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class ClientInterceptor {

    private final FunctionInterception interception;

    @Inject
    public ClientInterceptor(
            Model model,
            AccessPolicy access,
            FrameInvalidator publisher,
            SecurityContext security,
            FunctionValidation validation) {
        this.interception = new FunctionInterception(model, access, publisher, security, validation);
    }

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        return interception.around(context);
    }
}
