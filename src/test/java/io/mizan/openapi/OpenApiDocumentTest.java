package io.mizan.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.codegen.fixture.FixtureApp;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The part of the OpenAPI document Mizan adds, built from a model without a server: every callable
 * function and context has its path, schemas, problem answers and security, and the whole is a valid
 * OpenAPI 3.0 document by swagger-parser's validation.
 */
class OpenApiDocumentTest {

    public static class Staff {
        @Client(roles = {"staff", "admin"})
        public String payroll() {
            return "";
        }

        @Client
        @RolesAllowed("auditor")
        public int audit(int year) {
            return year;
        }

        @Client(auth = Auth.AUTHENTICATED)
        public void ping() {}
    }

    private static final JsonObject PART =
            OpenApiDocument.of(FixtureApp.model(), "api//mizan/", List.of(), "JSESSIONID");

    static JsonObject whole(JsonObject part) {
        return Json.createObjectBuilder()
                .add("openapi", "3.0.3")
                .add("info", Json.createObjectBuilder().add("title", "test").add("version", "1"))
                .add("paths", part.getJsonObject("paths"))
                .add("components", part.getJsonObject("components"))
                .build();
    }

    static SwaggerParseResult parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(json, null, options);
    }

    private static JsonObject path(JsonObject part, String path) {
        JsonObject item = part.getJsonObject("paths").getJsonObject(path);
        assertNotNull(item, path + " in " + part.getJsonObject("paths").keySet());
        return item;
    }

    @Test
    void theDocumentIsValidOpenApi() {
        SwaggerParseResult result = parse(whole(PART).toString());
        assertEquals(List.of(), result.getMessages());
        assertNotNull(result.getOpenAPI().getPaths().get("/api/mizan/call/updateName"));
    }

    @Test
    void theValidatorSeesMistakes() {
        // what the tests above rely on: an unknown member of a response, or a dangling $ref, is reported
        String document = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"t\",\"version\":\"1\"},"
                + "\"paths\":{\"/x\":{\"get\":{\"parameters\":[{\"name\":\"a\",\"in\":\"query\","
                + "\"schema\":{\"$ref\":\"#/components/schemas/Nowhere\"}}],"
                + "\"responses\":{\"200\":{\"description\":\"ok\",\"x\":1}}}}}}";
        assertFalse(parse(document).getMessages().isEmpty());
    }

    @Test
    void callsAreOperationsNamedAfterTheirFunction() {
        JsonObject post = path(PART, "/api/mizan/call/updateName").getJsonObject("post");
        assertEquals("updateName", post.getString("operationId"));
        assertEquals("Users", post.getJsonArray("tags").getString(0));
        JsonObject body = post.getJsonObject("requestBody")
                .getJsonObject("content")
                .getJsonObject("application/json")
                .getJsonObject("schema");
        assertFalse(body.getBoolean("additionalProperties"));
        assertEquals(
                List.of("name", "userId"),
                body.getJsonArray("required").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
        JsonObject name = body.getJsonObject("properties").getJsonObject("name");
        assertEquals("string", name.getString("type"));
        assertEquals(80, name.getInt("maxLength"));
        assertEquals("[^\\x00-\\x20]", name.getString("pattern"), "@NotBlank");
        assertEquals(
                "NotBlank", name.getJsonArray("x-constraints").getJsonObject(0).getString("name"));
        JsonObject ok = post.getJsonObject("responses").getJsonObject("200");
        JsonObject envelope =
                ok.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema");
        assertEquals(
                "#/components/schemas/UserView",
                envelope.getJsonObject("properties").getJsonObject("result").getString("$ref"));
        assertEquals(
                "array",
                envelope.getJsonObject("properties").getJsonObject("invalidate").getString("type"));
        assertTrue(ok.getJsonObject("headers").containsKey("X-Mizan-Invalidate"));
        assertEquals(
                List.of("currentUser"),
                post.getJsonArray("x-mizan-affects").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
    }

    @Test
    void errorsAreProblemsWithASharedSchema() {
        JsonObject responses =
                path(PART, "/api/mizan/call/updateName").getJsonObject("post").getJsonObject("responses");
        for (String status : List.of("400", "403", "413", "415", "422", "500")) {
            assertEquals(
                    "#/components/schemas/MizanProblem",
                    responses
                            .getJsonObject(status)
                            .getJsonObject("content")
                            .getJsonObject("application/problem+json")
                            .getJsonObject("schema")
                            .getString("$ref"),
                    status);
        }
        assertFalse(responses.containsKey("401"), "anyone may call it");
        JsonObject problem =
                PART.getJsonObject("components").getJsonObject("schemas").getJsonObject("MizanProblem");
        assertTrue(problem.getJsonObject("properties").containsKey("errors"));
        assertTrue(problem.getJsonObject("properties").containsKey("code"));
    }

    @Test
    void contextsAreReadWithQueryParameters() {
        JsonObject get = path(PART, "/api/mizan/ctx/userProfile").getJsonObject("get");
        assertEquals("userProfile", get.getString("operationId"));
        JsonObject userId = get.getJsonArray("parameters").getJsonObject(0); // in the method's order
        assertEquals("userId", userId.getString("name"));
        assertEquals("query", userId.getString("in"));
        assertTrue(userId.getBoolean("required"));
        assertEquals("integer", userId.getJsonObject("schema").getString("type"));
        JsonObject lang = get.getJsonArray("parameters").getJsonObject(1);
        assertFalse(lang.getBoolean("required"), "@Nullable");
        assertTrue(lang.getJsonObject("schema").getBoolean("nullable"));
        assertTrue(get.getJsonObject("responses")
                .getJsonObject("200")
                .getJsonObject("headers")
                .containsKey("ETag"));
        assertTrue(get.getJsonObject("responses").containsKey("304"));
        // the same context answers a call, under another operationId
        assertEquals(
                "userProfile.call",
                path(PART, "/api/mizan/call/userProfile").getJsonObject("post").getString("operationId"));
    }

    @Test
    void viewPathAndServerOnlyFunctionsAreLeftOut() {
        assertFalse(PART.getJsonObject("paths").containsKey("/api/mizan/call/updateProfile"), "view path");
        assertFalse(PART.getJsonObject("paths").containsKey("/api/mizan/call/syncFromDirectory"), "server only");
        assertFalse(PART.getJsonObject("paths").containsKey("/api/mizan/ctx/updateName"), "no context");
    }

    @Test
    void formsAreSubmittedAndValidated() {
        JsonObject submit = path(PART, "/api/mizan/call/contact.submit").getJsonObject("post");
        assertEquals("contact.submit", submit.getString("operationId"));
        JsonObject validate = path(PART, "/api/mizan/call/contact.validate").getJsonObject("post");
        JsonObject result = validate.getJsonObject("responses")
                .getJsonObject("200")
                .getJsonObject("content")
                .getJsonObject("application/json")
                .getJsonObject("schema")
                .getJsonObject("properties")
                .getJsonObject("result");
        assertTrue(result.getJsonObject("properties").containsKey("valid"));
        JsonObject definition = path(PART, "/api/mizan/call/contact.schema").getJsonObject("post");
        assertEquals("contact.schema", definition.getString("operationId"));
        JsonObject fields = definition
                .getJsonObject("responses")
                .getJsonObject("200")
                .getJsonObject("content")
                .getJsonObject("application/json")
                .getJsonObject("schema")
                .getJsonObject("properties")
                .getJsonObject("result")
                .getJsonObject("properties")
                .getJsonObject("fields");
        assertEquals(
                "[choices, constraints, help, label, name, offset, placeholder, required, type, widget]",
                new java.util.TreeSet<>(fields.getJsonObject("items")
                                .getJsonObject("properties")
                                .keySet())
                        .toString());
        assertTrue(definition.getJsonObject("responses").containsKey("403"));
        assertFalse(definition.getJsonObject("responses").containsKey("422"), "nothing to validate");
    }

    @Test
    void genericTypesAreWrittenOutPerUse() {
        JsonObject schemas = PART.getJsonObject("components").getJsonObject("schemas");
        JsonObject page = schemas.getJsonObject("Page_UserView");
        assertNotNull(page, schemas.keySet().toString());
        assertEquals(
                "#/components/schemas/UserView",
                page.getJsonObject("properties")
                        .getJsonObject("items")
                        .getJsonObject("items")
                        .getString("$ref"));
        assertFalse(schemas.containsKey("Page"), "the generic type itself is no component");
        // a generic type that contains itself refers to itself
        JsonObject tree = schemas.getJsonObject("Tree_String");
        assertEquals(
                "#/components/schemas/Tree_String",
                tree.getJsonObject("properties")
                        .getJsonObject("children")
                        .getJsonObject("items")
                        .getString("$ref"));
        assertEquals(
                "string",
                tree.getJsonObject("properties").getJsonObject("value").getString("type"));
    }

    @Test
    void securityFollowsTheAccessRule() {
        Model model = new ModelBuilder(Auth.PUBLIC).build(List.of(Staff.class));
        JsonObject part = OpenApiDocument.of(model, "/mizan", List.of(), "SESSION");
        assertEquals(List.of(), parse(whole(part).toString()).getMessages());
        JsonObject payroll = path(part, "/mizan/call/payroll").getJsonObject("post");
        assertEquals(
                "{\"mizan\":[]}",
                payroll.getJsonArray("security").getJsonObject(0).toString());
        assertEquals("roles", payroll.getJsonObject("x-mizan-access").getString("rule"));
        assertEquals(
                "[\"admin\",\"staff\"]",
                payroll.getJsonObject("x-mizan-access").getJsonArray("roles").toString());
        assertTrue(payroll.getString("description").contains("admin, staff"), payroll.getString("description"));
        assertTrue(payroll.getJsonObject("responses").containsKey("401"));
        JsonObject audit = path(part, "/mizan/call/audit").getJsonObject("post");
        assertEquals(
                "[\"auditor\"]",
                audit.getJsonObject("x-mizan-access").getJsonArray("roles").toString());
        JsonObject ping = path(part, "/mizan/call/ping").getJsonObject("post");
        assertEquals("authenticated", ping.getJsonObject("x-mizan-access").getString("rule"));
        JsonObject scheme = part.getJsonObject("components")
                .getJsonObject("securitySchemes")
                .getJsonObject("mizan");
        assertEquals("apiKey", scheme.getString("type"));
        assertEquals("cookie", scheme.getString("in"));
        assertEquals("SESSION", scheme.getString("name"));
        // a public function asks for nothing, whatever the document's default
        assertEquals(
                0,
                path(PART, "/api/mizan/call/updateName")
                        .getJsonObject("post")
                        .getJsonArray("security")
                        .size());
    }

    @Test
    void theApplicationsOwnSchemesAreUsedWhenItDeclaresSome() {
        Model model = new ModelBuilder(Auth.PUBLIC).build(List.of(Staff.class));
        JsonObject part = OpenApiDocument.of(model, "/mizan", List.of("bearer", "basic"), "JSESSIONID");
        JsonObject payroll = path(part, "/mizan/call/payroll").getJsonObject("post");
        assertEquals(
                "[{\"bearer\":[]},{\"basic\":[]}]",
                payroll.getJsonArray("security").toString());
        assertNull(part.getJsonObject("components").get("securitySchemes"));
    }

    @Test
    void theBaseIsNormalized() {
        assertEquals("/api/mizan", OpenApiDocument.normalized("api/mizan/"));
        assertEquals("/mizan", OpenApiDocument.normalized("//mizan"));
        assertEquals("/", OpenApiDocument.normalized(""));
    }
}
