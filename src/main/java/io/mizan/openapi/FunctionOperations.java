package io.mizan.openapi;

import io.mizan.invalidation.InvalidationKeys;
import io.mizan.model.AccessRule;
import io.mizan.model.FormModel;
import io.mizan.model.FunctionModel;
import io.mizan.schema.SchemaDocument;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The operations of a function: {@code POST <base>/call/{name}} with its arguments as a JSON object
 * (a form's {@code <form>.validate} and {@code <form>.schema} as well), and for a context {@code GET <base>/ctx/{name}} with its
 * arguments as query parameters.
 */
final class FunctionOperations {

    private static final String JSON_TYPE = "application/json";
    private static final JsonProvider JSON = JsonProvider.provider();

    private final OpenApiSchemas schemas;
    private final OperationSecurity security;

    FunctionOperations(OpenApiSchemas schemas, OperationSecurity security) {
        this.schemas = schemas;
        this.security = security;
    }

    /**
     * {@code POST <base>/call/{name}}.
     *
     * @param name the operation's id
     * @param validated the form whose {@code <form>.validate} this is (f is its submit), or null
     */
    JsonObjectBuilder call(FunctionModel f, String name, FormModel validated) {
        JsonObject described = SchemaDocument.function(f);
        boolean validate = validated != null;
        JsonObjectBuilder properties = JSON.createObjectBuilder();
        TreeSet<String> required = new TreeSet<>();
        for (JsonValue p : described.getJsonArray("params")) {
            JsonObject param = p.asJsonObject();
            properties.add(param.getString("name"), parameterSchema(param));
            if (!param.getBoolean("nullable")) {
                required.add(param.getString("name"));
            }
        }
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", "object")
                .add("properties", properties)
                .add("additionalProperties", false);
        if (!required.isEmpty()) {
            body.add("required", OpenApiSchemas.strings(required));
        }
        JsonObject result = validate ? ProblemSchemas.validation() : schemas.convert(described.get("result"));
        JsonObjectBuilder envelope = JSON.createObjectBuilder()
                .add("type", "object")
                .add(
                        "properties",
                        JSON.createObjectBuilder()
                                .add("result", result)
                                .add(
                                        "invalidate",
                                        JSON.createObjectBuilder()
                                                .add("type", "array")
                                                .add(
                                                        "items",
                                                        JSON.createObjectBuilder()
                                                                .add("type", "string"))
                                                .add(
                                                        "description",
                                                        "The invalidation keys of the contexts the call"
                                                                + " changed: a client refetches them")))
                .add("required", OpenApiSchemas.strings(List.of("invalidate", "result")));
        JsonObjectBuilder ok = JSON.createObjectBuilder()
                .add("description", validate ? "Whether the form is valid, and its field errors" : "The result")
                .add("content", OpenApiSchemas.content(JSON_TYPE, envelope.build()));
        if (!validate && !f.affects().isEmpty()) {
            ok.add(
                    "headers",
                    JSON.createObjectBuilder()
                            .add(
                                    InvalidationKeys.HEADER,
                                    JSON.createObjectBuilder()
                                            .add("description", "The invalidation keys, joined with \", \"")
                                            .add(
                                                    "schema",
                                                    JSON.createObjectBuilder().add("type", "string"))));
        }
        JsonObjectBuilder responses = JSON.createObjectBuilder().add("200", ok);
        boolean hasArguments = !f.arguments().isEmpty();
        ProblemResponses.add(
                responses,
                f.access(),
                List.of(
                        ProblemResponses.answer(
                                "400",
                                "The body is not a JSON object of the arguments, or an argument is missing,"
                                        + " unknown or of the wrong type"),
                        ProblemResponses.answer("413", "The body is larger than mizan.max-body-bytes"),
                        ProblemResponses.answer("415", "The body is not application/json")),
                hasArguments && !validate);
        JsonObjectBuilder operation = operation(f, name, validate ? describeValidate(validated) : describe(f))
                .add(
                        "requestBody",
                        JSON.createObjectBuilder()
                                .add("required", !required.isEmpty())
                                .add("content", OpenApiSchemas.content(JSON_TYPE, body.build())))
                .add("responses", responses);
        if (!validate && !f.affects().isEmpty()) {
            operation.add("x-mizan-affects", OpenApiSchemas.strings(f.affects()));
        }
        return operation;
    }

    /**
     * {@code POST <base>/call/<form>.schema}: the form's definition, to render it with no generated code
     * (the same answer whatever the body; an empty object is enough). f is the form's submit.
     */
    JsonObjectBuilder formDefinition(FunctionModel f, FormModel form) {
        JsonObject text = JSON.createObjectBuilder().add("type", "string").build();
        JsonObject anyObject = JSON.createObjectBuilder().add("type", "object").build();
        JsonObject field = JSON.createObjectBuilder()
                .add("type", "object")
                .add(
                        "properties",
                        JSON.createObjectBuilder()
                                .add("name", text)
                                .add("type", text)
                                .add("label", text)
                                .add("required", JSON.createObjectBuilder().add("type", "boolean"))
                                .add("widget", text)
                                .add("placeholder", text)
                                .add("help", text)
                                .add(
                                        "offset",
                                        JSON.createObjectBuilder()
                                                .add("type", "boolean")
                                                .add(
                                                        "description",
                                                        "Present and true when the value is a moment written with"
                                                                + " its UTC offset: a local date and time needs the"
                                                                + " client's offset added"))
                                .add(
                                        "constraints",
                                        JSON.createObjectBuilder(anyObject)
                                                .add(
                                                        "description",
                                                        "Bean Validation constraints by name, with their"
                                                                + " attributes"))
                                .add(
                                        "choices",
                                        JSON.createObjectBuilder()
                                                .add("type", "array")
                                                .add("items", text)))
                .add(
                        "required",
                        OpenApiSchemas.strings(List.of("constraints", "label", "name", "required", "type", "widget")))
                .build();
        JsonObject definition = JSON.createObjectBuilder()
                .add("type", "object")
                .add(
                        "properties",
                        JSON.createObjectBuilder()
                                .add("title", text)
                                .add(
                                        "fields",
                                        JSON.createObjectBuilder()
                                                .add("type", "array")
                                                .add("items", field)))
                .add("required", OpenApiSchemas.strings(List.of("fields", "title")))
                .build();
        JsonObject envelope = resultOnly(definition);
        JsonObjectBuilder responses = JSON.createObjectBuilder()
                .add(
                        "200",
                        JSON.createObjectBuilder()
                                .add("description", "The form's title and fields, in record order")
                                .add("content", OpenApiSchemas.content(JSON_TYPE, envelope)));
        ProblemResponses.add(
                responses,
                f.access(),
                List.of(
                        ProblemResponses.answer("400", "The body is not a JSON object"),
                        ProblemResponses.answer("415", "The body is not application/json")),
                false);
        return operation(f, form.name() + FormModel.SCHEMA, "The definition of the form " + form.name() + ".")
                .add(
                        "requestBody",
                        JSON.createObjectBuilder()
                                .add("required", false)
                                .add("content", OpenApiSchemas.content(JSON_TYPE, anyObject)))
                .add("responses", responses);
    }

    /** {@code GET <base>/ctx/{name}?param=value}: a context read. */
    JsonObjectBuilder read(FunctionModel f) {
        JsonObject described = SchemaDocument.function(f);
        JsonArrayBuilder parameters = JSON.createArrayBuilder();
        for (JsonValue p : described.getJsonArray("params")) {
            JsonObject param = p.asJsonObject();
            parameters.add(JSON.createObjectBuilder()
                    .add("name", param.getString("name"))
                    .add("in", "query")
                    .add("required", !param.getBoolean("nullable"))
                    .add("schema", parameterSchema(param)));
        }
        JsonObject envelope = resultOnly(schemas.convert(described.get("result")));
        JsonObjectBuilder responses = JSON.createObjectBuilder()
                .add(
                        "200",
                        JSON.createObjectBuilder()
                                .add("description", "The context's value")
                                .add(
                                        "headers",
                                        JSON.createObjectBuilder()
                                                .add(
                                                        "ETag",
                                                        JSON.createObjectBuilder()
                                                                .add(
                                                                        "description",
                                                                        "Sent back as If-None-Match, it makes"
                                                                                + " an unchanged value a 304")
                                                                .add(
                                                                        "schema",
                                                                        JSON.createObjectBuilder()
                                                                                .add("type", "string"))))
                                .add("content", OpenApiSchemas.content(JSON_TYPE, envelope)))
                .add("304", JSON.createObjectBuilder().add("description", "Unchanged since the ETag sent"));
        ProblemResponses.add(
                responses,
                f.access(),
                List.of(ProblemResponses.answer(
                        "400", "A query parameter is missing, unknown, repeated or of the wrong type")),
                !f.arguments().isEmpty());
        return operation(f, f.name(), describe(f) + " Read as a context: cacheable, with an ETag.")
                .add("parameters", parameters)
                .add("responses", responses);
    }

    /** An answer of {@code {"result": ...}} alone: what a context read and a form's definition send. */
    private static JsonObject resultOnly(JsonObject result) {
        return JSON.createObjectBuilder()
                .add("type", "object")
                .add("properties", JSON.createObjectBuilder().add("result", result))
                .add("required", OpenApiSchemas.strings(List.of("result")))
                .build();
    }

    private JsonObject parameterSchema(JsonObject param) {
        JsonObject schema = schemas.convert(param.get("type"));
        if (!param.getJsonArray("constraints").isEmpty()) {
            schema = JSON.createObjectBuilder(schema)
                    .add("x-constraints", param.getJsonArray("constraints"))
                    .build();
        }
        return schema;
    }

    /** What every operation has: its id, tag, description and security. */
    private JsonObjectBuilder operation(FunctionModel f, String name, String description) {
        AccessRule access = f.access();
        return JSON.createObjectBuilder()
                .add("operationId", name)
                .add("tags", JSON.createArrayBuilder().add(f.beanClass().getSimpleName()))
                .add("description", (description + " " + OperationSecurity.describe(access)).strip())
                .add("security", security.requirements(access))
                .add("x-mizan-access", OperationSecurity.extension(access));
    }

    private static String describe(FunctionModel f) {
        String what = f.isContext()
                ? "The " + f.scope().name().toLowerCase(Locale.ROOT) + " context " + f.name() + "."
                : "Calls " + f.name() + ".";
        return f.affects().isEmpty() ? what : what + " Changes " + String.join(", ", f.affects()) + ".";
    }

    private static String describeValidate(FormModel form) {
        return "Checks the form " + form.name() + " without submitting it.";
    }
}
