package io.mizan.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the values of plain records from the checked tree itself, without JSON-B: records without
 * JSON-B annotations whose components are strings, whole numbers, decimals, doubles, booleans, enums, lists,
 * sets, string-keyed maps, {@code Optional}s and such records again. That is what most arguments are,
 * and JSON-B's generic machinery costs as much as the parse. Every other type, and any value this
 * reader does not take exactly as JSON-B would (a whole number written {@code 1.0}), goes to JSON-B.
 *
 * <p>It reads what JSON-B's defaults read: a component by its own name, unknown properties ignored, an
 * absent one {@code null} ({@code Optional.empty()} for an {@code Optional}, zero for a primitive),
 * {@code List} as {@link ArrayList}, {@code Set} as {@link HashSet}, {@code Map} as {@link HashMap}.
 * The shape check has already refused values of the wrong kind.
 */
final class DirectReader {

    /** A way to read one type's values; throws {@link #ELSEWHERE} for a value JSON-B must read. */
    @FunctionalInterface
    interface Read {
        Object from(JsonValue value) throws Throwable;
    }

    /** Thrown for a value this reader leaves to JSON-B: preallocated, as it carries no news. */
    static final RuntimeException ELSEWHERE = new RuntimeException("read by JSON-B", null, false, false) {};

    private static final Read NONE = value -> {
        throw ELSEWHERE;
    };

    private final TypePlans<Read> plans = new TypePlans<Read>(NONE, slot -> value -> slot.plan.from(value), this::make);

    /** How to read values of this type directly, or {@code null} when JSON-B reads them. */
    Read plan(Type type) {
        return plans.plan(type);
    }

    /** A component's plan, or {@code null} when JSON-B reads it (and so the whole that holds it). */
    private Read inner(Type type) {
        return plans.inner(type);
    }

    private Read make(Type type) {
        if (type instanceof Class<?> c) {
            return c.isRecord() ? record(c) : c.isEnum() ? enumeration(c) : scalar(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (raw == List.class || raw == Collection.class) {
                Read item = inner(args[0]);
                return item == null ? null : value -> collect(value, item, new ArrayList<>());
            }
            if (raw == Set.class) {
                Read item = inner(args[0]);
                return item == null ? null : value -> collect(value, item, new HashSet<>());
            }
            if (raw == Map.class && args[0] == String.class) {
                Read item = inner(args[1]);
                return item == null
                        ? null
                        : value -> {
                            Map<String, Object> out = new HashMap<>();
                            for (Map.Entry<String, JsonValue> e :
                                    value.asJsonObject().entrySet()) {
                                out.put(e.getKey(), orNull(item, e.getValue()));
                            }
                            return out;
                        };
            }
            if (raw == Optional.class) {
                Read inner = inner(args[0]);
                return inner == null ? null : value -> Optional.ofNullable(orNull(inner, value));
            }
        }
        return null;
    }

    private static Object collect(JsonValue value, Read item, Collection<Object> out) throws Throwable {
        for (JsonValue v : value.asJsonArray()) {
            out.add(orNull(item, v));
        }
        return out;
    }

    private static Object orNull(Read read, JsonValue value) throws Throwable {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : read.from(value);
    }

    private static Read scalar(Class<?> c) {
        if (c == String.class) {
            return value -> ((JsonString) value).getString();
        }
        if (c == int.class || c == Integer.class) {
            return value -> whole(value).intValueExact();
        }
        if (c == long.class || c == Long.class) {
            return value -> whole(value).longValueExact();
        }
        if (c == boolean.class || c == Boolean.class) {
            return value -> switch (value.getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                default -> throw ELSEWHERE;
            };
        }
        if (c == BigDecimal.class) {
            return value -> ((JsonNumber) value).bigDecimalValue();
        }
        if (c == double.class || c == Double.class) {
            return value -> Double.parseDouble(value.toString());
        }
        return null;
    }

    /** A number JSON-B would read as it is: written without a fraction or exponent. */
    private static JsonNumber whole(JsonValue value) {
        JsonNumber n = (JsonNumber) value;
        if (!n.isIntegral()) {
            throw ELSEWHERE;
        }
        return n;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Read enumeration(Class<?> c) {
        if (!JsonbDefaults.plainEnum(c)) {
            return null;
        }
        Class<? extends Enum> type = (Class<? extends Enum>) c;
        return value -> Enum.valueOf(type, ((JsonString) value).getString());
    }

    private Read record(Class<?> c) {
        if (!JsonbDefaults.plainRecord(c)) {
            return null;
        }
        RecordComponent[] components = c.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        String[] names = new String[components.length];
        Read[] reads = new Read[components.length];
        Object[] absent = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            names[i] = component.getName();
            reads[i] = inner(component.getGenericType());
            if (reads[i] == null) {
                return null;
            }
            absent[i] = absent(component.getType());
        }
        MethodHandle create;
        try {
            Constructor<?> canonical = c.getDeclaredConstructor(types);
            if (JsonbDefaults.annotated(canonical)) {
                return null; // a @JsonbCreator, or its parameters renamed
            }
            canonical.setAccessible(true);
            create = MethodHandles.lookup().unreflectConstructor(canonical).asSpreader(Object[].class, types.length);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // not open to reflection: JSON-B decides what it can do
        }
        return value -> {
            JsonObject object = value.asJsonObject();
            Object[] args = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                JsonValue v = object.get(names[i]);
                args[i] = v == null || v.getValueType() == JsonValue.ValueType.NULL ? absent[i] : reads[i].from(v);
            }
            return create.invoke(args);
        };
    }

    /** What an absent or null component becomes, as JSON-B leaves it. */
    private static Object absent(Class<?> type) {
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == double.class) {
            return 0.0;
        }
        return null;
    }
}
