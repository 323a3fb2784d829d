package io.mizan.model;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

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

    private static final Map<Class<?>, ScalarKind> SCALARS = new LinkedHashMap<>();

    static {
        for (Class<?> c : List.of(String.class, char.class, Character.class)) {
            SCALARS.put(c, ScalarKind.STRING);
        }
        for (Class<?> c : List.of(boolean.class, Boolean.class)) {
            SCALARS.put(c, ScalarKind.BOOLEAN);
        }
        for (Class<?> c : List.of(
                byte.class,
                short.class,
                int.class,
                long.class,
                Byte.class,
                Short.class,
                Integer.class,
                Long.class,
                BigInteger.class)) {
            SCALARS.put(c, ScalarKind.INTEGER);
        }
        for (Class<?> c : List.of(float.class, double.class, Float.class, Double.class, BigDecimal.class)) {
            SCALARS.put(c, ScalarKind.NUMBER);
        }
        SCALARS.put(LocalDate.class, ScalarKind.DATE);
        for (Class<?> c :
                List.of(Instant.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class, Date.class)) {
            SCALARS.put(c, ScalarKind.DATE_TIME);
        }
        SCALARS.put(LocalTime.class, ScalarKind.TIME);
        SCALARS.put(OffsetTime.class, ScalarKind.TIME);
        SCALARS.put(Duration.class, ScalarKind.DURATION);
        SCALARS.put(Period.class, ScalarKind.DURATION);
        SCALARS.put(UUID.class, ScalarKind.UUID);
    }

    private final Map<Class<?>, TypeDef> defs = new LinkedHashMap<>();
    private final Map<String, Class<?>> names = new LinkedHashMap<>();
    private final Map<Class<?>, String> assigned = new LinkedHashMap<>();
    private final Set<Class<?>> inProgress = new HashSet<>();
    private final List<String> contradictions = new ArrayList<>();

    /** The named types met so far, in the order met. */
    public Collection<TypeDef> definitions() {
        return List.copyOf(defs.values());
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
        return SCALARS.containsKey(type);
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
        ScalarKind kind = SCALARS.get(c);
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
            define(
                    c,
                    () -> new TypeDef.EnumDef(
                            nameOf(c),
                            c,
                            Arrays.stream(c.getEnumConstants())
                                    .map(e -> ((Enum<?>) e).name())
                                    .toList()));
            return new TypeRef.EnumRef(nameOf(c));
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
            return new TypeRef.ListOf(map(args[0], input), false);
        }
        if (raw == Set.class
                || raw == java.util.SortedSet.class
                || raw == java.util.HashSet.class
                || raw == java.util.LinkedHashSet.class
                || raw == java.util.TreeSet.class) {
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
        if (c == Object.class) {
            throw new UnsupportedTypeException("Object says nothing of the value's shape; use a concrete type"
                    + " (or jakarta.json.JsonValue for free-form JSON)");
        }
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            throw new UnsupportedTypeException(c.getName() + " is " + (c.isInterface() ? "an interface" : "abstract")
                    + ", so JSON-B cannot create it; use a record or a concrete class");
        }
        if (c.isPrimitive()
                || c.getName().startsWith("java.")
                || c.getName().startsWith("javax.")
                || c.getName().startsWith("jakarta.")) {
            throw new UnsupportedTypeException(c.getName() + " has no JSON form; use a record of your own");
        }
        if (c.getTypeParameters().length != args.size()) {
            throw new UnsupportedTypeException("the generic type " + c.getSimpleName()
                    + " is used without its type arguments; write " + c.getSimpleName() + "<...>");
        }
        if (input && c.isRecord() && !args.isEmpty()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                // Yasson resolves List<T> in a record but not a bare T ("Error resolving runtime type")
                if (rc.getGenericType() instanceof TypeVariable<?>) {
                    throw new UnsupportedTypeException("JSON-B (Yasson) cannot read the component '" + rc.getName()
                            + "' of the generic record " + c.getSimpleName() + ", whose type is the bare type variable "
                            + rc.getGenericType().getTypeName() + "; use a generic class with a no-argument"
                            + " constructor, or a concrete type");
                }
            }
        }
        if (input && !c.isRecord() && !hasCreator(c)) {
            throw new UnsupportedTypeException(c.getName() + " has no public no-argument constructor or"
                    + " @JsonbCreator, so JSON-B cannot create it; make it a record or add one");
        }
        if (!defs.containsKey(c) && inProgress.add(c)) {
            try {
                TypeDef def = new TypeDef.ObjectDef(
                        nameOf(c),
                        c,
                        Arrays.stream(c.getTypeParameters())
                                .map(TypeVariable::getName)
                                .toList(),
                        properties(c, input));
                define(c, () -> def);
            } finally {
                inProgress.remove(c);
            }
        }
        return new TypeRef.ObjectRef(nameOf(c), args);
    }

    private static boolean hasCreator(Class<?> c) {
        if (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
            return false;
        }
        for (var ctor : c.getDeclaredConstructors()) {
            if (ctor.isAnnotationPresent(JsonbCreator.class)) {
                return true;
            }
            if (ctor.getParameterCount() == 0 && !Modifier.isPrivate(ctor.getModifiers())) {
                return true;
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.isAnnotationPresent(JsonbCreator.class)) {
                return true;
            }
        }
        return false;
    }

    /** The properties JSON-B sees: a record's components, else public fields and getters. */
    private List<PropertyModel> properties(Class<?> c, boolean input) throws UnsupportedTypeException {
        List<PropertyModel> props = new ArrayList<>();
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                Field field = declaredField(c, rc.getName());
                if (transientProperty(field, rc.getAccessor())) {
                    continue;
                }
                props.add(property(c, rc.getName(), rc.getGenericType(), field, rc.getAccessor(), input));
            }
            return props;
        }
        Map<String, Type> types = new LinkedHashMap<>();
        Map<String, Field> fields = new LinkedHashMap<>();
        Map<String, Method> getters = new LinkedHashMap<>();
        for (Field f : c.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())) {
                types.put(f.getName(), f.getGenericType());
                fields.put(f.getName(), f);
            }
        }
        for (Method m : c.getMethods()) {
            String property = getterProperty(m);
            if (property != null) {
                types.putIfAbsent(property, m.getGenericReturnType());
                getters.put(property, m);
                fields.putIfAbsent(property, declaredField(c, property));
            }
        }
        for (Map.Entry<String, Type> e : types.entrySet()) {
            Field field = fields.get(e.getKey());
            Method getter = getters.get(e.getKey());
            if (!transientProperty(field, getter)) {
                props.add(property(c, e.getKey(), e.getValue(), field, getter, input));
            }
        }
        return props;
    }

    private PropertyModel property(
            Class<?> owner, String javaName, Type type, Field field, Method getter, boolean input)
            throws UnsupportedTypeException {
        String name = javaName;
        for (AnnotatedElement el : new AnnotatedElement[] {field, getter}) {
            if (el != null && el.isAnnotationPresent(JsonbProperty.class)) {
                String value = el.getAnnotation(JsonbProperty.class).value();
                if (!value.isEmpty()) {
                    name = value;
                }
            }
        }
        List<Annotation> annotations = new ArrayList<>();
        if (field != null) {
            annotations.addAll(Arrays.asList(field.getAnnotations()));
            annotations.addAll(Arrays.asList(field.getAnnotatedType().getAnnotations()));
        }
        if (getter != null) {
            annotations.addAll(Arrays.asList(getter.getAnnotations()));
        }
        String contradiction =
                Annotations.nullabilityContradiction(owner.getName(), "property '" + javaName + "'", type, annotations);
        if (contradiction != null) {
            contradictions.add(contradiction);
        }
        try {
            TypeRef ref = map(type, Annotations.nullable(annotations), input);
            return new PropertyModel(name, javaName, ref, Annotations.constraints(annotations));
        } catch (UnsupportedTypeException e) {
            throw new UnsupportedTypeException(
                    "property '" + javaName + "' of " + owner.getName() + ": " + e.getMessage());
        }
    }

    private static boolean transientProperty(Field field, Method getter) {
        return (field != null && field.isAnnotationPresent(JsonbTransient.class))
                || (getter != null && getter.isAnnotationPresent(JsonbTransient.class));
    }

    private static String getterProperty(Method m) {
        if (Modifier.isStatic(m.getModifiers())
                || m.getParameterCount() != 0
                || m.getDeclaringClass() == Object.class
                || m.isBridge()
                || m.isSynthetic()) {
            return null;
        }
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3 && m.getReturnType() != void.class) {
            return decapitalize(n.substring(3));
        }
        if (n.startsWith("is")
                && n.length() > 2
                && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            return decapitalize(n.substring(2));
        }
        return null;
    }

    private static String decapitalize(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(1)) && Character.isUpperCase(s.charAt(0))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static Field declaredField(Class<?> c, String name) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            try {
                return k.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    private interface DefSupplier {
        TypeDef get() throws UnsupportedTypeException;
    }

    private void define(Class<?> c, DefSupplier supplier) throws UnsupportedTypeException {
        if (!defs.containsKey(c)) {
            nameOf(c);
            defs.put(c, supplier.get());
        }
    }

    /**
     * The name a type has in the schema and in TypeScript: its simple name, as a hand-written client
     * would call it. A nested type whose simple name is taken by another type is named with its outer
     * class ({@code OrdersView}); a clash that remains is refused.
     */
    private String nameOf(Class<?> c) throws UnsupportedTypeException {
        String known = assigned.get(c);
        if (known != null) {
            return known;
        }
        String name = c.getSimpleName();
        if (names.containsKey(name) && c.getEnclosingClass() != null) {
            name = qualifiedName(c);
        }
        Class<?> other = names.get(name);
        if (other != null) {
            throw new UnsupportedTypeException("the types " + other.getName() + " and " + c.getName()
                    + " would both be called " + name + " in TypeScript; rename one");
        }
        names.put(name, c);
        assigned.put(c, name);
        return name;
    }

    private static String qualifiedName(Class<?> c) {
        return c.getEnclosingClass().getSimpleName() + c.getSimpleName();
    }
}
