package io.mizan.model;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds constraints that Bean Validation never checks: those of an object reached from a checked value without
 * {@code @Valid} on the way. The generated schemas check every constraint of a type wherever it is used, so a
 * constraint the server skips would be one the browser enforces and the server does not.
 *
 * <pre>{@code
 * public String plain(Signup s)           // Signup(@NotBlank String name): the gap is parameter 's'
 * public String valid(@Valid Signup s)    // checked
 * public String all(@Valid List<Signup> s) // checked: @Valid on a container reaches its elements
 * }</pre>
 */
final class ValidCascade {

    private static final String VALID = "jakarta.validation.Valid";

    /** Types looked into at most, below one value: a record that nests itself in ever larger types has no end. */
    private static final int MAX_TYPES = 200;

    /**
     * Where {@code @Valid} is missing, and the first constraint it leaves unchecked.
     *
     * @param holder the parameter or property that needs {@code @Valid}: {@code parameter 's'}
     * @param constrained what is never checked: {@code property 'name' of com.example.Signup (@NotBlank)}
     */
    record Gap(String holder, String constrained) {}

    private ValidCascade() {}

    /**
     * The gap below a function's parameter, which Bean Validation checks through the method; {@code null} if none.
     *
     * @param beanClass the bean class, which gives the type variables of a generic superclass their types
     */
    static Gap ofParameter(Parameter parameter, Class<?> beanClass) {
        AnnotatedType type = parameter.getAnnotatedType();
        Type resolved = GenericTypes.resolve(type.getType(), beanClass);
        return gap(
                "parameter '" + parameter.getName() + "'",
                resolved.equals(type.getType()) ? type : new Unannotated(resolved),
                isValid(parameter.getAnnotations()),
                Map.of(),
                new HashSet<>());
    }

    /**
     * A type with no annotations, for a type a generic superclass's variable stands for: the annotations written
     * on the variable's uses are not the type's. Only {@code @Valid} on the parameter itself then reaches inside.
     */
    private record Unannotated(Type type) implements AnnotatedParameterizedType, AnnotatedArrayType {
        @Override
        public Type getType() {
            return type;
        }

        @Override
        public AnnotatedType[] getAnnotatedActualTypeArguments() {
            return type instanceof ParameterizedType p
                    ? Arrays.stream(p.getActualTypeArguments())
                            .map(Unannotated::new)
                            .toArray(AnnotatedType[]::new)
                    : new AnnotatedType[0];
        }

        @Override
        public AnnotatedType getAnnotatedGenericComponentType() {
            if (type instanceof GenericArrayType array) {
                return new Unannotated(array.getGenericComponentType());
            }
            return new Unannotated(type instanceof Class<?> c && c.isArray() ? c.getComponentType() : Object.class);
        }

        @Override
        public AnnotatedType getAnnotatedOwnerType() {
            return null;
        }

        @Override
        public <T extends Annotation> T getAnnotation(Class<T> annotationClass) {
            return null;
        }

        @Override
        public Annotation[] getAnnotations() {
            return new Annotation[0];
        }

        @Override
        public Annotation[] getDeclaredAnnotations() {
            return new Annotation[0];
        }
    }

    /** The gap inside an object validated whole (a form's record, a channel's message); {@code null} if none. */
    static Gap inValue(Class<?> type) {
        return isObject(type) ? properties(type, new HashSet<>()) : null;
    }

