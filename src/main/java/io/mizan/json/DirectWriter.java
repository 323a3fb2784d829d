package io.mizan.json;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the values of plain records as JSON text itself, without JSON-B, showing each value to the
 * result's {@link NullCheck} as it goes: records without JSON-B annotations or methods of their own whose
 * components are strings, whole numbers, decimals, booleans, enums, lists, sets, string-keyed maps,
 * {@code Optional}s and such records again. That is what most results are, and JSON-B's generic serializers, walked event by event
 * through a checking generator, cost more than the writing itself. Every other type goes to JSON-B.
 *
 * <p>It writes what {@link ResultEncoder}'s JSON-B writes: properties in the lexicographic order of
 * their names (JSON-B's default), a {@code null} or an empty {@code Optional} written as {@code null},
 * a map's entries in its own order, an enum by its name, a
 * decimal as {@link BigDecimal#toString()}, and strings escaped as JSON-P escapes them ({@code "},
 * {@code \}, and control characters; nothing else). {@code DirectWriterTest} holds it to JSON-B's
 * output.
 */
final class DirectWriter {

    /**
     * A way to write one type's values: {@code value} is never null; {@code key} is its property's
     * name in an object, {@code null} in an array or at the top, for the check.
     */
    @FunctionalInterface
    interface Write {
        void write(Object value, String key, StringBuilder out, NullCheck check);
    }

    private static final Write NONE = (value, key, out, check) -> {
        throw new IllegalStateException("written by JSON-B");
    };

    private final TypePlans<Write> plans = new TypePlans<Write>(
            NONE, slot -> (value, key, out, check) -> slot.plan.write(value, key, out, check), this::make);

    /** How to write values of this type, or {@code null} when JSON-B writes them. */
    Write plan(Type type) {
        return plans.plan(type);
    }

    /**
     * Writes a value that may be null, under {@code key} in an object ({@code null} in an array or at
     * the top), and shows it to the check.
     */
    static void write(Write plan, Object value, String key, StringBuilder out, NullCheck check) {
        if (value == null) {
            check.value(key, true);
            out.append("null");
        } else {
            plan.write(value, key, out, check);
        }
    }

    private Write inner(Type type) {
        return plans.inner(type);
    }

    private Write make(Type type) {
        if (type instanceof Class<?> c) {
            return c.isRecord() ? record(c) : c.isEnum() ? enumeration(c) : scalar(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (raw == List.class || raw == Collection.class || raw == Set.class) {
                Write item = inner(args[0]);
                return item == null
                        ? null
                        : (value, key, out, check) -> array((Collection<?>) value, key, item, out, check);
            }
            if (raw == Map.class && args[0] == String.class) {
                Write item = inner(args[1]);
                return item == null
                        ? null
                        : (value, key, out, check) -> object((Map<?, ?>) value, key, item, out, check);
            }
            if (raw == Optional.class) {
                Write inner = inner(args[0]);
                return inner == null
                        ? null
                        : (value, key, out, check) -> write(inner, ((Optional<?>) value).orElse(null), key, out, check);
            }
        }
        return null;
    }

    private static void array(Collection<?> items, String key, Write item, StringBuilder out, NullCheck check) {
        check.start(key, true);
        out.append('[');
        boolean first = true;
        for (Object v : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(item, v, null, out, check);
        }
        out.append(']');
        check.end();
    }

    private static void object(Map<?, ?> entries, String key, Write item, StringBuilder out, NullCheck check) {
        check.start(key, false);
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            String name = String.valueOf(e.getKey()); // JSON-B's name for a null key too
            string(name, out);
            out.append(':');
            write(item, e.getValue(), name, out, check);
        }
        out.append('}');
        check.end();
    }

    private static Write scalar(Class<?> c) {
        if (c == String.class) {
            return (value, key, out, check) -> {
                check.value(key, false);
                string((String) value, out);
            };
        }
        if (c == int.class
                || c == Integer.class
                || c == long.class
                || c == Long.class
                || c == short.class
                || c == Short.class
                || c == byte.class
                || c == Byte.class
                || c == BigInteger.class
                || c == BigDecimal.class
                || c == boolean.class
                || c == Boolean.class) {
            return (value, key, out, check) -> {
                check.value(key, false);
                out.append(value); // their toString is their JSON, as JSON-P writes it
            };
        }
        return null;
    }

    private static Write enumeration(Class<?> c) {
        if (!JsonbDefaults.plainEnum(c)) {
            return null;
        }
        return (value, key, out, check) -> {
            check.value(key, false);
            string(((Enum<?>) value).name(), out);
        };
    }

    private Write record(Class<?> c) {
        if (!JsonbDefaults.plainRecord(c)) {
            return null;
        }
        RecordComponent[] components = c.getRecordComponents().clone();
        // JSON-B's default order: by name
        Arrays.sort(components, Comparator.comparing(RecordComponent::getName));
        int n = components.length;
        String[] keys = new String[n];
        MethodHandle[] accessors = new MethodHandle[n];
        Write[] writes = new Write[n];
        for (int i = 0; i < n; i++) {
            RecordComponent component = components[i];
            writes[i] = inner(component.getGenericType());
            if (writes[i] == null) {
                return null;
            }
            StringBuilder key = new StringBuilder();
            string(component.getName(), key);
            keys[i] = key.append(':').toString();
            try {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                accessors[i] = MethodHandles.lookup()
                        .unreflect(accessor)
                        .asType(java.lang.invoke.MethodType.methodType(Object.class, Object.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null; // not open to reflection: JSON-B decides what it can do
            }
        }
        String[] names = Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new);
        return (value, key, out, check) -> {
            check.start(key, false);
            out.append('{');
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(keys[i]);
                write(writes[i], get(accessors[i], value), names[i], out, check);
            }
            out.append('}');
            check.end();
        };
    }

    private static Object get(MethodHandle accessor, Object record) {
        try {
            return accessor.invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * A JSON string as JSON-P writes it: {@code "} and {@code \} escaped, control characters as escapes;
     * and, unlike JSON-P, a surrogate that is not half of a pair as its {@code \}u escape, as
     * JavaScript's {@code JSON.stringify} writes it: no UTF-8 encoder can write the character itself
     * (Tyrus fails the frame, a servlet writes {@code ?}).
     */
    static void string(String s, StringBuilder out) {
        out.append('"');
        int start = 0;
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a pair: one character, written as it is
                continue;
            }
            out.append(s, start, i);
            start = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> unicodeEscape(c, out);
            }
        }
        out.append(s, start, length).append('"');
    }

    /**
     * JSON text with each surrogate that is not half of a pair written as its escape instead, as
     * {@link #string} writes it; the text itself when it has none. In JSON text such a character can only
     * be inside a string, where its escape stands for it exactly.
     */
    static String escapeLoneSurrogates(String json) {
        StringBuilder out = null;
        int start = 0;
        int length = json.length();
        for (int i = 0; i < length; i++) {
            char c = json.charAt(i);
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(json.charAt(i + 1))) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length + 16);
            }
            out.append(json, start, i);
            unicodeEscape(c, out);
            start = i + 1;
        }
        return out == null ? json : out.append(json, start, length).toString();
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u")
                .append(HEX[c >> 12])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }
}
