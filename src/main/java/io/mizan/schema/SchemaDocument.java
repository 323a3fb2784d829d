package io.mizan.schema;

import io.mizan.model.ChannelModel;
import io.mizan.model.ConstraintModel;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ParamModel;
import io.mizan.model.PropertyModel;
import io.mizan.model.ScalarKind;
import io.mizan.model.TypeDef;
import io.mizan.model.TypeRef;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The functions a browser may call, the channels it may join and the types they use, as JSON, served
 * at {@code GET <base>/schema} for tools that generate clients from a running server. Types are JSON Schema objects; keys are
 * sorted, so the same application always gives the same text.
 *
 * <pre>{@code
 * {"channels": {
 *    "chat": {"message": {"$ref": "#/types/ChatMessage"}, "params": {"$ref": "#/types/Room"}, "presence": true}},
 *  "functions": {
 *    "updateName": {"affects": ["currentUser"], "params": [
 *        {"constraints": [], "name": "userId", "nullable": false, "type": {"type": "integer"}},
 *        {"constraints": [{"attributes": {}, "name": "NotBlank"}], "name": "name", "nullable": false,
 *         "type": {"pattern": "\\S", "type": "string"}}],
 *      "result": {"$ref": "#/types/UserView"}, "scope": "none", "scopedBy": {"currentUser": []}}},
 *  "types": {
 *    "Role": {"enum": ["ADMIN", "MEMBER"], "type": "string"},
 *    "UserView": {"properties": {"id": {"type": "integer"}, "name": {"type": "string"},
 *                                "role": {"$ref": "#/types/Role"}},
 *                 "required": ["id", "name", "role"], "type": "object"}}}
 * }</pre>
 *
 * <p>Only what the browser can call is described: view-path methods and {@code serverOnly} functions,
 * and the types only they use, are left out (see {@link ClientApi}). A nullable value is
 * {@code {"anyOf": [T, {"type": "null"}]}}, a generic type lists its {@code typeParameters} and a use of it
 * its {@code typeArguments}, and Bean Validation constraints appear both by name under
 * {@code constraints} and, where JSON Schema has a word for them, as {@code minLength}, {@code maximum},
 * {@code pattern}... Property names are the JSON names ({@code @JsonbProperty}); no Java class name
 * other than a type's simple name appears.
 */
public final class SchemaDocument {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String CONSTRAINTS = "jakarta.validation.constraints.";
    private static final Pattern CLASS_NAME = Pattern.compile("(class|interface) [\\w.$]+");

    private SchemaDocument() {}

    /** The document as compact JSON text. */
    public static String toJson(Model model) {
        return toJsonObject(model).toString();
    }

    /** The document as a JSON-P object, keys sorted at every level. */
    public static JsonObject toJsonObject(Model model) {
        ClientApi api = ClientApi.of(model);
        JsonObjectBuilder functions = JSON.createObjectBuilder();
        for (FunctionModel f : api.functions()) {
            functions.add(f.name(), function(f));
        }
        JsonObjectBuilder channels = JSON.createObjectBuilder();
        for (ChannelModel c : api.channels()) {
            channels.add(c.name(), channel(c));
        }
        JsonObjectBuilder types = JSON.createObjectBuilder();
        for (TypeDef type : api.types().values()) {
            types.add(type.name(), type(type));
        }
        JsonObject document = JSON.createObjectBuilder()
                .add("channels", channels)
                .add("functions", functions)
                .add("types", types)
                .build();
        return (JsonObject) sorted(document);
    }

