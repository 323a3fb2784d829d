package io.mizan.model;

import java.lang.reflect.Type;
import java.util.List;

/**
 * One parameter of a server function.
 *
 * @param name the Java parameter name; the argument's name on the wire
 * @param keyName the name it scopes invalidation keys by: the {@code @PathParam}, {@code @QueryParam}
 *                or {@code @FormParam} name on a view-path method, else {@link #name}
 * @param index its position in the method
 * @param source where its value comes from
 * @param javaType its generic Java type
 * @param type its JSON type ({@code null} unless {@link Source#ARGUMENT})
 * @param constraints its Bean Validation constraints
 */
public record ParamModel(
        String name,
        String keyName,
        int index,
        Source source,
        Type javaType,
        TypeRef type,
        List<ConstraintModel> constraints) {

    public ParamModel {
        constraints = List.copyOf(constraints);
    }

    /** Where a parameter's value comes from. */
    public enum Source {
        /** The caller's JSON body, by name. */
        ARGUMENT,
        /** The signed-in caller ({@code java.security.Principal}), or null. */
        PRINCIPAL,
        /** The JAX-RS {@code SecurityContext} of the request. */
        SECURITY_CONTEXT,
        /** The servlet request. */
        REQUEST,
        /** The servlet response (for a function that sets cookies or signs the caller in). */
        RESPONSE,
        /** A view-path method's parameter, bound by JAX-RS itself. */
        JAX_RS
    }

    /** Whether the caller may send {@code null} or leave the argument out. */
    public boolean nullable() {
        return type instanceof TypeRef.Nullable;
    }
}
