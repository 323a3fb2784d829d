package io.mizan.cdi;

import io.mizan.Client;
import io.mizan.invalidation.AffectedKeys;
import io.mizan.invalidation.InvalidationFrames;
import io.mizan.invalidation.InvalidationKeys;
import io.mizan.invoke.CurrentCall;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.security.AccessPolicy;
import io.mizan.security.Caller;
import io.mizan.security.ContainerCaller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.core.Response;

import java.util.List;

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

    private final Model model;
    private final AccessPolicy access;
    private final FrameInvalidator publisher;
    private final SecurityContext security;

    @Inject
    public ClientInterceptor(Model model, AccessPolicy access, FrameInvalidator publisher, SecurityContext security) {
        this.model = model;
        this.access = access;
        this.publisher = publisher;
        this.security = security;
    }

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        FunctionModel function = model.function(context.getMethod()).orElse(null);
        if (function == null) {
            return context.proceed();
        }
        if (!CurrentCall.takeAuthorization(function)) {
            Caller caller = CurrentCall.caller();
            access.enforce(function, caller != null ? caller : new ContainerCaller(security));
        }
        return InvalidationFrames.run(
                        () -> {
                            Object result = context.proceed();
                            InvalidationFrames.add(AffectedKeys.of(function, context.getParameters()));
                            if (function.viewPath() && result instanceof Response response) {
                                return withHeaders(response, InvalidationFrames.current());
                            }
                            return result;
                        },
                        publisher)
                .value();
    }

    private static Response withHeaders(Response response, List<String> keys) {
        Response.ResponseBuilder builder = Response.fromResponse(response).header("Cache-Control", "no-store");
        if (!keys.isEmpty()) {
            builder.header(InvalidationKeys.HEADER, InvalidationKeys.header(keys));
        }
        return builder.build();
    }
}
