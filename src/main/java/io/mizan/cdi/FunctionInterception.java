package io.mizan.cdi;

import io.mizan.invalidation.AffectedKeys;
import io.mizan.invalidation.InvalidationFrames;
import io.mizan.invalidation.InvalidationKeys;
import io.mizan.invoke.CurrentCall;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.security.AccessPolicy;
import io.mizan.security.Caller;
import io.mizan.security.ContainerCaller;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * What runs around every call of a function's method, whichever annotation made it one ({@code @Client},
 * or {@code @Form} for a form's submit): a call the invoker made has been authorized already; any other
 * (one bean calling another, a scheduled job, a user's JAX-RS method on the view path) has its access
 * rule enforced here, against the caller of the call it runs in, or the container's. Then the keys of
 * a successful call are recorded in the call's frame. On the view path, {@code X-Mizan-Invalidate} and
 * {@code Cache-Control: no-store} are added to the method's own response.
 */
final class FunctionInterception {

    private final Model model;
    private final AccessPolicy access;
    private final FrameInvalidator publisher;
    private final SecurityContext security;
    private final FunctionValidation validation;

    FunctionInterception(
            Model model,
            AccessPolicy access,
            FrameInvalidator publisher,
            SecurityContext security,
            FunctionValidation validation) {
        this.model = model;
        this.access = access;
        this.publisher = publisher;
        this.security = security;
        this.validation = validation;
    }

    Object around(InvocationContext context) throws Exception {
        FunctionModel function = model.function(context.getMethod()).orElse(null);
        if (function == null) {
            validation.parameters(context);
            return validation.result(context, context.proceed());
        }
        if (CurrentCall.takeAuthorization(function)) {
            // the invoker's call, its arguments validated by the invoker: it runs in the invoker's own
            // frame, which a failure drops whole, so a frame of its own would change nothing
            Object result = validation.result(context, context.proceed());
            if (!function.affects().isEmpty()) {
                InvalidationFrames.add(AffectedKeys.of(function, context.getParameters()));
            }
            return result;
        }
        Caller caller = CurrentCall.caller();
        access.enforce(function, caller != null ? caller : new ContainerCaller(security));
        validation.parameters(context);
        return InvalidationFrames.run(
                        () -> {
                            Object result = validation.result(context, context.proceed());
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
