package io.mizan.model;

import io.mizan.messages.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.SecurityContext;

import java.lang.annotation.Annotation;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a function's parameters and result into the model's types. A {@code Principal},
 * {@code SecurityContext}, {@code HttpServletRequest} or {@code HttpServletResponse} parameter is supplied by the server; on the
 * view path (a method returning a JAX-RS {@code Response}) the parameters are JAX-RS's own and the
 * result is not read; every other parameter is a JSON argument.
 *
 * <pre>{@code
 * SignatureReader signatures = new SignatureReader(types, problems);
 * signatures.parameters("com.example.Users.rename", Users.class, rename, false);   // Optional[[userId, name]]
 * signatures.result("com.example.Users.rename", rename, rename.getGenericReturnType());  // Optional[Ref[UserView]]
 * }</pre>
 */
final class SignatureReader {

    private final TypeMapper types;
    private final List<String> problems;

    /**
     * @param types maps Java types to the model's, collecting the type definitions
     * @param problems where what cannot travel as JSON is reported
     */
    SignatureReader(TypeMapper types, List<String> problems) {
        this.types = types;
        this.problems = problems;
    }

    /**
     * The method's parameters, or empty when one of them cannot be read (the problem is reported).
     *
     * @param viewPath whether the method returns a JAX-RS {@code Response}
     */
    Optional<List<ParamModel>> parameters(String where, Class<?> beanClass, Method method, boolean viewPath) {
        List<ParamModel> params = new ArrayList<>();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            if (!p.isNamePresent()) {
                problems.add(Messages.missingParameterNames(where));
                return Optional.empty();
            }
            ParamModel param =
                    parameter(where, p, GenericTypes.resolve(p.getParameterizedType(), beanClass), i, viewPath);
            if (param == null) {
                return Optional.empty();
            }
            params.add(param);
        }
        return Optional.of(params);
    }

    /**
     * The method's result type, or empty when it cannot be written as JSON (the problem is reported).
     *
     * @param type its Java type as the bean class sees it ({@link GenericTypes#resolve})
     */
    Optional<TypeRef> result(String where, Method method, Type type) {
        // a type-use annotation (JSpecify's @Nullable) sits on the type, not on the method
        List<Annotation> annotations =
                Annotations.withTypeUse(method.getAnnotations(), method.getAnnotatedReturnType());
        contradiction(where, "its result", type, annotations);
        try {
            TypeRef ref = Annotations.withNullableArguments(
                    types.map(type, Annotations.nullable(annotations), false), method.getAnnotatedReturnType());
            return classTypeVariable(where, "its result", type) ? Optional.empty() : Optional.of(ref);
        } catch (TypeMapper.UnsupportedTypeException e) {
            problems.add(Messages.resultNotJson(where, e.getMessage()));
            return Optional.empty();
        }
    }

    /** @param resolved the parameter's type as the bean class sees it ({@link GenericTypes#resolve}) */
    private ParamModel parameter(String where, Parameter p, Type resolved, int index, boolean viewPath) {
        Class<?> type = p.getType();
        List<Annotation> annotations = Annotations.withTypeUse(p.getAnnotations(), p.getAnnotatedType());
        List<ConstraintModel> constraints = Annotations.constraints(annotations);
        if (type == Principal.class) {
            return new ParamModel(
                    p.getName(),
                    p.getName(),
                    index,
                    ParamModel.Source.PRINCIPAL,
                    p.getParameterizedType(),
                    null,
                    constraints);
        }
        if (type == SecurityContext.class) {
            return new ParamModel(
                    p.getName(),
                    p.getName(),
                    index,
                    ParamModel.Source.SECURITY_CONTEXT,
                    p.getParameterizedType(),
                    null,
                    constraints);
        }
        if (type == HttpServletRequest.class) {
            return new ParamModel(
                    p.getName(),
                    p.getName(),
                    index,
                    ParamModel.Source.REQUEST,
                    p.getParameterizedType(),
                    null,
                    constraints);
        }
        if (type == jakarta.servlet.http.HttpServletResponse.class) {
            return new ParamModel(
                    p.getName(),
                    p.getName(),
                    index,
                    ParamModel.Source.RESPONSE,
                    p.getParameterizedType(),
                    null,
                    constraints);
        }
        contradiction(where, "parameter '" + p.getName() + "'", resolved, annotations);
        if (viewPath) {
            return new ParamModel(
                    p.getName(), jaxRsName(p), index, ParamModel.Source.JAX_RS, resolved, scalarOrNull(p), constraints);
        }
        try {
            TypeRef ref = Annotations.withNullableArguments(
                    types.map(resolved, Annotations.nullable(annotations), true), p.getAnnotatedType());
            if (ref instanceof TypeRef.Void) {
                throw new TypeMapper.UnsupportedTypeException("Void carries no value");
            }
            Annotations.checkElement(resolved, annotations, constraints);
            if (classTypeVariable(where, "parameter '" + p.getName() + "'", resolved)) {
                return null;
            }
            return new ParamModel(
                    p.getName(), p.getName(), index, ParamModel.Source.ARGUMENT, resolved, ref, constraints);
        } catch (TypeMapper.UnsupportedTypeException e) {
            problems.add(Messages.parameterNotJson(where, p.getName(), e.getMessage()));
            return null;
        }
    }

    /**
     * Whether the type of a function's parameter or result, as the bean class sees it, still holds a type variable of
     * a class ({@code T} of {@code Crud<T>}, which the bean class extends raw or is itself generic), reporting it:
     * nothing says what it is. A record's own variables are met only inside its definition, never here.
     */
    private boolean classTypeVariable(String where, String element, Type type) {
        TypeVariable<?> variable = classTypeVariable(type);
        if (variable != null) {
            problems.add(Messages.superclassTypeVariable(
                    where, element, variable.getName(), ((Class<?>) variable.getGenericDeclaration()).getName()));
        }
        return variable != null;
    }

    private static TypeVariable<?> classTypeVariable(Type type) {
        if (type instanceof TypeVariable<?> v) {
            return v.getGenericDeclaration() instanceof Class<?> ? v : null;
        }
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                TypeVariable<?> found = classTypeVariable(argument);
                if (found != null) {
                    return found;
                }
            }
        } else if (type instanceof GenericArrayType a) {
            return classTypeVariable(a.getGenericComponentType());
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                TypeVariable<?> found = classTypeVariable(bound);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private void contradiction(String where, String element, Type type, List<Annotation> annotations) {
        String problem = Annotations.nullabilityContradiction(where, element, type, annotations);
        if (problem != null) {
            problems.add(problem);
        }
    }

    private TypeRef scalarOrNull(Parameter p) {
        Class<?> c = p.getType();
        if (TypeMapper.isScalar(c) || c.isEnum()) {
            try {
                return types.map(c, false, true);
            } catch (TypeMapper.UnsupportedTypeException e) {
                return null;
            }
        }
        return null;
    }

    private static String jaxRsName(Parameter p) {
        if (p.isAnnotationPresent(PathParam.class)) {
            return p.getAnnotation(PathParam.class).value();
        }
        if (p.isAnnotationPresent(QueryParam.class)) {
            return p.getAnnotation(QueryParam.class).value();
        }
        if (p.isAnnotationPresent(FormParam.class)) {
            return p.getAnnotation(FormParam.class).value();
        }
        return p.getName();
    }
}
