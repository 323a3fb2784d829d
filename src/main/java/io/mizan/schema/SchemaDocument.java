package io.mizan.schema;

import io.mizan.model.ChannelModel;
import io.mizan.model.ConstraintModel;
import io.mizan.model.FormModel;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ParamModel;
import io.mizan.model.PropertyModel;
import io.mizan.model.TypeDef;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The functions a browser may call, the channels it may join, the forms it may submit (each with its
 * submit function and the names of its other two) and the types they use, as JSON, served
 * at {@code GET <base>/schema} for tools that generate clients from a running server. Types are JSON Schema objects; keys are
 * sorted, so the same application always gives the same text.
 *
 * <pre>{@code
 * {"channels": {
 *    "chat": {"message": {"$ref": "#/types/ChatMessage"}, "params": {"$ref": "#/types/Room"}, "presence": true}},
 *  "forms": {
 *    "contact": {"function": {"affects": [], "params": [...], "result": ...}, "schema": "contact.schema",
 *                "submit": "contact.submit", "title": "Contact us", "validate": "contact.validate"}},
 *  "functions": {
 *    "updateName": {"affects": ["currentUser"], "params": [
 *        {"constraints": [], "name": "userId", "nullable": false, "type": {"type": "integer"}},
 *        {"constraints": [{"attributes": {}, "name": "NotBlank"}], "name": "name", "nullable": false,
 *         "type": {"pattern": "[^\\x00-\\x20]", "type": "string"}}],
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
            functions.add(f.name(), functionBuilder(f));
        }
        JsonObjectBuilder channels = JSON.createObjectBuilder();
        for (ChannelModel c : api.channels()) {
            channels.add(c.name(), channel(c));
        }
        JsonObjectBuilder forms = JSON.createObjectBuilder();
        for (FormModel form : api.forms()) {
            forms.add(
                    form.name(),
                    JSON.createObjectBuilder()
                            .add("title", form.title())
                            .add("schema", form.name() + FormModel.SCHEMA)
                            .add("validate", form.name() + FormModel.VALIDATE)
                            .add("submit", form.submit().name())
                            .add("function", functionBuilder(form.submit())));
        }
        JsonObjectBuilder types = JSON.createObjectBuilder();
        for (TypeDef type : api.types().values()) {
            types.add(type.name(), type(type));
        }
        JsonObject document = JSON.createObjectBuilder()
                .add("channels", channels)
                .add("forms", forms)
                .add("functions", functions)
                .add("types", types)
                .build();
        return (JsonObject) sorted(document);
    }

    /**
     * One function as the document describes it under {@code functions}, for any function of the model:
     * a form's {@code <name>.submit} too, which the document itself leaves to its form.
     */
    public static JsonObject function(FunctionModel f) {
        return (JsonObject) sorted(functionBuilder(f).build());
    }

    private static JsonObjectBuilder functionBuilder(FunctionModel f) {
        JsonArrayBuilder params = JSON.createArrayBuilder();
        for (ParamModel p : f.arguments()) {
            List<ConstraintModel> constraints = distinct(p.constraints());
            params.add(JSON.createObjectBuilder()
                    .add("name", p.name())
                    .add("type", ConstraintKeywords.schema(p.type(), constraints))
                    .add("nullable", p.nullable())
                    .add("constraints", NamedConstraints.json(constraints)));
        }
        JsonObjectBuilder scopedBy = JSON.createObjectBuilder();
        new TreeMap<>(f.scopedBy()).forEach((context, by) -> scopedBy.add(context, strings(by)));
        return JSON.createObjectBuilder()
                .add("scope", f.scope().name().toLowerCase(Locale.ROOT))
                .add("params", params)
                .add("result", TypeSchemas.schema(f.result()))
                .add("affects", strings(f.affects()))
                .add("scopedBy", scopedBy);
    }

    /** A channel: what a join sends as params, the type of its messages, and whether it has presence. */
    private static JsonObjectBuilder channel(ChannelModel c) {
        return JSON.createObjectBuilder()
                .add("params", TypeSchemas.schema(c.params()))
                .add("message", TypeSchemas.schema(c.message()))
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
            List<ConstraintModel> constraints = distinct(p.constraints());
            JsonObjectBuilder property = ConstraintKeywords.schema(p.type(), constraints);
            if (!constraints.isEmpty()) {
                property.add("constraints", NamedConstraints.json(constraints));
            }
            properties.add(p.name(), property);
            required.add(p.name()); // the server writes every property, null ones too
        }
        JsonObjectBuilder out = JSON.createObjectBuilder()
                .add("type", "object")
                .add("properties", properties)
                .add("required", strings(List.copyOf(required)))
                // an argument with others is refused (MIZAN-129), and the server writes no others
                .add("additionalProperties", false);
        if (!o.typeParameters().isEmpty()) {
            out.add("typeParameters", strings(o.typeParameters()));
        }
        return out;
    }

    /**
     * The constraints without repeats: a record component's constraint reaches the model from its field,
     * its accessor and its type use alike.
     */
    private static List<ConstraintModel> distinct(List<ConstraintModel> constraints) {
        return constraints.stream().distinct().toList();
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
