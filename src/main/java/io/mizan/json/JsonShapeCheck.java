package io.mizan.json;

import io.mizan.MizanException;
import io.mizan.messages.Messages;
import io.mizan.model.Model;
import io.mizan.model.PropertyModel;
import io.mizan.model.TypeDef;
import io.mizan.model.TypeRef;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Checks a JSON value against the type it is read as, before JSON-B sees it, so that a wrong value is
 * a 400 naming its path rather than a lenient conversion or a parser message.
 *
 * <pre>{@code
 * {"signup": {"address": {"city": 3}}}  ->  Argument 'signup.address.city' must be a string
 * }</pre>
 */
final class JsonShapeCheck {

    private final Model model;

    /** @param model where the named types' properties and enum constants are read */
    JsonShapeCheck(Model model) {
        this.model = model;
    }

    /**
     * What is wrong with the value's JSON shape, naming the path within the argument
     * ({@code Argument 'signup.address.city' must be a string}), or {@code null} when it fits the type. Inside
     * objects, lists and maps as at the top: only {@code Optional} and {@code @Nullable} values may be
     * null or left out, so the Java side never sees a null the TypeScript types rule out.
     */
    MizanException error(TypeRef type, JsonValue value, String path) {
        return error(type, value, path, null);
    }

    /**
     * As {@link #error(TypeRef, JsonValue, String)}, and also finds a string the Java type cannot read
     * (a date, time, duration or UUID such as {@code "garbage"}), asking {@code reads} about each: for a
     * value that failed to read as a whole, so that its error names the path to the bad string.
     */
    MizanException error(TypeRef type, JsonValue value, String path, BiPredicate<TypeRef.Scalar, JsonValue> reads) {
        Mismatch mismatch = mismatch(type, value, Map.of(), reads);
        if (mismatch == null) {
            return null;
        }
        String at = path + String.join("", mismatch.segments);
        if (mismatch.unknown != null) {
            return Messages.unknownProperties(at, mismatch.unknown, mismatch.known);
        }
        if (mismatch.missing) {
            return Messages.propertyMissing(at);
        }
        return mismatch.expected == null
                ? Messages.argumentNull(at)
                : Messages.argumentWrongType(at, mismatch.expected);
    }

    /**
     * A value that does not fit: the path to it is collected segment by segment as the check unwinds,
     * so that a value that fits, the common case, costs no path text at all.
     */
    private static final class Mismatch {
        final ArrayDeque<String> segments = new ArrayDeque<>();
        /** What the value should have been; {@code null} for a null where none may be. */
        final String expected;

        final boolean missing;

        /** For an object with properties its type does not have: those, and the ones it has. */
        List<String> unknown;

        List<String> known;

        Mismatch(String expected, boolean missing) {
            this.expected = expected;
            this.missing = missing;
        }

        static Mismatch unknown(List<String> unknown, List<String> known) {
            Mismatch m = new Mismatch(null, false);
            m.unknown = unknown;
            m.known = known;
            return m;
        }

        Mismatch at(String segment) {
            segments.addFirst(segment);
            return this;
        }
    }

