package io.mizan.model;

import io.mizan.messages.Messages;
import jakarta.validation.Constraint;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** Reads what the model needs from annotations: nullability and Bean Validation constraints. */
final class Annotations {

    private static final Set<String> SKIPPED_ATTRIBUTES = Set.of("groups", "payload");

    private Annotations() {}

    /** Any annotation called {@code Nullable}, from whichever package, marks a value that may be null. */
    static boolean nullable(Collection<Annotation> annotations) {
        return annotations.stream()
                .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
    }

    /** An element's annotations and its type's: a type-use annotation is on the type alone. */
    static List<Annotation> withTypeUse(Annotation[] declared, AnnotatedType type) {
        List<Annotation> all = new ArrayList<>(List.of(declared));
        for (Annotation a : type.getAnnotations()) {
            if (!all.contains(a)) {
                all.add(a);
            }
        }
        return all;
    }

    /**
     * The type with the nullability that annotations on its type arguments give ({@code List<@Nullable String>}:
     * a list of strings or nulls), which {@link #nullable} of the element alone does not see.
     *
     * @param ref the type mapped from {@code type}'s plain Java type
     */
    static TypeRef withNullableArguments(TypeRef ref, AnnotatedType type) {
        if (ref instanceof TypeRef.Nullable n) {
            // Optional<X> is Nullable(X), X being its argument; @Nullable X is Nullable(X) of the type itself
            AnnotatedType inner = isOptional(type) ? argument(type, 0) : type;
            return inner == null ? ref : new TypeRef.Nullable(withNullableArguments(n.inner(), inner));
        }
        if (ref instanceof TypeRef.ListOf l) {
            AnnotatedType item =
                    type instanceof AnnotatedArrayType a ? a.getAnnotatedGenericComponentType() : argument(type, 0);
            return item == null ? ref : new TypeRef.ListOf(nullableIfAnnotated(l.item(), item), l.unique());
        }
        if (ref instanceof TypeRef.MapOf m) {
            AnnotatedType value = argument(type, 1);
            return value == null ? ref : new TypeRef.MapOf(m.key(), nullableIfAnnotated(m.value(), value));
        }
        if (ref instanceof TypeRef.ObjectRef o && !o.arguments().isEmpty()) {
            List<TypeRef> arguments = new ArrayList<>();
            for (int i = 0; i < o.arguments().size(); i++) {
                AnnotatedType argument = argument(type, i);
                arguments.add(
                        argument == null
                                ? o.arguments().get(i)
                                : nullableIfAnnotated(o.arguments().get(i), argument));
            }
            return new TypeRef.ObjectRef(o.name(), arguments);
        }
        return ref;
    }

    private static TypeRef nullableIfAnnotated(TypeRef ref, AnnotatedType type) {
        TypeRef inner = withNullableArguments(ref, type);
        return nullable(List.of(type.getAnnotations())) && !(inner instanceof TypeRef.Nullable)
                ? new TypeRef.Nullable(inner)
                : inner;
    }

    private static boolean isOptional(AnnotatedType type) {
        Type t = type.getType();
        return t instanceof ParameterizedType p && p.getRawType() == Optional.class;
    }

    private static AnnotatedType argument(AnnotatedType type, int index) {
        if (type instanceof AnnotatedParameterizedType p) {
            AnnotatedType[] arguments = p.getAnnotatedActualTypeArguments();
            return index < arguments.length ? arguments[index] : null;
        }
        return null;
    }

    /** Whether an annotation says the value is never null ({@code NotNull}, {@code Nonnull}, {@code NonNull}). */
    static boolean notNull(Collection<Annotation> annotations) {
        return annotations.stream()
                .map(a -> a.annotationType().getSimpleName())
                .anyMatch(n -> n.equals("NotNull") || n.equals("Nonnull") || n.equals("NonNull"));
    }