    private static JsonObjectBuilder function(FunctionModel f) {
        JsonArrayBuilder params = JSON.createArrayBuilder();
        for (ParamModel p : f.arguments()) {
            params.add(JSON.createObjectBuilder()
                    .add("name", p.name())
                    .add("type", withConstraints(p.type(), p.constraints()))
                    .add("nullable", p.nullable())
                    .add("constraints", constraints(p.constraints())));
        }
        JsonObjectBuilder scopedBy = JSON.createObjectBuilder();
        new TreeMap<>(f.scopedBy()).forEach((context, by) -> scopedBy.add(context, strings(by)));
        return JSON.createObjectBuilder()
                .add("scope", f.scope().name().toLowerCase(Locale.ROOT))
                .add("params", params)
                .add("result", schema(f.result()))
                .add("affects", strings(f.affects()))
                .add("scopedBy", scopedBy);
    }

    /** A channel: what a join sends as params, the type of its messages, and whether it has presence. */
    private static JsonObjectBuilder channel(ChannelModel c) {
        return JSON.createObjectBuilder()
                .add("params", schema(c.params()))
                .add("message", schema(c.message()))
                .add("presence", c.presence());
    }

    private static JsonObjectBuilder type(TypeDef type) {
        if (type instanceof TypeDef.EnumDef e) {
            return JSON.createObjectBuilder().add("type", "string").add("enum", strings(e.constants()));
        }
        TypeDef.ObjectDef o = (TypeDef.ObjectDef) type;
        JsonObjectBuilder properties = JSON.createObjectBuilder();
        TreeSet<String> required = new TreeSet<>();
        for (PropertyModel p : o.properties()) {
            JsonObjectBuilder property = withConstraints(p.type(), p.constraints());
            if (!p.constraints().isEmpty()) {
                property.add("constraints", constraints(p.constraints()));
            }
            properties.add(p.name(), property);
            required.add(p.name()); // the server writes every property, null ones too
        }
        JsonObjectBuilder out = JSON.createObjectBuilder()
                .add("type", "object")
                .add("properties", properties)
                .add("required", strings(List.copyOf(required)));
        if (!o.typeParameters().isEmpty()) {
            out.add("typeParameters", strings(o.typeParameters()));
        }
        return out;
    }

