package io.mizan.schema;

import io.mizan.model.ScalarKind;
import io.mizan.model.TypeRef;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * The JSON Schema of a type: scalars with their {@code format}, named types as {@code $ref}s to
 * {@code #/types/...}, a nullable value as {@code anyOf} the value and {@code null}.
 */
final class TypeSchemas {

    private static final JsonProvider JSON = JsonProvider.provider();

    private TypeSchemas() {}

    /** The JSON Schema of a type. */
    static JsonObjectBuilder schema(TypeRef type) {
        if (type instanceof TypeRef.Scalar s) {
            return scalar(s);
        }
        if (type instanceof TypeRef.EnumRef e) {
            return ref(e.name());
        }
        if (type instanceof TypeRef.ObjectRef o) {
            JsonObjectBuilder ref = ref(o.name());
            if (!o.arguments().isEmpty()) {
                JsonArrayBuilder args = JSON.createArrayBuilder();
                o.arguments().forEach(a -> args.add(schema(a)));
                ref.add("typeArguments", args);
            }
            return ref;
        }
        if (type instanceof TypeRef.TypeVar v) {
            return JSON.createObjectBuilder().add("typeParameter", v.name());
        }
        if (type instanceof TypeRef.ListOf l) {
            JsonObjectBuilder array =
                    JSON.createObjectBuilder().add("type", "array").add("items", schema(l.item()));
            return l.unique() ? array.add("uniqueItems", true) : array;
        }
        if (type instanceof TypeRef.MapOf m) {
            JsonObjectBuilder map =
                    JSON.createObjectBuilder().add("type", "object").add("additionalProperties", schema(m.value()));
            if (m.key() instanceof TypeRef.EnumRef e) {
                map.add("propertyNames", ref(e.name()));
            } else if (m.key() instanceof TypeRef.Scalar s && s.kind() == ScalarKind.INTEGER) {
                map.add("propertyNames", JSON.createObjectBuilder().add("pattern", "^-?[0-9]+$"));
            } else if (m.key() instanceof TypeRef.Scalar s && s.kind() == ScalarKind.UUID) {
                map.add("propertyNames", JSON.createObjectBuilder().add("format", "uuid"));
            }
            return map;
        }
        if (type instanceof TypeRef.Nullable n) {
            return nullable(schema(n.inner()));
        }
        if (type instanceof TypeRef.Void) {
            return JSON.createObjectBuilder().add("type", "null");
        }
        return JSON.createObjectBuilder(); // TypeRef.Json: any JSON value
    }

    /** The schema that also admits {@code null}. */
    static JsonObjectBuilder nullable(JsonObjectBuilder inner) {
        return JSON.createObjectBuilder()
                .add(
                        "anyOf",
                        JSON.createArrayBuilder()
                                .add(inner)
                                .add(JSON.createObjectBuilder().add("type", "null")));
    }

    /** A scalar's schema, with the range of a Java whole number and the one character of a char. */
    private static JsonObjectBuilder scalar(TypeRef.Scalar scalar) {
        JsonObjectBuilder out = scalar(scalar.kind());
        int bits = scalar.wholeBits();
        if (bits != 0) {
            out.add("minimum", scalar.wholeMin()).add("maximum", scalar.wholeMax());
        } else if (scalar.isCharacter()) {
            out.add("minLength", 1).add("maxLength", 1);
        }
        return out;
    }

    private static JsonObjectBuilder scalar(ScalarKind kind) {
        JsonObjectBuilder out = JSON.createObjectBuilder();
        return switch (kind) {
            case STRING -> out.add("type", "string");
            case BOOLEAN -> out.add("type", "boolean");
            case INTEGER -> out.add("type", "integer");
            case NUMBER -> out.add("type", "number");
            case DATE -> out.add("type", "string").add("format", "date");
            case DATE_TIME -> out.add("type", "string").add("format", "date-time");
            case TIME -> out.add("type", "string").add("format", "time");
            case DURATION -> out.add("type", "string").add("format", "duration");
            case UUID -> out.add("type", "string").add("format", "uuid");
        };
    }

    private static JsonObjectBuilder ref(String name) {
        return JSON.createObjectBuilder().add("$ref", "#/types/" + name);
    }
}