    /**
     * The contradiction in how an element's nullability is declared, or {@code null} when there is none:
     * {@code @Nullable} on a primitive (never null) or on an {@code Optional} (absent twice over), or
     * {@code @Nullable} together with {@code @NotNull}.
     *
     * @param where the class (and method) that declares it, for the message
     * @param element what it is: {@code "parameter 'age'"}, {@code "its result"}, {@code "property 'age'"}
     * @param type its Java type
     */
    static String nullabilityContradiction(
            String where, String element, Type type, Collection<Annotation> annotations) {
        if (!nullable(annotations)) {
            return null;
        }
        Class<?> raw =
                type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : type instanceof Class<?> c ? c : null;
        if (raw != null && raw.isPrimitive()) {
            return Messages.nullablePrimitive(where, element, raw.getName());
        }
        if (raw == Optional.class
                || raw == OptionalInt.class
                || raw == OptionalLong.class
                || raw == OptionalDouble.class) {
            return Messages.nullableOptional(where, element);
        }
        if (notNull(annotations)) {
            return Messages.nullableAndNotNull(where, element);
        }
        return null;
    }

    /**
     * Refuses what a parameter's or property's annotations ask that Mizan cannot follow: a JSON-B format or adapter
     * ({@link #jsonForm}), or a constraint Bean Validation has no validator for ({@link #inapplicableConstraint}).
     */
    static void checkElement(Type type, Collection<Annotation> annotations, List<ConstraintModel> constraints)
            throws TypeMapper.UnsupportedTypeException {
        String problem = jsonForm(annotations.toArray(Annotation[]::new));
        if (problem == null) {
            problem = inapplicableConstraint(type, constraints);
        }
        if (problem != null) {
            throw new TypeMapper.UnsupportedTypeException(problem);
        }
    }

    /** What a value is, for the standard constraints that apply to it. */
    private enum ConstrainedKind {
        TEXT,
        NUMBER,
        BOOLEAN,
        TEMPORAL,
        CONTAINER,
        OTHER
    }

    private static final Set<Class<?>> TEMPORAL_TYPES = Set.of(
            java.time.Instant.class,
            java.time.LocalDate.class,
            java.time.LocalDateTime.class,
            java.time.LocalTime.class,
            java.time.OffsetDateTime.class,
            java.time.OffsetTime.class,
            java.time.ZonedDateTime.class,
            java.time.MonthDay.class,
            java.time.Year.class,
            java.time.YearMonth.class,
            java.util.Date.class,
            java.util.Calendar.class);

    /** The kinds of value each standard constraint has a validator for in Bean Validation (and Hibernate's). */
    private static final Map<String, Set<ConstrainedKind>> APPLIES_TO = Map.ofEntries(
            Map.entry("AssertTrue", Set.of(ConstrainedKind.BOOLEAN)),
            Map.entry("AssertFalse", Set.of(ConstrainedKind.BOOLEAN)),
            Map.entry("Size", Set.of(ConstrainedKind.TEXT, ConstrainedKind.CONTAINER)),
            Map.entry("NotEmpty", Set.of(ConstrainedKind.TEXT, ConstrainedKind.CONTAINER)),
            Map.entry("NotBlank", Set.of(ConstrainedKind.TEXT)),
            Map.entry("Pattern", Set.of(ConstrainedKind.TEXT)),
            Map.entry("Email", Set.of(ConstrainedKind.TEXT)),
            Map.entry("Min", Set.of(ConstrainedKind.NUMBER, ConstrainedKind.TEXT)),
            Map.entry("Max", Set.of(ConstrainedKind.NUMBER, ConstrainedKind.TEXT)),
            Map.entry("DecimalMin", Set.of(ConstrainedKind.NUMBER, ConstrainedKind.TEXT)),
            Map.entry("DecimalMax", Set.of(ConstrainedKind.NUMBER, ConstrainedKind.TEXT)),
            Map.entry("Digits", Set.of(ConstrainedKind.NUMBER, ConstrainedKind.TEXT)),
            Map.entry("Positive", Set.of(ConstrainedKind.NUMBER, ConstrainedKind.TEXT)),
            Map.entry("PositiveOrZero", Set.of(ConstrainedKind.NUMBER, ConstrainedKind.TEXT)),
            Map.entry("Negative", Set.of(ConstrainedKind.NUMBER, ConstrainedKind.TEXT)),
            Map.entry("NegativeOrZero", Set.of(ConstrainedKind.NUMBER, ConstrainedKind.TEXT)),
            Map.entry("Past", Set.of(ConstrainedKind.TEMPORAL)),
            Map.entry("PastOrPresent", Set.of(ConstrainedKind.TEMPORAL)),
            Map.entry("Future", Set.of(ConstrainedKind.TEMPORAL)),
            Map.entry("FutureOrPresent", Set.of(ConstrainedKind.TEMPORAL)));

