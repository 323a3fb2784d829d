package io.mizan.invalidation;

import io.mizan.messages.Messages;

import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The invalidation key syntax, written and read in this one place: {@code name} or
 * {@code name;a=1;b=x}, parameters sorted by name, names and values percent-encoded as UTF-8 with
 * only {@code A-Z a-z 0-9 - . _ ~} left as they are. The header joins keys with {@code ", "}.
 */
public final class InvalidationKeys {

    /** The response header that carries the keys. */
    public static final String HEADER = "X-Mizan-Invalidate";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private InvalidationKeys() {}

    /** Writes a key from a context name and its parameter values as strings. */
    public static String format(String context, Map<String, String> params) {
        StringBuilder key = new StringBuilder(formatName(context));
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            key.append(formatParam(e.getKey(), e.getValue()));
        }
        return key.toString();
    }

    /** A key's first part: the context's name, encoded. */
    static String formatName(String context) {
        return encode(context);
    }

    /**
     * One parameter as a key writes it, {@code ;name=value} encoded: a key is {@link #formatName}
     * followed by these, in the order of their names.
     */
    static String formatParam(String name, String value) {
        return ';' + encode(name) + '=' + encode(value);
    }

    /** A parsed key: the context name and the parameters it is scoped to. */
    public record Key(String context, SortedMap<String, String> params) {}

    /** Reads a key written by {@link #format}. */
    public static Key parse(String key) {
        String[] parts = key.split(";", -1);
        SortedMap<String, String> params = new TreeMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("not an invalidation key: " + key);
            }
            params.put(decode(parts[i].substring(0, eq)), decode(parts[i].substring(eq + 1)));
        }
        return new Key(decode(parts[0]), params);
    }

    /** The header value for these keys. */
    public static String header(List<String> keys) {
        return String.join(", ", keys);
    }

    /** The keys in a header value. */
    public static List<String> fromHeader(String header) {
        List<String> keys = new ArrayList<>();
        for (String part : header.split(",")) {
            if (!part.isBlank()) {
                keys.add(part.trim());
            }
        }
        return keys;
    }

    /** Whether a key matches a cached entry: the same name, and every pair of the key among its params. */
    public static boolean matches(String key, String context, Map<String, String> entryParams) {
        Key parsed = parse(key);
        if (!parsed.context().equals(context)) {
            return false;
        }
        for (Map.Entry<String, String> e : parsed.params().entrySet()) {
            if (!e.getValue().equals(entryParams.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The string a parameter value is keyed by: what the client sends for it in a context's query
     * string. Whole numbers have no fraction, enums their name, dates ISO-8601; {@code null} for none.
     */
    public static String text(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(InvalidationKeys::text).orElse(null);
        }
        if (value instanceof java.util.OptionalInt o) {
            return o.isPresent() ? Integer.toString(o.getAsInt()) : null;
        }
        if (value instanceof java.util.OptionalLong o) {
            return o.isPresent() ? Long.toString(o.getAsLong()) : null;
        }
        if (value instanceof java.util.OptionalDouble o) {
            return o.isPresent() ? text(o.getAsDouble()) : null;
        }
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return value.toString();
        }
        // a Duration or Period is a scalar of the model too; JSON-B and the query string write it in ISO-8601
        if (value instanceof TemporalAccessor
                || value instanceof java.time.temporal.TemporalAmount
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof CharSequence
                || value instanceof Character
                || value instanceof java.util.UUID) {
            return value.toString();
        }
        throw new IllegalArgumentException(
                Messages.keyValueNotScalar(value.getClass().getSimpleName()));
    }

    static String encode(String s) {
        if (allUnreserved(s)) {
            return s; // the common name or value: nothing to escape, nothing to copy
        }
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (unreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean allUnreserved(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!unreserved(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3986's unreserved characters: the only ones a key leaves as they are. */
    private static boolean unreserved(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
