package io.mizan.model;

import jakarta.json.JsonValue;

import java.lang.annotation.Annotation;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Maps Java types to {@link TypeRef}s the way JSON-B (Yasson) writes them, and collects the named
 * types they use. Refuses what JSON-B cannot write and read back faithfully, with the reason.
 */
public final class TypeMapper {

    /** A type that cannot travel as JSON, and why. */
    public static final class UnsupportedTypeException extends Exception {
        public UnsupportedTypeException(String message) {
            super(message, null, false, false);
        }
    }

    private final NamedTypes named;

    public TypeMapper() {
        this(new NamedTypes());
    }

    TypeMapper(NamedTypes named) {
        this.named = named;
    }

    /** How the named types met so far were named. */
    NamedTypes named() {
        return named;
    }

    private final List<String> contradictions = new ArrayList<>();

    /** The named types met so far, in the order met. */
    public Collection<TypeDef> definitions() {
        return named.definitions();
    }

    /**
     * Properties of the types met so far whose nullability contradicts itself ({@code @Nullable} on a
     * primitive or an {@code Optional}, {@code @Nullable} with {@code @NotNull}), as messages. They are
     * mapped as if nullable, so that the builder can report every problem at once.
     */
    List<String> contradictions() {
        return List.copyOf(contradictions);
    }

    /** Whether the class is one of the scalar types. */
    public static boolean isScalar(Class<?> type) {
        return ScalarTypes.isScalar(type);
    }

    /**
     * Maps a type.
     *
     * @param type the generic Java type
     * @param nullable whether the element carries {@code @Nullable}
     * @param input whether values of the type are read from JSON (arguments), not only written
     */
    public TypeRef map(Type type, boolean nullable, boolean input) throws UnsupportedTypeException {
        TypeRef ref = map(type, input);
        if (nullable && !(ref instanceof TypeRef.Nullable)) {
            return new TypeRef.Nullable(ref);
        }
        return ref;
    }

    private TypeRef map(Type type, boolean input) throws UnsupportedTypeException {
        if (type instanceof Class<?> c) {
            return mapClass(c, input);
        }
        if (type instanceof ParameterizedType p) {
            return mapParameterized(p, input);
        }
        if (type instanceof GenericArrayType a) {
            return new TypeRef.ListOf(map(a.getGenericComponentType(), input), false);
        }
        if (type instanceof TypeVariable<?> v) {
            if (v.getGenericDeclaration() instanceof Class<?>) {
                return new TypeRef.TypeVar(v.getName());
            }
            throw new UnsupportedTypeException(
                    "the type variable " + v.getName() + " is not bound to a concrete type; use a concrete type");
        }
        if (type instanceof WildcardType w) {
            if (w.getLowerBounds().length == 0
                    && w.getUpperBounds().length == 1
                    && w.getUpperBounds()[0] != Object.class) {
                return map(w.getUpperBounds()[0], input);
            }
            throw new UnsupportedTypeException(
                    "the wildcard " + w + " says nothing of the element type;" + " use a concrete type");
        }
        throw new UnsupportedTypeException("the type " + type + " is not supported");
    }