    /** Where a constraint of each set of kinds can go, in a fix. */
    private static final Map<Set<ConstrainedKind>, String> PLACES = Map.of(
            Set.of(ConstrainedKind.TEXT), "a String",
            Set.of(ConstrainedKind.TEXT, ConstrainedKind.CONTAINER), "a String, a collection, a map or an array",
            Set.of(ConstrainedKind.NUMBER, ConstrainedKind.TEXT), "a number (or a String of one)",
            Set.of(ConstrainedKind.BOOLEAN), "a boolean",
            Set.of(ConstrainedKind.TEMPORAL), "a date, a time or a moment (java.time)");

    /**
     * Why a standard constraint cannot sit on a value of this type: Bean Validation has no validator for it, so
     * every call that reached the check would fail ({@code @Size Integer}, {@code @NotBlank List<String>},
     * {@code @Min} on a {@code char}); {@code null} when each applies. An {@code Optional}'s constraints apply to
     * its value, as Bean Validation unwraps it.
     */
    private static String inapplicableConstraint(Type type, List<ConstraintModel> constraints) {
        Class<?> raw = unwrapped(type);
        if (raw == null) {
            return null; // a type variable or a wildcard: its type is known where it is used
        }
        ConstrainedKind kind = kindOf(raw);
        for (ConstraintModel c : constraints) {
            Set<ConstrainedKind> kinds = c.isStandard() ? APPLIES_TO.get(c.name()) : null;
            if (kinds != null && !kinds.contains(kind)) {
                String fix = raw == char.class || raw == Character.class
                        ? "use a String with @Size(min = 1, max = 1)"
                        : "put it on " + PLACES.get(kinds);
                String name = raw == Character.class ? "char" : raw.getTypeName();
                return "@" + c.name() + " does not apply to " + (name.equals("int") ? "an " : "a ") + name
                        + ": Bean Validation has no validator for it and would fail every call; " + fix;
            }
        }
        return null;
    }

    /**
     * The class a constraint on a value of this type is checked against: an {@code Optional}'s value's; {@code null}
     * for a type variable or a wildcard.
     */
    private static Class<?> unwrapped(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            return unwrapped(p.getActualTypeArguments()[0]);
        }
        if (type == OptionalInt.class) {
            return int.class;
        }
        if (type == OptionalLong.class) {
            return long.class;
        }
        if (type == java.util.OptionalDouble.class) {
            return double.class;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        if (type instanceof java.lang.reflect.GenericArrayType) {
            return Object[].class;
        }
        return type instanceof Class<?> c ? c : null;
    }

    private static ConstrainedKind kindOf(Class<?> c) {
        if (CharSequence.class.isAssignableFrom(c)) {
            return ConstrainedKind.TEXT;
        }
        if (c == boolean.class || c == Boolean.class) {
            return ConstrainedKind.BOOLEAN;
        }
        if (Number.class.isAssignableFrom(c) || (c.isPrimitive() && c != char.class && c != void.class)) {
            return ConstrainedKind.NUMBER;
        }
        if (TEMPORAL_TYPES.contains(c)) {
            return ConstrainedKind.TEMPORAL;
        }
        if (c.isArray() || java.util.Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
            return ConstrainedKind.CONTAINER;
        }
        return ConstrainedKind.OTHER;
    }

