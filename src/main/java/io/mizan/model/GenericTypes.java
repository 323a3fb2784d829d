package io.mizan.model;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A function's types as its bean class sees them: the type variables of the generic classes it extends replaced by
 * the arguments it gives them.
 *
 * <pre>{@code
 * abstract class Crud<T> { @Client public List<T> all() {...} }
 * class Users extends Crud<User> {}
 * GenericTypes.resolve(all.getGenericReturnType(), Users.class)   // List<User>
 * }</pre>
 */
final class GenericTypes {

    private GenericTypes() {}

    /** The type with every type variable the bean class binds replaced; the type itself when it binds none. */
    static Type resolve(Type type, Class<?> beanClass) {
        if (type instanceof Class<?>) {
            return type;
        }
        Map<TypeVariable<?>, Type> bindings = bindings(beanClass);
        return bindings.isEmpty() ? type : substitute(type, bindings);
    }

    /** What each superclass's type variables are, from the bean class up: {@code Base<X>}'s X, then Crud's T. */
    private static Map<TypeVariable<?>, Type> bindings(Class<?> beanClass) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        for (Class<?> k = beanClass; k != null && k != Object.class; k = k.getSuperclass()) {
            argumentsOf(k.getGenericSuperclass()).forEach((v, a) -> bindings.put(v, substitute(a, bindings)));
        }
        return bindings;
    }

    /**
     * What a parameterized type gives its class's type variables: {@code Page<Address>} binds Page's {@code T} to
     * {@code Address}; nothing for any other type.
     */
    static Map<TypeVariable<?>, Type> argumentsOf(Type type) {
        if (!(type instanceof ParameterizedType p) || !(p.getRawType() instanceof Class<?> raw)) {
            return Map.of();
        }
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        TypeVariable<?>[] variables = raw.getTypeParameters();
        Type[] arguments = p.getActualTypeArguments();
        for (int i = 0; i < variables.length && i < arguments.length; i++) {
            bindings.put(variables[i], arguments[i]);
        }
        return bindings;
    }

    /** The type with the variables the bindings name replaced by their types. */
    static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> v) {
            return bindings.getOrDefault(v, v);
        }
        if (type instanceof ParameterizedType p) {
            Type[] arguments = p.getActualTypeArguments();
            Type[] substituted = new Type[arguments.length];
            boolean changed = false;
            for (int i = 0; i < arguments.length; i++) {
                substituted[i] = substitute(arguments[i], bindings);
                changed |= substituted[i] != arguments[i];
            }
            return changed ? new Parameterized((Class<?>) p.getRawType(), substituted, p.getOwnerType()) : p;
        }
        if (type instanceof GenericArrayType a) {
            Type component = substitute(a.getGenericComponentType(), bindings);
            if (component == a.getGenericComponentType()) {
                return a;
            }
            return component instanceof Class<?> c ? c.arrayType() : new GenericArray(component);
        }
        if (type instanceof WildcardType w && w.getLowerBounds().length == 0 && w.getUpperBounds().length == 1) {
            Type bound = substitute(w.getUpperBounds()[0], bindings);
            return bound == w.getUpperBounds()[0] ? w : bound; // a wildcard is read as its bound
        }
        return type;
    }

    /** An array of a parameterized type made here, equal to the JDK's of the same component. */
    private record GenericArray(Type component) implements GenericArrayType {
        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof GenericArrayType a && component.equals(a.getGenericComponentType());
        }

        @Override
        public int hashCode() {
            return component.hashCode();
        }

        @Override
        public String toString() {
            return component.getTypeName() + "[]";
        }
    }

    /** A parameterized type made here, equal to the JDK's of the same parts (JSON-B and caches compare them). */
    private static final class Parameterized implements ParameterizedType {
        private final Class<?> raw;
        private final Type[] arguments;
        private final Type owner;

        Parameterized(Class<?> raw, Type[] arguments, Type owner) {
            this.raw = raw;
            this.arguments = arguments;
            this.owner = owner;
        }

        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return owner;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ParameterizedType p
                    && raw.equals(p.getRawType())
                    && Objects.equals(owner, p.getOwnerType())
                    && Arrays.equals(arguments, p.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(arguments) ^ Objects.hashCode(owner) ^ raw.hashCode();
        }

        @Override
        public String toString() {
            return raw.getTypeName()
                    + Arrays.stream(arguments).map(Type::getTypeName).collect(Collectors.joining(", ", "<", ">"));
        }
    }
}