    private TypeRef mapClass(Class<?> c, boolean input) throws UnsupportedTypeException {
        ScalarKind kind = ScalarTypes.kindOf(c);
        if (kind != null) {
            return new TypeRef.Scalar(kind, c);
        }
        if (c == void.class || c == Void.class) {
            return new TypeRef.Void();
        }
        if (c == OptionalInt.class || c == OptionalLong.class) {
            return new TypeRef.Nullable(new TypeRef.Scalar(ScalarKind.INTEGER, c));
        }
        if (c == OptionalDouble.class) {
            return new TypeRef.Nullable(new TypeRef.Scalar(ScalarKind.NUMBER, c));
        }
        if (JsonValue.class.isAssignableFrom(c)) {
            return new TypeRef.Json();
        }
        if (c.isArray()) {
            if (c == byte[].class) {
                throw new UnsupportedTypeException("byte[] is written as a base64 or number array depending"
                        + " on configuration; send a String (base64) instead");
            }
            return new TypeRef.ListOf(mapClass(c.getComponentType(), input), false);
        }
        if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c) || c == Optional.class) {
            throw new UnsupportedTypeException("the raw type " + c.getSimpleName()
                    + " does not say its element type; write " + c.getSimpleName() + "<...>");
        }
        if (c.isEnum()) {
            checkJsonForm(c);
            named.define(
                    c,
                    () -> new TypeDef.EnumDef(
                            named.nameOf(c),
                            c,
                            Arrays.stream(c.getEnumConstants())
                                    .map(e -> ((Enum<?>) e).name())
                                    .toList()));
            return new TypeRef.EnumRef(named.nameOf(c));
        }
        return objectRef(c, List.of(), input);
    }

    private TypeRef mapParameterized(ParameterizedType p, boolean input) throws UnsupportedTypeException {
        Class<?> raw = (Class<?>) p.getRawType();
        Type[] args = p.getActualTypeArguments();
        if (raw == Optional.class) {
            return new TypeRef.Nullable(map(args[0], input));
        }
        if (raw == List.class
                || raw == Collection.class
                || raw == Iterable.class
                || raw == java.util.ArrayList.class
                || raw == java.util.LinkedList.class) {
            if (raw == Iterable.class && input) {
                throw new UnsupportedTypeException("JSON-B cannot create an Iterable; use List<T>");
            }
            return new TypeRef.ListOf(map(args[0], input), false);
        }
        if (raw == Set.class
                || raw == java.util.SortedSet.class
                || raw == java.util.HashSet.class
                || raw == java.util.LinkedHashSet.class
                || raw == java.util.TreeSet.class) {
            boolean sorted = raw == java.util.SortedSet.class || raw == java.util.TreeSet.class;
            if (sorted
                    && input
                    && !(args[0] instanceof Class<?> element
                            && (element.isPrimitive() || Comparable.class.isAssignableFrom(element)))) {
                throw new UnsupportedTypeException("the elements of a " + raw.getSimpleName()
                        + " must be Comparable for JSON-B to sort them, and " + args[0].getTypeName()
                        + " is not; use Set<T> or List<T>, or make it Comparable");
            }
            return new TypeRef.ListOf(map(args[0], input), true);
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (raw != Map.class
                    && raw != java.util.SortedMap.class
                    && raw != java.util.HashMap.class
                    && raw != java.util.LinkedHashMap.class
                    && raw != java.util.TreeMap.class) {
                throw new UnsupportedTypeException(
                        "the map type " + raw.getSimpleName() + " cannot be created by JSON-B; use Map<K, V>");
            }
            TypeRef key = map(args[0], input);
            if (!(key instanceof TypeRef.Scalar s
                            && (s.kind() == ScalarKind.STRING
                                    || s.kind() == ScalarKind.INTEGER
                                    || s.kind() == ScalarKind.UUID))
                    && !(key instanceof TypeRef.EnumRef)) {
                throw new UnsupportedTypeException("a map key must be a String, a whole number, a UUID or an"
                        + " enum, not " + args[0].getTypeName());
            }
            return new TypeRef.MapOf(key, map(args[1], input));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            throw new UnsupportedTypeException("the collection type " + raw.getSimpleName()
                    + " cannot be created by JSON-B; use List<T> or Set<T>");
        }
        List<TypeRef> refs = new ArrayList<>();
        for (Type arg : args) {
            refs.add(map(arg, input));
        }
        return objectRef(raw, refs, input);
    }

    private TypeRef objectRef(Class<?> c, List<TypeRef> args, boolean input) throws UnsupportedTypeException {
        checkJsonForm(c);
        JsonbObjectRules.check(c, args.size(), input);
        named.define(
                c,
                () -> new TypeDef.ObjectDef(
                        named.nameOf(c),
                        c,
                        Arrays.stream(c.getTypeParameters())
                                .map(TypeVariable::getName)
                                .toList(),
                        properties(c, input)));
        return new TypeRef.ObjectRef(named.nameOf(c), args);
    }

    /** Refuses a type that JSON-B would write in another form than its own: an adapter on it or on its package. */
    private static void checkJsonForm(Class<?> c) throws UnsupportedTypeException {
        String jsonForm = Annotations.jsonForm(c.getAnnotations());
        if (jsonForm == null && c.getPackage() != null) {
            jsonForm = Annotations.jsonForm(c.getPackage().getAnnotations());
        }
        if (jsonForm != null) {
            throw new UnsupportedTypeException(c.getName() + ": " + jsonForm);
        }
    }

    private List<PropertyModel> properties(Class<?> c, boolean input) throws UnsupportedTypeException {
        List<PropertyModel> props = new ArrayList<>();
        Map<String, String> javaNames = new HashMap<>();
        for (JsonbProperties.Property p : JsonbProperties.of(c)) {
            String other = javaNames.putIfAbsent(p.name(), p.javaName());
            if (other != null) {
                throw new UnsupportedTypeException("the properties '" + other + "' and '" + p.javaName() + "' of "
                        + c.getName() + " have one JSON name, '" + p.name()
                        + "', so neither could be told from the other; give each its own name with @JsonbProperty");
            }
            props.add(property(c, p, input));
        }
        return props;
    }

    private PropertyModel property(Class<?> owner, JsonbProperties.Property p, boolean input)
            throws UnsupportedTypeException {
        List<Annotation> annotations = p.annotations();
        String contradiction = Annotations.nullabilityContradiction(
                owner.getName(), "property '" + p.javaName() + "'", p.type(), annotations);
        if (contradiction != null) {
            contradictions.add(contradiction);
        }
        try {
            TypeRef ref = Annotations.withNullableArguments(
                    map(p.type(), Annotations.nullable(annotations), input), p.annotatedType());
            List<ConstraintModel> constraints = Annotations.constraints(annotations);
            Annotations.checkElement(p.type(), annotations, constraints);
            return new PropertyModel(p.name(), p.javaName(), ref, constraints);
        } catch (UnsupportedTypeException e) {
            throw new UnsupportedTypeException(
                    "property '" + p.javaName() + "' of " + owner.getName() + ": " + e.getMessage());
        }
    }
}