    /** The JSON-B annotations that give a value another JSON form than its type's. */
    private static final Set<String> JSON_FORMS = Set.of(
            "JsonbDateFormat", "JsonbNumberFormat", "JsonbTypeAdapter", "JsonbTypeSerializer", "JsonbTypeDeserializer");

    /**
     * Why these annotations (of a property, a type or its package) cannot be followed: one that changes the JSON form
     * of a value ({@code @JsonbDateFormat}, an adapter) makes it travel in a form the generated types, the schemas and
     * the server's checks do not describe; {@code null} when none does.
     */
    static String jsonForm(Annotation... annotations) {
        for (Annotation a : annotations) {
            Class<? extends Annotation> type = a.annotationType();
            if (type.getPackageName().equals("jakarta.json.bind.annotation")
                    && JSON_FORMS.contains(type.getSimpleName())) {
                return "@" + type.getSimpleName() + " changes its JSON form from the one the generated types, the"
                        + " schemas and the server's checks describe; take it off and send the value in its own form"
                        + " (ISO-8601 for dates, a number for numbers), or give the property a type of that form"
                        + " (a String)";
            }
        }
        return null;
    }

    /**
     * The constraints among these annotations, each once: a record component's constraint is seen on
     * its field, its accessor and its type.
     */
    static List<ConstraintModel> constraints(Collection<Annotation> annotations) {
        List<ConstraintModel> constraints = new ArrayList<>();
        for (Annotation a : annotations) {
            collect(a, constraints);
        }
        return constraints.stream().distinct().toList();
    }

    /** Whether a constraint is checked in the {@code Default} group: it names no group, or names that one. */
    private static boolean inDefaultGroup(Annotation constraint) {
        try {
            Class<?>[] groups =
                    (Class<?>[]) constraint.annotationType().getMethod("groups").invoke(constraint);
            for (Class<?> group : groups) {
                if (group.getName().equals("jakarta.validation.groups.Default")) {
                    return true;
                }
            }
            return groups.length == 0;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // a constraint without groups(), which Bean Validation requires: as if it named none
        }
    }

    private static void collect(Annotation a, List<ConstraintModel> out) {
        Class<? extends Annotation> type = a.annotationType();
        if (type.isAnnotationPresent(Constraint.class)) {
            if (!inDefaultGroup(a)) {
                return; // the server validates the Default group only: a schema holding it would refuse what passes
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (Method m : type.getDeclaredMethods()) {
                if (!SKIPPED_ATTRIBUTES.contains(m.getName()) && m.getParameterCount() == 0) {
                    try {
                        Object value = m.invoke(a);
                        if (value instanceof Enum<?> e) {
                            value = e.name();
                        } else if (value instanceof Object[] array) {
                            value = List.of(array).stream().map(String::valueOf).toList();
                        }
                        // a message with a template ({jakarta.validation...}, {min}, ${validatedValue}) is the
                        // validator's to resolve; a plain one is kept
                        boolean template = m.getName().equals("message")
                                && String.valueOf(value).contains("{");
                        if (value != null && !template) {
                            attributes.put(m.getName(), value);
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // an attribute we cannot read is left out; the server still validates it
                    }
                }
            }
            out.add(new ConstraintModel(type.getSimpleName(), type.getName(), attributes));
            return;
        }
        // a repeated constraint (@Pattern.List) holds its constraints in value()
        try {
            Method value = type.getDeclaredMethod("value");
            if (value.getReturnType().isArray()
                    && value.getReturnType().getComponentType().isAnnotationPresent(Constraint.class)) {
                for (Object inner : (Object[]) value.invoke(a)) {
                    collect((Annotation) inner, out);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not a container of constraints
        }
    }
}
