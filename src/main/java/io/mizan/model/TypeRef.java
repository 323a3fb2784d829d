package io.mizan.model;

import java.util.List;

/**
 * A JSON type as the wire sees it: what an argument or a result looks like once JSON-B has written
 * it. Named object and enum types are referred to by name and described once in {@link Model#types()}.
 */
public sealed interface TypeRef {

    /** A JSON string, number or boolean; {@code javaType} says which Java type it came from. */
    record Scalar(ScalarKind kind, Class<?> javaType) implements TypeRef {

        /**
         * The bits of the Java whole number this scalar binds to (8 for {@code byte}, 16, 32, 64 for {@code long}
         * and {@code OptionalLong}), which bound the numbers the server takes; 0 for any other scalar, a
         * {@code BigInteger} among them.
         */
        public int wholeBits() {
            Class<?> t = javaType;
            if (t == long.class || t == Long.class || t == java.util.OptionalLong.class) {
                return 64;
            }
            if (t == int.class || t == Integer.class || t == java.util.OptionalInt.class) {
                return 32;
            }
            if (t == short.class || t == Short.class) {
                return 16;
            }
            return t == byte.class || t == Byte.class ? 8 : 0;
        }

        /**
         * Whether this scalar is a moment written with its UTC offset ({@code Instant}, {@code OffsetDateTime},
         * {@code ZonedDateTime}, {@code Date}, {@code OffsetTime}): a local date and time alone does not name one.
         */
        public boolean carriesOffset() {
            return javaType == java.time.Instant.class
                    || javaType == java.time.OffsetDateTime.class
                    || javaType == java.time.ZonedDateTime.class
                    || javaType == java.util.Date.class
                    || javaType == java.time.OffsetTime.class;
        }

        /**
         * How the wire writes a date, time, duration or UUID scalar, with an example of the Java type's own form,
         * for messages ({@code an ISO-8601 date string (2025-01-31)}); {@code null} for other scalars.
         */
        public String textForm() {
            String example =
                    switch (javaType.getName()) {
                        case "java.time.LocalDate" -> "2025-01-31";
                        case "java.time.LocalDateTime" -> "2025-01-31T10:15:30";
                        case "java.time.OffsetDateTime" -> "2025-01-31T10:15:30+01:00";
                        case "java.time.ZonedDateTime" -> "2025-01-31T10:15:30+01:00[Europe/Paris]";
                        case "java.time.LocalTime" -> "10:15:30";
                        case "java.time.OffsetTime" -> "10:15:30+01:00";
                        case "java.time.Duration" -> "PT15M";
                        case "java.time.Period" -> "P1Y2M3D";
                        default -> "2025-01-31T10:15:30Z"; // Instant, java.util.Date
                    };
            return switch (kind) {
                case DATE -> "an ISO-8601 date string (" + example + ")";
                case DATE_TIME -> "an ISO-8601 date-time string (" + example + ")";
                case TIME -> "an ISO-8601 time string (" + example + ")";
                case DURATION -> "an ISO-8601 duration string (" + example + ")";
                case UUID -> "a UUID string";
                default -> null;
            };
        }

        /** The least value of its Java whole number type ({@code -2147483648} for an {@code int}); see {@link #wholeBits}. */
        public long wholeMin() {
            return wholeBits() == 64 ? Long.MIN_VALUE : -(1L << (wholeBits() - 1));
        }

        /** The greatest value of its Java whole number type ({@code 2147483647} for an {@code int}). */
        public long wholeMax() {
            return -(wholeMin() + 1);
        }

        /** Whether this scalar binds to a {@code char}: a string of exactly one character. */
        public boolean isCharacter() {
            return javaType == char.class || javaType == Character.class;
        }
    }

    /** A named enum, described by an {@link TypeDef.EnumDef}. */
    record EnumRef(String name) implements TypeRef {}

    /** A named object type, with type arguments when it is generic. */
    record ObjectRef(String name, List<TypeRef> arguments) implements TypeRef {
        public ObjectRef {
            arguments = List.copyOf(arguments);
        }
    }

    /** A type variable of a generic object type, such as {@code T} in {@code Page<T>}. */
    record TypeVar(String name) implements TypeRef {}

    /** A JSON array: {@code List}, {@code Set}, {@code Collection} or a Java array. */
    record ListOf(TypeRef item, boolean unique) implements TypeRef {}

    /** A JSON object with free keys: {@code Map<K, V>} with a string, number or enum key. */
    record MapOf(TypeRef key, TypeRef value) implements TypeRef {}

    /** A value that may be {@code null}: {@code Optional<T>} or a {@code @Nullable} one. */
    record Nullable(TypeRef inner) implements TypeRef {}

    /** No value: a {@code void} method answers {@code null}. */
    record Void() implements TypeRef {}

    /** Any JSON value ({@code jakarta.json.JsonValue}). */
    record Json() implements TypeRef {}

    /** Whether values of this type fit in a context key (a scalar or an enum). */
    default boolean isKeyScalar() {
        return this instanceof Scalar || this instanceof EnumRef;
    }
}