    /** The JSON Schema of a type. */
    static JsonObjectBuilder schema(TypeRef type) {
        if (type instanceof TypeRef.Scalar s) {
            return scalar(s.kind());
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

    private static JsonObjectBuilder nullable(JsonObjectBuilder inner) {
        return JSON.createObjectBuilder()
                .add(
                        "anyOf",
                        JSON.createArrayBuilder()
                                .add(inner)
                                .add(JSON.createObjectBuilder().add("type", "null")));
    }

    /** The schema of a type with the JSON Schema words for the constraints on it. */
    private static JsonObjectBuilder withConstraints(TypeRef type, List<ConstraintModel> constraints) {
        TypeRef inner = type instanceof TypeRef.Nullable n ? n.inner() : type;
        JsonObjectBuilder schema = schema(inner);
        for (ConstraintModel c : distinct(constraints)) {
            if (c.annotationType().equals(CONSTRAINTS + c.name())) {
                keywords(schema, inner, c);
            }
        }
        return type instanceof TypeRef.Nullable ? nullable(schema) : schema;
    }

    private static void keywords(JsonObjectBuilder schema, TypeRef type, ConstraintModel c) {
        boolean text = type instanceof TypeRef.Scalar s && s.kind() == ScalarKind.STRING;
        boolean number =
                type instanceof TypeRef.Scalar s && (s.kind() == ScalarKind.INTEGER || s.kind() == ScalarKind.NUMBER);
        String prefix = text
                ? "Length"
                : type instanceof TypeRef.ListOf ? "Items" : type instanceof TypeRef.MapOf ? "Properties" : null;
        Map<String, Object> a = c.attributes();
        switch (c.name()) {
            case "NotBlank" -> {
                if (text) {
                    schema.add("pattern", "\\S");
                }
            }
            case "NotEmpty" -> {
                if (prefix != null) {
                    schema.add("min" + prefix, 1);
                }
            }
            case "Size" -> {
                if (prefix != null) {
                    int min = a.get("min") instanceof Number n ? n.intValue() : 0;
                    int max = a.get("max") instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
                    if (min > 0) {
                        schema.add("min" + prefix, min);
                    }
                    if (max < Integer.MAX_VALUE) {
                        schema.add("max" + prefix, max);
                    }
                }
            }
            case "Min", "Max" -> {
                if (number && a.get("value") instanceof Number n) {
                    schema.add(c.name().equals("Min") ? "minimum" : "maximum", n.longValue());
                }
            }
            case "DecimalMin", "DecimalMax" -> {
                BigDecimal value = decimal(a.get("value"));
                if (number && value != null) {
                    boolean inclusive = !Boolean.FALSE.equals(a.get("inclusive"));
                    boolean min = c.name().equals("DecimalMin");
                    schema.add(
                            inclusive ? (min ? "minimum" : "maximum") : (min ? "exclusiveMinimum" : "exclusiveMaximum"),
                            value);
                }
            }
            case "Positive" -> {
                if (number) {
                    schema.add("exclusiveMinimum", 0);
                }
            }
            case "PositiveOrZero" -> {
                if (number) {
                    schema.add("minimum", 0);
                }
            }
            case "Negative" -> {
                if (number) {
                    schema.add("exclusiveMaximum", 0);
                }
            }
            case "NegativeOrZero" -> {
                if (number) {
                    schema.add("maximum", 0);
                }
            }
            case "Email" -> {
                if (text) {
                    schema.add("format", "email");
                }
            }
            case "Pattern" -> {
                if (text && a.get("regexp") instanceof String regexp) {
                    List<String> flags = a.get("flags") instanceof List<?> list
                            ? list.stream().map(String::valueOf).toList()
                            : List.of();
                    // JSON Schema patterns are ECMA-262 without flags: only a translation needing none fits
                    JavaRegex.toJavaScript(regexp, flags)
                            .filter(r -> r.flags().replace("u", "").isEmpty())
                            .ifPresent(r -> schema.add("pattern", r.source()));
                }
            }
            default -> {
                // no JSON Schema word; the constraint is still listed by name
            }
        }
    }

    /**
     * The constraints without repeats: a record component's constraint reaches the model from its field,
     * its accessor and its type use alike.
     */
    private static List<ConstraintModel> distinct(List<ConstraintModel> constraints) {
        return constraints.stream().distinct().toList();
    }

    private static BigDecimal decimal(Object value) {
        try {
            return value instanceof String s ? new BigDecimal(s.trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonArrayBuilder constraints(List<ConstraintModel> constraints) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (ConstraintModel c : distinct(constraints)) {
            JsonObjectBuilder attributes = JSON.createObjectBuilder();
            new TreeMap<>(c.attributes()).forEach((name, value) -> {
                JsonValue json = attribute(value);
                if (json != null) {
                    attributes.add(name, json);
                }
            });
            out.add(JSON.createObjectBuilder().add("name", c.name()).add("attributes", attributes));
        }
        return out;
    }

    /** An attribute as JSON; null for one that would name a class (a custom constraint's {@code Class} value). */
    private static JsonValue attribute(Object value) {
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return JSON.createValue(n.doubleValue());
        }
        if (value instanceof String || value instanceof Character) {
            String s = String.valueOf(value);
            return CLASS_NAME.matcher(s).matches() ? null : JSON.createValue(s);
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            for (Object item : list) {
                JsonValue json = attribute(item);
                if (json == null) {
                    return null;
                }
                array.add(json);
            }
            return array.build();
        }
        return null;
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    /** A copy with the keys of every object sorted. */
    private static JsonValue sorted(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder out = JSON.createObjectBuilder();
            new TreeMap<>(object).forEach((k, v) -> out.add(k, sorted(v)));
            return out.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder out = JSON.createArrayBuilder();
            array.forEach(v -> out.add(sorted(v)));
            return out.build();
        }
        return value;
    }
}
