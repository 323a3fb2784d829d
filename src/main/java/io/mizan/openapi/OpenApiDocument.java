package io.mizan.openapi;

import io.mizan.model.AccessRule;
import io.mizan.model.FormModel;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.schema.ClientApi;
import io.mizan.schema.SchemaDocument;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What Mizan adds to the server's OpenAPI document, as OpenAPI 3.0 JSON: a {@code POST <base>/call/{name}}
 * for every function a browser may call (contexts included; forms' {@code submit} and {@code validate}),
 * a {@code GET <base>/ctx/{name}} with query parameters for every context, the schemas of their
 * arguments and results as components, the problem answers, and who may call.
 *
 * <pre>{@code
 * {"paths": {"/api/mizan/call/greet": {"post": {"operationId": "greet", "tags": ["Functions"],
 *      "requestBody": {...}, "responses": {"200": {...}, "400": {...}, ...}, "security": []}}, ...},
 *  "components": {"schemas": {"Greeting": {...}, "MizanProblem": {...}, ...},
 *                 "securitySchemes": {"mizan": {"type": "apiKey", "in": "cookie", "name": "JSESSIONID"}}}}
 * }</pre>
 *
 * <p>The schemas are those of {@code GET <base>/schema}, adapted by {@link OpenApiSchemas}. The
 * functions left out are the ones the schema leaves out ({@link ClientApi}): view-path methods, which
 * are the application's own JAX-RS methods and appear in the document as such, and {@code serverOnly}
 * ones, which answer every client 403.
 *
 * <p>Security: a function that needs a signed-in caller lists the application's security schemes, any
 * of which will do (the container signs the caller in, not Mizan); an application that declares none gets
 * {@value #SCHEME}, its session cookie, which is what a browser calling Mizan sends. OpenAPI 3.0 takes
 * role names only for OAuth2 scopes, so roles are in the description and in {@code x-mizan-access}.
 */
public final class OpenApiDocument {

    /** The security scheme declared when the application declares none. */
    public static final String SCHEME = "mizan";

    /** The component of every problem answer. */
    public static final String PROBLEM = "MizanProblem";

    static final String FIELD_ERROR = "MizanFieldError";
    private static final String JSON_TYPE = "application/json";
    private static final String PROBLEM_TYPE = "application/problem+json";
    private static final JsonProvider JSON = JsonProvider.provider();

    private final Model model;
    private final String base;
    private final List<String> schemes;
    private final String sessionCookie;
    private final OpenApiSchemas schemas;
    private boolean needsScheme;

    private OpenApiDocument(Model model, String base, List<String> schemes, String sessionCookie) {
        this.model = model;
        this.base = base;
        this.schemes = schemes;
        this.sessionCookie = sessionCookie;
        this.schemas = new OpenApiSchemas(SchemaDocument.toJsonObject(model).getJsonObject("types"));
    }

    /**
     * The paths and components Mizan adds.
     *
     * @param model the application's model
     * @param base the path of Mizan's endpoints relative to the document's servers (the context root):
     *     {@code /<application path>/mizan}
     * @param schemes the security schemes the document declares already; none: Mizan declares {@value #SCHEME}
     * @param sessionCookie the name of the application's session cookie, for {@value #SCHEME}
     * @return {@code {"paths": {...}, "components": {"schemas": {...}, "securitySchemes": {...}}}}
     */
    public static JsonObject of(Model model, String base, List<String> schemes, String sessionCookie) {
        return new OpenApiDocument(model, normalized(base), List.copyOf(schemes), sessionCookie).build();
    }

    /** A path with one leading slash, none at the end and no doubled ones: {@code /api/mizan}. */
    static String normalized(String path) {
        String p = ("/" + path).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private JsonObject build() {
        ClientApi api = ClientApi.of(model);
        JsonObjectBuilder paths = JSON.createObjectBuilder();
        for (FunctionModel f : api.functions()) {
            paths.add(
                    base + "/call/" + f.name(),
                    // a context answers a call too; its read keeps the function's name as operationId
                    JSON.createObjectBuilder()
                            .add("post", call(f, f.isContext() ? f.name() + ".call" : f.name(), null)));
            if (f.isContext()) {
                paths.add(base + "/ctx/" + f.name(), JSON.createObjectBuilder().add("get", read(f)));
            }
        }
        for (FormModel form : api.forms()) {
            FunctionModel submit = form.submit();
            paths.add(
                    base + "/call/" + submit.name(),
                    JSON.createObjectBuilder().add("post", call(submit, submit.name(), null)));
            String validate = form.name() + FormModel.VALIDATE;
            paths.add(base + "/call/" + validate, JSON.createObjectBuilder().add("post", call(submit, validate, form)));
        }
        JsonObjectBuilder components = JSON.createObjectBuilder();
        schemas.components().forEach(components::add);
        components.add(PROBLEM, problem()).add(FIELD_ERROR, fieldError());
        JsonObjectBuilder all = JSON.createObjectBuilder().add("schemas", components);
        if (needsScheme && schemes.isEmpty()) {
            all.add(
                    "securitySchemes",
                    JSON.createObjectBuilder()
                            .add(
                                    SCHEME,
                                    JSON.createObjectBuilder()
                                            .add("type", "apiKey")
                                            .add("in", "cookie")
                                            .add("name", sessionCookie)
                                            .add(
                                                    "description",
                                                    "The session of a caller the application has signed in"
                                                            + " (Jakarta Security): Mizan's functions know the"
                                                            + " caller the container knows.")));
        }
        return JSON.createObjectBuilder()
                .add("paths", paths)
                .add("components", all)
                .build();
    }

    /**
     * {@code POST <base>/call/{name}}.
     *
     * @param name the operation's id
     * @param validated the form whose {@code <form>.validate} this is (f is its submit), or null
     */
    private JsonObjectBuilder call(FunctionModel f, String name, FormModel validated) {
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
        JsonObject result = validate ? validation() : schemas.convert(described.get("result"));
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
                .add("content", content(JSON_TYPE, envelope.build()));
        if (!validate && !f.affects().isEmpty()) {
            ok.add(
                    "headers",
                    JSON.createObjectBuilder()
                            .add(
                                    io.mizan.invalidation.InvalidationKeys.HEADER,
                                    JSON.createObjectBuilder()
                                            .add("description", "The invalidation keys, joined with \", \"")
                                            .add(
                                                    "schema",
                                                    JSON.createObjectBuilder().add("type", "string"))));
        }
        JsonObjectBuilder responses = JSON.createObjectBuilder().add("200", ok);
        boolean hasArguments = !f.arguments().isEmpty();
        problems(
                responses,
                f.access(),
                List.of(
                        problem(
                                "400",
                                "The body is not a JSON object of the arguments, or an argument is missing,"
                                        + " unknown or of the wrong type"),
                        problem("413", "The body is larger than mizan.max-body-bytes"),
                        problem("415", "The body is not application/json")),
                hasArguments && !validate);
        JsonObjectBuilder operation = operation(f, name, validate ? describeValidate(validated) : describe(f))
                .add(
                        "requestBody",
                        JSON.createObjectBuilder()
                                .add("required", !required.isEmpty())
                                .add("content", content(JSON_TYPE, body.build())))
                .add("responses", responses);
        if (!validate && !f.affects().isEmpty()) {
            operation.add("x-mizan-affects", OpenApiSchemas.strings(f.affects()));
        }
        return operation;
    }

    /** {@code GET <base>/ctx/{name}?param=value}: a context read. */
    private JsonObjectBuilder read(FunctionModel f) {
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
        JsonObject envelope = JSON.createObjectBuilder()
                .add("type", "object")
                .add("properties", JSON.createObjectBuilder().add("result", schemas.convert(described.get("result"))))
                .add("required", OpenApiSchemas.strings(List.of("result")))
                .build();
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
                                .add("content", content(JSON_TYPE, envelope)))
                .add("304", JSON.createObjectBuilder().add("description", "Unchanged since the ETag sent"));
        problems(
                responses,
                f.access(),
                List.of(problem("400", "A query parameter is missing, unknown, repeated or of the wrong type")),
                !f.arguments().isEmpty());
        return operation(f, f.name(), describe(f) + " Read as a context: cacheable, with an ETag.")
                .add("parameters", parameters)
                .add("responses", responses);
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
        JsonObjectBuilder operation = JSON.createObjectBuilder()
                .add("operationId", name)
                .add("tags", JSON.createArrayBuilder().add(f.beanClass().getSimpleName()))
                .add("description", (description + " " + access(access)).strip());
        JsonArrayBuilder security = JSON.createArrayBuilder();
        if (signedIn(access)) {
            needsScheme = true;
            for (String scheme : schemes.isEmpty() ? List.of(SCHEME) : schemes) {
                security.add(JSON.createObjectBuilder().add(scheme, JsonValue.EMPTY_JSON_ARRAY));
            }
        }
        JsonObjectBuilder rule = JSON.createObjectBuilder()
                .add("rule", rule(access.kind()))
                .add("roles", OpenApiSchemas.strings(new TreeSet<>(access.roles())))
                .add("check", access.check() != null);
        return operation.add("security", security).add("x-mizan-access", rule);
    }

    private static String rule(AccessRule.Kind kind) {
        return switch (kind) {
            case PUBLIC -> "public";
            case AUTHENTICATED -> "authenticated";
            case ROLES -> "roles";
            case DENY_ALL -> "denyAll";
        };
    }

    private static boolean signedIn(AccessRule access) {
        return access.kind() != AccessRule.Kind.PUBLIC;
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

    private static String access(AccessRule access) {
        String rule =
                switch (access.kind()) {
                    case PUBLIC -> "Anyone may call it.";
                    case AUTHENTICATED -> "Needs a signed-in caller.";
                    case ROLES -> "Needs a signed-in caller in one of the roles: "
                            + String.join(", ", new TreeSet<>(access.roles())) + ".";
                    case DENY_ALL -> "Refused to every caller (@DenyAll).";
                };
        return access.check() == null ? rule : rule + " An access check of the application decides as well.";
    }

    /** The problem answers every operation may give, with those of its endpoint. */
    private static void problems(JsonObjectBuilder responses, AccessRule access, List<Answer> own, boolean validated) {
        List<Answer> all = new ArrayList<>(own);
        if (signedIn(access)) {
            all.add(problem("401", "The function needs a signed-in caller and there is none"));
        }
        all.add(problem(
                "403",
                access.kind() == AccessRule.Kind.PUBLIC && access.check() == null
                        ? "The call comes from another origin than the server's and mizan.allowed-origins"
                        : "The caller may not call the function, or the call comes from another origin"));
        if (validated) {
            all.add(problem("422", "The arguments fail Bean Validation: errors names each path"));
        }
        all.add(problem("500", "The server failed; id is the error id its log shows"));
        all.sort(java.util.Comparator.comparing(Answer::status));
        for (Answer p : all) {
            responses.add(
                    p.status(),
                    JSON.createObjectBuilder()
                            .add("description", p.description())
                            .add(
                                    "content",
                                    content(
                                            PROBLEM_TYPE,
                                            JSON.createObjectBuilder()
                                                    .add("$ref", OpenApiSchemas.COMPONENTS + PROBLEM)
                                                    .build())));
        }
    }

    private static Answer problem(String status, String description) {
        return new Answer(status, description);
    }

    /** A problem answer of an operation. */
    private record Answer(String status, String description) {}

    private static JsonObjectBuilder content(String mediaType, JsonObject schema) {
        return JSON.createObjectBuilder()
                .add(mediaType, JSON.createObjectBuilder().add("schema", schema));
    }

    /** {@code <form>.validate}'s result: {@code {"valid": false, "errors": [{"path", "message"}]}}. */
    private static JsonObject validation() {
        return JSON.createObjectBuilder()
                .add("type", "object")
                .add(
                        "properties",
                        JSON.createObjectBuilder()
                                .add("valid", JSON.createObjectBuilder().add("type", "boolean"))
                                .add("errors", errors()))
                .add("required", OpenApiSchemas.strings(List.of("errors", "valid")))
                .build();
    }

    private static JsonObjectBuilder errors() {
        return JSON.createObjectBuilder()
                .add("type", "array")
                .add("items", JSON.createObjectBuilder().add("$ref", OpenApiSchemas.COMPONENTS + FIELD_ERROR));
    }

    /** RFC 9457 problem details as Mizan writes them (the problem writer of the RPC endpoints). */
    private static JsonObject problem() {
        JsonObjectBuilder text = JSON.createObjectBuilder().add("type", "string");
        return JSON.createObjectBuilder()
                .add("type", "object")
                .add(
                        "properties",
                        JSON.createObjectBuilder()
                                .add("type", text)
                                .add("title", text)
                                .add("status", JSON.createObjectBuilder().add("type", "integer"))
                                .add("detail", text)
                                .add(
                                        "code",
                                        JSON.createObjectBuilder(text.build())
                                                .add("description", "Mizan's id of the problem: MIZAN-137"))
                                .add(
                                        "id",
                                        JSON.createObjectBuilder(text.build())
                                                .add("description", "For 500: the error id the log shows"))
                                .add("errors", errors().add("description", "For 422: each failed constraint")))
                .add("required", OpenApiSchemas.strings(List.of("status", "title")))
                .build();
    }

    private static JsonObject fieldError() {
        JsonObjectBuilder text = JSON.createObjectBuilder().add("type", "string");
        return JSON.createObjectBuilder()
                .add("type", "object")
                .add(
                        "properties",
                        JSON.createObjectBuilder()
                                .add("path", text)
                                .add("message", JSON.createObjectBuilder().add("type", "string")))
                .add("required", OpenApiSchemas.strings(List.of("message", "path")))
                .build();
    }
}
