package io.mizan.json;

import io.mizan.MizanException;
import io.mizan.messages.Messages;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ParamModel;
import io.mizan.model.PropertyModel;
import io.mizan.model.TypeDef;
import io.mizan.model.TypeRef;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns a call's JSON object into the method's arguments, by parameter name. Checks the JSON shape
 * of each argument against its type before JSON-B sees it, so that a wrong type is a 400 naming the
 * argument rather than a lenient conversion or a parser message.
 */
public final class ArgumentBinder {

    /** Supplies the values of injected parameters. */
    public interface Injections {
        Object value(ParamModel.Source source);
    }

    private final Model model;
    private final Jsonb jsonb;

    public ArgumentBinder(Model model, Jsonb jsonb) {
        this.model = model;
        this.jsonb = jsonb;
    }

    /** The method's arguments, in order. */
    public Object[] bind(FunctionModel function, JsonObject body, Injections injections) {
        for (String key : body.keySet()) {
            if (function.argument(key) == null) {
                List<String> names =
                        function.arguments().stream().map(ParamModel::name).toList();
                TreeSet<String> unknown = new TreeSet<>(body.keySet());
                names.forEach(unknown::remove);
                throw Messages.unknownArguments(
                        function.name(),
                        unknown.stream().map(StrictJson::shorten).toList(),
                        names);
            }
        }
        Object[] args = new Object[function.params().size()];
        List<String> missing = new ArrayList<>();
        for (ParamModel p : function.params()) {
            if (p.source() != ParamModel.Source.ARGUMENT) {
                args[p.index()] = injections.value(p.source());
                continue;
            }
            JsonValue value = body.get(p.name());
            if (value == null && !p.nullable()) {
                missing.add(p.name());
                continue;
            }
            args[p.index()] = read(p, value);
        }
        if (!missing.isEmpty()) {
            throw Messages.missingArguments(function.name(), missing);
        }
        return args;
    }

    private Object read(ParamModel p, JsonValue value) {
        return read(p.name(), p.type(), p.javaType(), value);
    }