    private Mismatch mismatch(
            TypeRef type,
            JsonValue value,
            Map<String, TypeRef> bindings,
            BiPredicate<TypeRef.Scalar, JsonValue> reads) {
        if (type instanceof TypeRef.TypeVar v) {
            TypeRef bound = bindings.get(v.name());
            return bound == null ? null : mismatch(bound, value, Map.of(), reads);
        }
        if (type instanceof TypeRef.Json) {
            return null;
        }
        if (type instanceof TypeRef.Nullable n) {
            return value.getValueType() == JsonValue.ValueType.NULL
                    ? null
                    : mismatch(n.inner(), value, bindings, reads);
        }
        JsonValue.ValueType actual = value.getValueType();
        if (actual == JsonValue.ValueType.NULL) {
            return new Mismatch(null, false);
        }
        String expected = scalarShape(type, value);
        if (expected != null) {
            return new Mismatch(expected, false);
        }
        if (reads != null && type instanceof TypeRef.Scalar s && formatted(s) && !reads.test(s, value)) {
            return new Mismatch(describe(type), false);
        }
        if (type instanceof TypeRef.ListOf list) {
            int i = 0;
            for (JsonValue item : value.asJsonArray()) {
                Mismatch inner = mismatch(list.item(), item, bindings, reads);
                if (inner != null) {
                    return inner.at("[" + i + "]");
                }
                i++;
            }
        } else if (type instanceof TypeRef.MapOf map) {
            for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
                Mismatch inner = mismatch(map.value(), entry.getValue(), bindings, reads);
                if (inner != null) {
                    return inner.at("[" + StrictJson.shorten(entry.getKey()) + "]");
                }
            }
        } else if (type instanceof TypeRef.ObjectRef ref
                && model.types().get(ref.name()) instanceof TypeDef.ObjectDef def) {
            Map<String, TypeRef> inner = def.typeParameters().isEmpty() ? Map.of() : bound(def, ref, bindings);
            JsonObject object = value.asJsonObject();
            int present = 0;
            for (PropertyModel property : def.properties()) {
                JsonValue field = object.get(property.name());
                if (field == null) {
                    if (!(property.type() instanceof TypeRef.Nullable)) {
                        // a misspelt property is what most often leaves one out: name it first
                        Mismatch unknown = unknownProperties(def, object);
                        return unknown != null ? unknown : new Mismatch(null, true).at("." + property.name());
                    }
                    continue;
                }
                present++;
                Mismatch mismatch = mismatch(property.type(), field, inner, reads);
                if (mismatch != null) {
                    return mismatch.at("." + property.name());
                }
            }
            // JSON-B would drop the others without a word, and the value with them
            if (present < object.size()) {
                return unknownProperties(def, object);
            }
        }
        return null;
    }

    /** The object's properties its type does not have, or {@code null} when it has none. */
    private static Mismatch unknownProperties(TypeDef.ObjectDef def, JsonObject object) {
        List<String> known = def.properties().stream().map(PropertyModel::name).toList();
        List<String> unknown =
                object.keySet().stream().filter(name -> !known.contains(name)).toList();
        return unknown.isEmpty() ? null : Mismatch.unknown(unknown, known);
    }

    /** A string whose text must have a form of its own: a date, a time, a duration, a UUID. */
    private static boolean formatted(TypeRef.Scalar s) {
        return switch (s.kind()) {
            case DATE, DATE_TIME, TIME, DURATION, UUID -> true;
            default -> false;
        };
    }

    /** A generic record's type parameters, bound to the reference's arguments. */
    private static Map<String, TypeRef> bound(
            TypeDef.ObjectDef def, TypeRef.ObjectRef ref, Map<String, TypeRef> bindings) {
        Map<String, TypeRef> bound = new HashMap<>();
        for (int i = 0; i < def.typeParameters().size() && i < ref.arguments().size(); i++) {
            TypeRef arg = ref.arguments().get(i);
            bound.put(
                    def.typeParameters().get(i),
                    arg instanceof TypeRef.TypeVar v && bindings.containsKey(v.name()) ? bindings.get(v.name()) : arg);
        }
        return bound;
    }

    /** The JSON kind a value should have had, or {@code null} when its kind fits. */
    private String scalarShape(TypeRef type, JsonValue value) {
        JsonValue.ValueType actual = value.getValueType();
        if (type instanceof TypeRef.Scalar s) {
            return switch (s.kind()) {
                case BOOLEAN -> actual == JsonValue.ValueType.TRUE || actual == JsonValue.ValueType.FALSE
                        ? null
                        : "true or false";
                case INTEGER -> actual == JsonValue.ValueType.NUMBER && fitsInteger((JsonNumber) value, s)
                        ? null
                        : describe(type);
                case NUMBER -> actual == JsonValue.ValueType.NUMBER ? null : describe(type);
                case STRING -> actual != JsonValue.ValueType.STRING
                        ? describe(type)
                        : s.isCharacter() && ((JsonString) value).getString().length() != 1
                                ? "a string of one character"
                                : null;
                default -> actual == JsonValue.ValueType.STRING ? null : describe(type);
            };
        }
        if (type instanceof TypeRef.EnumRef e) {
            TypeDef.EnumDef def = (TypeDef.EnumDef) model.types().get(e.name());
            if (actual == JsonValue.ValueType.STRING && def.constants().contains(((JsonString) value).getString())) {
                return null;
            }
            return "one of " + quoted(def.constants());
        }
        if (type instanceof TypeRef.ListOf) {
            return actual == JsonValue.ValueType.ARRAY ? null : "an array";
        }
        if (type instanceof TypeRef.MapOf || type instanceof TypeRef.ObjectRef) {
            return actual == JsonValue.ValueType.OBJECT ? null : "an object";
        }
        return null;
    }

    private static boolean fitsInteger(JsonNumber number, TypeRef.Scalar type) {
        if (number.isIntegral()) {
            long whole;
            try {
                whole = number.longValueExact();
            } catch (ArithmeticException e) {
                return fitsInteger(number.bigDecimalValue(), type);
            }
            return fitsInteger(64 - Long.numberOfLeadingZeros(whole < 0 ? ~whole : whole), type);
        }
        return fitsInteger(number.bigDecimalValue(), type);
    }

    private static boolean fitsInteger(BigDecimal number, TypeRef.Scalar type) {
        BigInteger whole;
        try {
            whole = number.toBigIntegerExact();
        } catch (ArithmeticException e) {
            return false;
        }
        return fitsInteger(whole.bitLength(), type);
    }

    /** Whether a whole number of this {@link BigInteger#bitLength()} fits the Java type. */
    private static boolean fitsInteger(int bits, TypeRef.Scalar type) {
        int wholeBits = type.wholeBits();
        return wholeBits == 0 || bits < wholeBits;
    }

    /** How a type reads in an error message, in JSON's terms. */
    static String describe(TypeRef type) {
        if (type instanceof TypeRef.Scalar s) {
            return switch (s.kind()) {
                case STRING -> "a string";
                case BOOLEAN -> "true or false";
                case INTEGER -> s.wholeBits() == 0
                        ? "a whole number"
                        : "a whole number within " + s.wholeBits() + " bits";
                case NUMBER -> "a number";
                case DATE, DATE_TIME, TIME, DURATION, UUID -> s.textForm();
            };
        }
        if (type instanceof TypeRef.ListOf) {
            return "an array";
        }
        if (type instanceof TypeRef.EnumRef) {
            return "one of the enum's values";
        }
        if (type instanceof TypeRef.MapOf || type instanceof TypeRef.ObjectRef) {
            return "an object";
        }
        return "a JSON value";
    }

    private static String quoted(java.util.Collection<String> names) {
        StringBuilder s = new StringBuilder();
        for (String n : names) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append('\'').append(StrictJson.shorten(n)).append('\'');
        }
        return s.toString();
    }
}
