package io.mizan.openapi;

import io.mizan.model.FormModel;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.schema.ClientApi;
import io.mizan.schema.SchemaDocument;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.util.List;

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

    private static final JsonProvider JSON = JsonProvider.provider();

    private final Model model;
    private final String base;
    private final String sessionCookie;
    private final OpenApiSchemas schemas;
    private final OperationSecurity security;
    private final FunctionOperations operations;

    private OpenApiDocument(Model model, String base, List<String> schemes, String sessionCookie) {
        this.model = model;
        this.base = base;
        this.sessionCookie = sessionCookie;
        this.schemas = new OpenApiSchemas(SchemaDocument.toJsonObject(model).getJsonObject("types"));
        this.security = new OperationSecurity(schemes);
        this.operations = new FunctionOperations(schemas, security);
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
                            .add("post", operations.call(f, f.isContext() ? f.name() + ".call" : f.name(), null)));
            if (f.isContext()) {
                paths.add(base + "/ctx/" + f.name(), JSON.createObjectBuilder().add("get", operations.read(f)));
            }
        }
        for (FormModel form : api.forms()) {
            FunctionModel submit = form.submit();
            paths.add(
                    base + "/call/" + submit.name(),
                    JSON.createObjectBuilder().add("post", operations.call(submit, submit.name(), null)));
            String validate = form.name() + FormModel.VALIDATE;
            paths.add(
                    base + "/call/" + validate,
                    JSON.createObjectBuilder().add("post", operations.call(submit, validate, form)));
            paths.add(
                    base + "/call/" + form.name() + FormModel.SCHEMA,
                    JSON.createObjectBuilder().add("post", operations.formDefinition(submit, form)));
        }
        JsonObjectBuilder components = JSON.createObjectBuilder();
        schemas.components().forEach(components::add);
        components.add(PROBLEM, ProblemSchemas.problem()).add(ProblemSchemas.FIELD_ERROR, ProblemSchemas.fieldError());
        JsonObjectBuilder all = JSON.createObjectBuilder().add("schemas", components);
        if (security.needsOwnScheme()) {
            all.add(
                    "securitySchemes",
                    JSON.createObjectBuilder().add(SCHEME, OperationSecurity.ownScheme(sessionCookie)));
        }
        return JSON.createObjectBuilder()
                .add("paths", paths)
                .add("components", all)
                .build();
    }
}
