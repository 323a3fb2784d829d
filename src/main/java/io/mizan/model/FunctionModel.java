package io.mizan.model;

import io.mizan.Scope;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One server function, as read from its {@code @Client} method at deployment.
 *
 * @param name the function's name
 * @param beanClass the bean class that declares it
 * @param method the Java method
 * @param params every parameter, in order
 * @param result the JSON type of its result ({@link TypeRef.Void} for void; {@code null} on the view path)
 * @param resultType the Java type of its result as the bean class sees it, resolved once: {@code List<User>} for
 *     {@code List<T>} of a generic superclass {@code Crud<T>} that the bean class extends as {@code Crud<User>}
 * @param scope whether it is a context
 * @param access who may call it
 * @param affects the contexts it changes, sorted
 * @param scopedBy for each affected context, the parameters that scope its key (empty: the whole context)
 * @param serverOnly whether only server code may call it
 * @param viewPath whether it returns a JAX-RS {@code Response} of its own (not called through the RPC path)
 */
public record FunctionModel(
        String name,
        Class<?> beanClass,
        Method method,
        List<ParamModel> params,
        TypeRef result,
        Type resultType,
        Scope scope,
        AccessRule access,
        List<String> affects,
        Map<String, List<String>> scopedBy,
        boolean serverOnly,
        boolean viewPath) {

    public FunctionModel {
        Objects.requireNonNull(name);
        params = List.copyOf(params);
        affects = List.copyOf(affects);
        scopedBy = Map.copyOf(scopedBy);
    }

    /** Whether it is a cacheable read ({@link Scope#GLOBAL} or {@link Scope#LOCAL}). */
    public boolean isContext() {
        return scope != Scope.NONE;
    }

    /** The parameters the caller sends. */
    public List<ParamModel> arguments() {
        for (ParamModel p : params) {
            if (p.source() != ParamModel.Source.ARGUMENT) {
                return params.stream()
                        .filter(q -> q.source() == ParamModel.Source.ARGUMENT)
                        .toList();
            }
        }
        return params; // the usual case, read on every call: no copy
    }

    /** The parameter the caller sends under this name, or {@code null}. */
    public ParamModel argument(String name) {
        for (ParamModel p : params) {
            if (p.source() == ParamModel.Source.ARGUMENT && p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** How it reads in messages: {@code com.example.Users.updateName}. */
    public String where() {
        return beanClass.getName() + "." + method.getName();
    }
}