    /**
     * The gap below a value of the type.
     *
     * @param bindings the types the enclosing generic record's type variables stand for ({@code Page<Address>}'s
     *     {@code T} is {@code Address}): a constraint reached through one is as real as any other
     */
    private static Gap gap(
            String holder, AnnotatedType type, boolean valid, Map<TypeVariable<?>, Type> bindings, Set<Type> seen) {
        valid = valid || isValid(type.getAnnotations());
        if (type.getType() instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            // a variable nothing binds: its type is the record's user's
            return bound == null ? null : gap(holder, new Unannotated(bound), valid, Map.of(), seen);
        }
        if (type instanceof AnnotatedArrayType array && isArray(type.getType())) {
            return gap(holder, array.getAnnotatedGenericComponentType(), valid, bindings, seen);
        }
        Class<?> raw = raw(type.getType());
        if (raw == null) {
            return null; // a wildcard
        }
        if (type instanceof AnnotatedParameterizedType parameterized && isContainer(raw)) {
            AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
            // a map's values, as Bean Validation
            return gap(holder, arguments[arguments.length - 1], valid, bindings, seen);
        }
        if (!isObject(raw)) {
            return null;
        }
        Type object = GenericTypes.substitute(type.getType(), bindings);
        if (valid) {
            return properties(object, seen);
        }
        String constrained = anyConstraint(object, new HashSet<>());
        return constrained == null ? null : new Gap(holder, constrained);
    }

    /** The first gap among an object's properties, the object itself being checked. */
    private static Gap properties(Type type, Set<Type> seen) {
        if (!seen.add(type) || seen.size() > MAX_TYPES) {
            return null;
        }
        Class<?> raw = raw(type);
        Map<TypeVariable<?>, Type> bindings = GenericTypes.argumentsOf(type);
        for (JsonbProperties.Property p : JsonbProperties.of(raw)) {
            Gap gap = gap(
                    "property '" + p.javaName() + "' of " + raw.getName(),
                    p.annotatedType(),
                    isValid(p.annotations().toArray(Annotation[]::new)),
                    bindings,
                    seen);
            if (gap != null) {
                return gap;
            }
        }
        return null;
    }

    /** The first constraint within reach of an object (its own, its properties', theirs), or {@code null}. */
    private static String anyConstraint(Type type, Set<Type> seen) {
        if (!seen.add(type) || seen.size() > MAX_TYPES) {
            return null;
        }
        Class<?> raw = raw(type);
        List<ConstraintModel> own = Annotations.constraints(List.of(raw.getAnnotations()));
        if (!own.isEmpty()) {
            return raw.getName() + " (@" + own.get(0).name() + ")";
        }
        Map<TypeVariable<?>, Type> bindings = GenericTypes.argumentsOf(type);
        for (JsonbProperties.Property p : JsonbProperties.of(raw)) {
            List<ConstraintModel> constraints = Annotations.constraints(p.annotations());
            if (!constraints.isEmpty()) {
                return "property '" + p.javaName() + "' of " + raw.getName() + " (@"
                        + constraints.get(0).name() + ")";
            }
            Type inner = object(p.annotatedType(), bindings);
            String found = inner == null ? null : anyConstraint(inner, seen);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The object type a type holds, through arrays, containers and bound variables; {@code null} for scalars. */
    private static Type object(AnnotatedType type, Map<TypeVariable<?>, Type> bindings) {
        if (type.getType() instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            return bound == null ? null : object(new Unannotated(bound), Map.of());
        }
        if (type instanceof AnnotatedArrayType array && isArray(type.getType())) {
            return object(array.getAnnotatedGenericComponentType(), bindings);
        }
        Class<?> raw = raw(type.getType());
        if (raw != null && type instanceof AnnotatedParameterizedType parameterized && isContainer(raw)) {
            AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
            return object(arguments[arguments.length - 1], bindings);
        }
        return raw != null && isObject(raw) ? GenericTypes.substitute(type.getType(), bindings) : null;
    }

    private static boolean isArray(Type type) {
        return type instanceof GenericArrayType || (type instanceof Class<?> c && c.isArray());
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }

    private static boolean isContainer(Class<?> raw) {
        return Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw == Optional.class;
    }

    /** Whether Bean Validation would look inside values of the class: not a scalar, an enum or a JDK type. */
    private static boolean isObject(Class<?> c) {
        return !c.isPrimitive()
                && !c.isArray()
                && !c.isEnum()
                && ScalarTypes.kindOf(c) == null
                && !c.getName().startsWith("java.")
                && !c.getName().startsWith("jakarta.");
    }

    private static boolean isValid(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals(VALID)) {
                return true;
            }
        }
        return false;
    }
}
