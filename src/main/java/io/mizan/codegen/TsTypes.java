package io.mizan.codegen;

import io.mizan.model.ScalarKind;
import io.mizan.model.TypeRef;

import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Writes a {@link TypeRef} as a TypeScript type, as the JSON that JSON-B writes reads in TypeScript.
 *
 * <pre>{@code
 * long, Integer, BigInteger      -> number
 * String, UUID, java.time.*      -> string (ISO-8601)
 * Optional<T>, @Nullable T       -> T | null
 * List<T>, Set<T>, T[]           -> T[]
 * Map<String, V>, Map<UUID, V>   -> Record<string, V>
 * Map<Long, V>                   -> Record<number, V>
 * Map<Role, V>                   -> Partial<Record<Role, V>>
 * JsonValue                      -> unknown
 * void                           -> null
 * }</pre>
 */
final class TsTypes {

    private final UnaryOperator<String> names;
    private final boolean utilityTypes;

    /**
     * @param names the local name of each named type in the file being written
     * @param utilityTypes whether {@code Record} and {@code Partial} mean TypeScript's own; when a
     *                     type of the application shadows one of them, maps are written as index
     *                     signatures and mapped types instead
     */
    TsTypes(UnaryOperator<String> names, boolean utilityTypes) {
        this.names = names;
        this.utilityTypes = utilityTypes;
    }

    String render(TypeRef type) {
        if (type instanceof TypeRef.Scalar s) {
            return scalar(s.kind());
        }
        if (type instanceof TypeRef.EnumRef e) {
            return names.apply(e.name());
        }
        if (type instanceof TypeRef.ObjectRef o) {
            String name = names.apply(o.name());
            if (o.arguments().isEmpty()) {
                return name;
            }
            return name + o.arguments().stream().map(this::render).collect(Collectors.joining(", ", "<", ">"));
        }
        if (type instanceof TypeRef.TypeVar v) {
            return v.name();
        }
        if (type instanceof TypeRef.ListOf l) {
            String item = render(l.item());
            return (l.item() instanceof TypeRef.Nullable ? "(" + item + ")" : item) + "[]";
        }
        if (type instanceof TypeRef.MapOf m) {
            return map(m);
        }
        if (type instanceof TypeRef.Nullable n) {
            String inner = render(n.inner());
            return n.inner() instanceof TypeRef.Nullable || n.inner() instanceof TypeRef.Void
                    ? inner
                    : inner + " | null";
        }
        if (type instanceof TypeRef.Void) {
            return "null";
        }
        return "unknown"; // TypeRef.Json: any JSON value
    }

    static String scalar(ScalarKind kind) {
        return switch (kind) {
            case BOOLEAN -> "boolean";
            case INTEGER, NUMBER -> "number";
            case STRING, DATE, DATE_TIME, TIME, DURATION, UUID -> "string";
        };
    }

    private String map(TypeRef.MapOf m) {
        String value = render(m.value());
        if (m.key() instanceof TypeRef.EnumRef e) {
            String key = names.apply(e.name());
            // not every constant need be present
            return utilityTypes
                    ? "Partial<Record<" + key + ", " + value + ">>"
                    : "{ [key in " + key + "]?: " + value + " }";
        }
        String key = m.key() instanceof TypeRef.Scalar s && s.kind() == ScalarKind.INTEGER ? "number" : "string";
        return utilityTypes ? "Record<" + key + ", " + value + ">" : "{ [key: " + key + "]: " + value + " }";
    }
}
