package io.mizan.invoke;

import io.mizan.json.ArgumentBinder;
import io.mizan.model.FunctionModel;
import io.mizan.model.ParamModel;
import io.mizan.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A call the {@link Invoker} has authorized: only {@link Invoker#authorize} makes one, so holding one
 * proves the access rule ran, once. It also supplies the parameters the server injects, the same way
 * for every entry point.
 */
public final class Invocation implements ArgumentBinder.Injections {

    private final FunctionModel function;
    private final Caller caller;
    private final HttpServletRequest request;
    private final HttpServletResponse response;

    Invocation(FunctionModel function, Caller caller, HttpServletRequest request, HttpServletResponse response) {
        this.function = function;
        this.caller = caller;
        this.request = request;
        this.response = response;
    }

    public FunctionModel function() {
        return function;
    }

    public Caller caller() {
        return caller;
    }

    /**
     * The language the caller reads ({@code Accept-Language}), or {@code null} for a call without a
     * request or without the header (the server's language).
     */
    public java.util.Locale locale() {
        return request == null || request.getHeader("Accept-Language") == null ? null : request.getLocale();
    }

    @Override
    public Object value(ParamModel.Source source) {
        return switch (source) {
            case PRINCIPAL -> caller.principal();
            case SECURITY_CONTEXT -> new CallerSecurityContext(caller, request);
            case REQUEST -> request;
            case RESPONSE -> response;
            default -> null;
        };
    }
}