    /**
     * Reads one JSON value as a Java value of the given type, checking its shape first, so that a
     * wrong value is a 400 naming its path (from {@code name}) rather than a lenient conversion. Used
     * for arguments, and for channel parameters and messages.
     *
     * @param name how the value is named in errors ({@code "name"}, {@code "params"})
     * @param type its JSON type; {@link TypeRef.Nullable} when it may be null or absent
     * @param javaType its Java type
     * @param value the value, or {@code null} when absent
     */
    public Object read(String name, TypeRef type, Type javaType, JsonValue value) {
        boolean optional = javaType instanceof ParameterizedType pt && pt.getRawType() == Optional.class;
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (!(type instanceof TypeRef.Nullable)) {
                throw Messages.argumentNull(name);
            }
            return optional ? Optional.empty() : defaultOf(javaType);
        }
        TypeRef inner = type instanceof TypeRef.Nullable n ? n.inner() : type;
        MizanException error = shapeError(inner, value, name, Map.of());
        if (error != null) {
            throw error;
        }
        try {
            return jsonb.fromJson(value.toString(), javaType);
        } catch (RuntimeException e) {
            boolean structured = inner instanceof TypeRef.ObjectRef
                    || inner instanceof TypeRef.MapOf
                    || inner instanceof TypeRef.ListOf;
            throw Messages.argumentWrongType(name, describe(inner) + (structured ? " of the expected shape" : ""));
        }
    }

    private static Object defaultOf(Type type) {
        if (type == java.util.OptionalInt.class) {
            return java.util.OptionalInt.empty();
        }
        if (type == java.util.OptionalLong.class) {
            return java.util.OptionalLong.empty();
        }
        if (type == java.util.OptionalDouble.class) {
            return java.util.OptionalDouble.empty();
        }
        return null;
    }

    /**
     * What is wrong with the value's JSON shape, naming the path within the argument
     * ({@code Argument 'signup.address.city' must be a string}), or {@code null} when it fits the type. Inside
     * objects, lists and maps as at the top: only {@code Optional} and {@code @Nullable} values may be
     * null or left out, so the Java side never sees a null the TypeScript types rule out.
     */
    private MizanException shapeError(TypeRef type, JsonValue value, String path, Map<String, TypeRef> bindings) {
        if (type instanceof TypeRef.TypeVar v) {
            TypeRef bound = bindings.get(v.name());
            return bound == null ? null : shapeError(bound, value, path, Map.of());
        }
        if (type instanceof TypeRef.Json) {
            return null;
        }
        if (type instanceof TypeRef.Nullable n) {
            return value.getValueType() == JsonValue.ValueType.NULL
                    ? null
                    : shapeError(n.inner(), value, path, bindings);
        }
        JsonValue.ValueType actual = value.getValueType();
        if (actual == JsonValue.ValueType.NULL) {
            return Messages.argumentNull(path);
        }
        String expected = scalarShape(type, value);
        if (expected != null) {
            return Messages.argumentWrongType(path, expected);
        }
        if (type instanceof TypeRef.ListOf list) {
            int i = 0;
            for (JsonValue item : value.asJsonArray()) {
                MizanException error = shapeError(list.item(), item, path + "[" + i++ + "]", bindings);
                if (error != null) {
                    return error;
                }
            }
        } else if (type instanceof TypeRef.MapOf map) {
            for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
                MizanException error = shapeError(
                        map.value(), entry.getValue(), path + "[" + StrictJson.shorten(entry.getKey()) + "]", bindings);
                if (error != null) {
                    return error;
                }
            }
        } else if (type instanceof TypeRef.ObjectRef ref
                && model.types().get(ref.name()) instanceof TypeDef.ObjectDef def) {
            Map<String, TypeRef> inner = new HashMap<>();
            for (int i = 0;
                    i < def.typeParameters().size() && i < ref.arguments().size();
                    i++) {
                TypeRef arg = ref.arguments().get(i);
                inner.put(
                        def.typeParameters().get(i),
                        arg instanceof TypeRef.TypeVar v && bindings.containsKey(v.name())
                                ? bindings.get(v.name())
                                : arg);
            }
            JsonObject object = value.asJsonObject();
            for (PropertyModel property : def.properties()) {
                JsonValue field = object.get(property.name());
                String at = path + "." + property.name();
                if (field == null) {
                    if (!(property.type() instanceof TypeRef.Nullable)) {
                        return Messages.propertyMissing(at);
                    }
                    continue;
                }
                MizanException error = shapeError(property.type(), field, at, inner);
                if (error != null) {
                    return error;
                }
            }
        }
        return null;
    }

    /** The JSON kind a value should have had, or {@code null} when its kind fits. */
    private String scalarShape(TypeRef type, JsonValue value) {
        JsonValue.ValueType actual = value.getValueType();
        if (type instanceof TypeRef.Scalar s) {
            return switch (s.kind()) {
                case BOOLEAN -> actual == JsonValue.ValueType.TRUE || actual == JsonValue.ValueType.FALSE
                        ? null
                        : "true or false";
                case INTEGER -> actual == JsonValue.ValueType.NUMBER
                                && fitsInteger(((JsonNumber) value).bigDecimalValue(), s.javaType())
                        ? null
                        : describe(type);
                case NUMBER -> actual == JsonValue.ValueType.NUMBER ? null : describe(type);
                case STRING -> actual != JsonValue.ValueType.STRING
                        ? describe(type)
                        : (s.javaType() == char.class || s.javaType() == Character.class)
                                        && ((JsonString) value).getString().length() != 1
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

    private static boolean fitsInteger(BigDecimal number, Class<?> javaType) {
        BigInteger whole;
        try {
            whole = number.toBigIntegerExact();
        } catch (ArithmeticException e) {
            return false;
        }
        int bits = whole.bitLength();
        if (javaType == long.class || javaType == Long.class || javaType == java.util.OptionalLong.class) {
            return bits <= 63;
        }
        if (javaType == int.class || javaType == Integer.class || javaType == java.util.OptionalInt.class) {
            return bits <= 31;
        }
        if (javaType == short.class || javaType == Short.class) {
            return bits <= 15;
        }
        if (javaType == byte.class || javaType == Byte.class) {
            return bits <= 7;
        }
        return true;
    }

    /** How a type reads in an error message, in JSON's terms. */
    static String describe(TypeRef type) {
        if (type instanceof TypeRef.Scalar s) {
            return switch (s.kind()) {
                case STRING -> "a string";
                case BOOLEAN -> "true or false";
                case INTEGER -> s.javaType() == int.class || s.javaType() == Integer.class
                        ? "a whole number within 32 bits"
                        : s.javaType() == long.class || s.javaType() == Long.class
                                ? "a whole number within 64 bits"
                                : "a whole number";
                case NUMBER -> "a number";
                case DATE -> "an ISO-8601 date string (2025-01-31)";
                case DATE_TIME -> "an ISO-8601 date-time string (2025-01-31T10:15:30Z)";
                case TIME -> "an ISO-8601 time string (10:15:30)";
                case DURATION -> "an ISO-8601 duration string (PT15M)";
                case UUID -> "a UUID string";
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
