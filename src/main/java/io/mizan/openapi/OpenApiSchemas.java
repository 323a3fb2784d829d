package io.mizan.openapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The JSON Schemas of {@code GET <base>/schema} ({@link io.mizan.schema.SchemaDocument}) as OpenAPI 3.0
 * schema objects, which MicroProfile OpenAPI 3.1 servers (Payara 6) write. The type mapping stays in
 * {@code io.mizan.schema}; this only rewrites what OpenAPI 3.0 says otherwise:
 *
 * <ul>
 *   <li>{@code {"$ref": "#/types/X"}} points at {@code #/components/schemas/X};
 *   <li>{@code {"anyOf": [T, {"type": "null"}]}} is {@code T} with {@code "nullable": true} (a
 *       {@code $ref} is wrapped in {@code allOf}, since 3.0 ignores a {@code $ref}'s siblings);
 *   <li>numeric {@code exclusiveMinimum}/{@code exclusiveMaximum} become {@code minimum} with the boolean;
 *   <li>{@code propertyNames} (no word in 3.0) is dropped; the constraints listed by name move to the
 *       extension {@code x-constraints};
 *   <li>generics, which OpenAPI lacks, are written out: {@code Page<UserView>} is the component
 *       {@code Page_UserView}, {@code Page}'s {@code T} replaced by {@code UserView}'s schema.
 * </ul>
 *
 * <p>Components are made as uses reach them: {@link #components()} holds every type reached so far.
 */
final class OpenApiSchemas {

    static final String COMPONENTS = "#/components/schemas/";
    private static final String TYPES = "#/types/";
    private static final JsonProvider JSON = JsonProvider.provider();

    private final JsonObject types;
    private final SortedMap<String, JsonObject> components = new TreeMap<>();

    /** @param types the {@code types} of the schema document, by name */
    OpenApiSchemas(JsonObject types) {
        this.types = types;
    }

    /** The OpenAPI schema of a schema of the schema document (a parameter's, a result's). */
    JsonObject convert(JsonValue schema) {
        return convert(schema, Map.of());
    }

    /** Every component reached, by name. */
    SortedMap<String, JsonObject> components() {
        return components;
    }

    private JsonObject convert(JsonValue value, Map<String, JsonObject> bound) {
        if (!(value instanceof JsonObject schema)) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (schema.containsKey("typeParameter")) {
            return bound.getOrDefault(schema.getString("typeParameter"), JsonValue.EMPTY_JSON_OBJECT);
        }
        if (schema.containsKey("$ref")) {
            return reference(schema, bound);
        }
        JsonObject nullable = nullableInner(schema);
        if (nullable != null) {
            return nullable(convert(nullable, bound));
        }
        if (schema.size() == 1 && "null".equals(stringOf(schema.get("type")))) {
            // a void function's result: 3.0 has no type of null alone
            return JSON.createObjectBuilder()
                    .add("nullable", true)
                    .add("description", "always null")
                    .build();
        }
        JsonObjectBuilder out = JSON.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : schema.entrySet()) {
            String key = e.getKey();
            JsonValue v = e.getValue();
            switch (key) {
                case "properties" -> {
                    JsonObjectBuilder properties = JSON.createObjectBuilder();
                    v.asJsonObject().forEach((name, property) -> properties.add(name, convert(property, bound)));
                    out.add(key, properties);
                }
                case "items" -> out.add(key, convert(v, bound));
                case "additionalProperties" -> out.add(key, v instanceof JsonObject ? convert(v, bound) : v);
                case "exclusiveMinimum", "exclusiveMaximum" -> {
                    if (v instanceof JsonNumber) {
                        out.add(key.equals("exclusiveMinimum") ? "minimum" : "maximum", v);
                        out.add(key, true);
                    } else {
                        out.add(key, v);
                    }
                }
                case "constraints" -> out.add("x-constraints", v);
                case "propertyNames", "typeParameters" -> {
                    // no word for them in OpenAPI 3.0; a generic type is written out per use
                }
                default -> out.add(key, v);
            }
        }
        return out.build();
    }

    /** The non-null member of {@code {"anyOf": [T, {"type": "null"}]}}, or null for another schema. */
    private static JsonObject nullableInner(JsonObject schema) {
        if (!(schema.get("anyOf") instanceof JsonArray any) || any.size() != 2) {
            return null;
        }
        JsonObject inner = null;
        boolean hasNull = false;
        for (JsonValue member : any) {
            if (member instanceof JsonObject o && o.size() == 1 && "null".equals(stringOf(o.get("type")))) {
                hasNull = true;
            } else if (member instanceof JsonObject o) {
                inner = o;
            }
        }
        if (!hasNull || inner == null) {
            return null;
        }
        // keywords beside anyOf (constraints listed by name) stay with the value
        JsonObjectBuilder merged = JSON.createObjectBuilder(inner);
        schema.forEach((k, v) -> {
            if (!k.equals("anyOf")) {
                merged.add(k, v);
            }
        });
        return merged.build();
    }

    /** The schema that also admits {@code null}. */
    static JsonObject nullable(JsonObject schema) {
        if (schema.containsKey("$ref")) {
            return JSON.createObjectBuilder()
                    .add("allOf", JSON.createArrayBuilder().add(schema))
                    .add("nullable", true)
                    .build();
        }
        return JSON.createObjectBuilder(schema).add("nullable", true).build();
    }

    private JsonObject reference(JsonObject schema, Map<String, JsonObject> bound) {
        String name = schema.getString("$ref").substring(TYPES.length());
        List<JsonObject> arguments = new ArrayList<>();
        if (schema.get("typeArguments") instanceof JsonArray args) {
            args.forEach(a -> arguments.add(convert(a, bound)));
        }
        String component = arguments.isEmpty() ? name : name + "_" + String.join("_", names(arguments));
        if (!components.containsKey(component) && types.get(name) instanceof JsonObject type) {
            components.put(component, JsonValue.EMPTY_JSON_OBJECT); // a type that contains itself stops here
            Map<String, JsonObject> parameters = new HashMap<>();
            if (type.get("typeParameters") instanceof JsonArray declared) {
                for (int i = 0; i < declared.size(); i++) {
                    parameters.put(
                            declared.getString(i),
                            i < arguments.size() ? arguments.get(i) : JsonValue.EMPTY_JSON_OBJECT);
                }
            }
            components.put(component, convert(type, parameters));
        }
        JsonObjectBuilder ref = JSON.createObjectBuilder().add("$ref", COMPONENTS + component);
        return ref.build();
    }

    private static List<String> names(List<JsonObject> schemas) {
        return schemas.stream().map(OpenApiSchemas::name).toList();
    }

    /** A name for a type argument, to name the written-out component: {@code UserView}, {@code ListOfString}. */
    private static String name(JsonObject schema) {
        if (schema.get("$ref") instanceof JsonString ref) {
            return ref.getString().substring(ref.getString().lastIndexOf('/') + 1);
        }
        if (schema.get("allOf") instanceof JsonArray all && all.size() == 1) {
            return "Nullable" + name(all.getJsonObject(0));
        }
        String type = stringOf(schema.get("type"));
        String base =
                switch (type == null ? "" : type) {
                    case "array" -> "ListOf" + name(schema.getJsonObject("items"));
                    case "object" -> schema.get("additionalProperties") instanceof JsonObject value
                            ? "MapOf" + name(value)
                            : "Object";
                    case "" -> "Any";
                    default -> type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1);
                };
        return schema.getBoolean("nullable", false) ? "Nullable" + base : base;
    }

    private static String stringOf(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : null;
    }

    /** The names as a JSON array. */
    static JsonArrayBuilder strings(Iterable<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    /** A request's or response's content: {@code {"<media type>": {"schema": ...}}}. */
    static JsonObjectBuilder content(String mediaType, JsonObject schema) {
        return JSON.createObjectBuilder()
                .add(mediaType, JSON.createObjectBuilder().add("schema", schema));
    }
}
