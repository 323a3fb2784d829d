package io.mizan.cdi;

import io.mizan.Client;
import io.mizan.invalidation.AffectedKeys;
import io.mizan.invalidation.InvalidationFrames;
import io.mizan.invalidation.InvalidationKeys;
import io.mizan.model.FunctionModel;
import io.mizan.security.AccessPolicy;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Runs around every call of a {@code @Client} method, from HTTP or from other beans: enforces its
 * access rule, then records the invalidation keys of a successful call. On the view path it adds
 * {@code X-Mizan-Invalidate} and {@code Cache-Control: no-store} to the method's own response.
 */
@Client
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class ClientInterceptor {

    @Inject
    MizanRuntime runtime;

    @Inject
    AccessPolicy access;

    @Inject
    FrameInvalidator invalidator;

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        FunctionModel function = runtime.model().function(context.getMethod()).orElse(null);
        if (function == null) {
            return context.proceed();
        }
        access.enforce(function);
        InvalidationFrames.open();
        boolean succeeded = false;
        List<String> keys;
        Object result;
        try {
            result = context.proceed();
            InvalidationFrames.add(AffectedKeys.of(function, context.getParameters()));
            if (function.viewPath() && result instanceof Response response) {
                result = withHeaders(response, InvalidationFrames.current());
            }
            succeeded = true;
        } finally {
            keys = InvalidationFrames.close(succeeded);
        }
        invalidator.publish(keys);
        return result;
    }

    private static Response withHeaders(Response response, List<String> keys) {
        Response.ResponseBuilder builder = Response.fromResponse(response).header("Cache-Control", "no-store");
        if (!keys.isEmpty()) {
            builder.header(InvalidationKeys.HEADER, InvalidationKeys.header(keys));
        }
        return builder.build();
    }
}
