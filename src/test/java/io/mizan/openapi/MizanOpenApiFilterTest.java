package io.mizan.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.codegen.fixture.FixtureApp;
import io.smallrye.openapi.runtime.io.Format;
import io.smallrye.openapi.runtime.io.OpenApiSerializer;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * The filter the server runs, on the MicroProfile OpenAPI model of an implementation (SmallRye's here,
 * Payara's on the server): it adds Mizan's part to the document as the server made it, keeps what the
 * document has, and runs the application's own filter over everything, Mizan's part included.
 */
class MizanOpenApiFilterTest {

    /** An application's filter: notes what it sees, removes one parameter, and marks the document. */
    public static class ApplicationFilter implements OASFilter {
        static final List<String> seen = new ArrayList<>();

        @Override
        public org.eclipse.microprofile.openapi.models.Operation filterOperation(
                org.eclipse.microprofile.openapi.models.Operation operation) {
            seen.add("operation " + operation.getOperationId());
            return operation;
        }

        @Override
        public Parameter filterParameter(Parameter parameter) {
            return parameter.getName().equals("lang") ? null : parameter;
        }

        @Override
        public Schema filterSchema(Schema schema) {
            seen.add("schema");
            return schema;
        }

        @Override
        public void filterOpenAPI(OpenAPI openAPI) {
            seen.add("document with " + openAPI.getPaths().getPathItems().size() + " paths");
            openAPI.getInfo().setDescription("filtered by the application");
        }
    }

    @BeforeEach
    void deployed() {
        OpenApiState.model(FixtureApp.model());
        OpenApiState.web("/api", "JSESSIONID");
        ApplicationFilter.seen.clear();
    }

    @AfterEach
    void undeployed() {
        OpenApiState.model(null);
        OpenApiState.web("", "JSESSIONID");
        System.clearProperty(OpenApiFilterSetting.PROPERTY);
        System.clearProperty(OpenApiFilterSetting.ENABLED);
        ConfigProviderResolver.instance().releaseConfig(config());
    }

    private static Config config() {
        return ConfigProviderResolver.instance().getConfig(MizanOpenApiFilterTest.class.getClassLoader());
    }

    /** A document as a server makes it from the application's own resources. */
    private static OpenAPI serversDocument() {
        OpenAPI api = OASFactory.createOpenAPI()
                .openapi("3.0.3")
                .info(OASFactory.createInfo().title("Deployed Resources").version("1.0.0"))
                .paths(OASFactory.createPaths()
                        .addPathItem(
                                "/api/things",
                                OASFactory.createPathItem()
                                        .GET(OASFactory.createOperation()
                                                .operationId("things")
                                                .responses(OASFactory.createAPIResponses()
                                                        .addAPIResponse(
                                                                "200",
                                                                OASFactory.createAPIResponse()
                                                                        .description("OK"))))));
        // a schema of the application's with a name Mizan also uses: the application's stays
        api.components(OASFactory.createComponents()
                .addSchema("Greeting", OASFactory.createSchema().description("the application's own")));
        return api;
    }

    private static String json(OpenAPI api) throws Exception {
        return OpenApiSerializer.serialize(api, Format.JSON);
    }

    @Test
    void theFunctionsJoinTheServersDocumentAndItStaysValid() throws Exception {
        OpenAPI api = serversDocument();
        new MizanOpenApiFilter(null).filterOpenAPI(api);
        String json = json(api);
        SwaggerParseResult result = OpenApiDocumentTest.parse(json);
        assertEquals(List.of(), result.getMessages(), json);
        assertNotNull(result.getOpenAPI().getPaths().get("/api/things"), "the application's own path stays");
        Operation greet =
                result.getOpenAPI().getPaths().get("/api/mizan/ctx/greet").getGet();
        assertEquals("greet", greet.getOperationId());
        assertEquals("[^\\x00-\\x20]", greet.getParameters().get(0).getSchema().getPattern());
        Operation updateName =
                result.getOpenAPI().getPaths().get("/api/mizan/call/updateName").getPost();
        assertEquals(
                "#/components/schemas/UserView",
                ((io.swagger.v3.oas.models.media.Schema<?>) updateName
                                .getResponses()
                                .get("200")
                                .getContent()
                                .get("application/json")
                                .getSchema()
                                .getProperties()
                                .get("result"))
                        .get$ref());
        assertEquals(
                "#/components/schemas/MizanProblem",
                updateName
                        .getResponses()
                        .get("422")
                        .getContent()
                        .get("application/problem+json")
                        .getSchema()
                        .get$ref());
        assertEquals(
                "the application's own",
                result.getOpenAPI().getComponents().getSchemas().get("Greeting").getDescription());
        assertTrue(json.contains("\"x-mizan-access\""), json);
    }

    @Test
    void theCatchAllOfMizansResourceGivesWayToTheFunctions() {
        OpenAPI api = serversDocument();
        api.getPaths()
                .addPathItem("/api/mizan/{path}", OASFactory.createPathItem().GET(OASFactory.createOperation()));
        new MizanOpenApiFilter(null).filterOpenAPI(api);
        assertFalse(api.getPaths().hasPathItem("/api/mizan/{path}"));
        assertTrue(api.getPaths().hasPathItem("/api/things"));
    }

    @Test
    void withoutAModelTheDocumentIsLeftAlone() throws Exception {
        OpenApiState.model(null);
        OpenAPI api = serversDocument();
        new MizanOpenApiFilter(null).filterOpenAPI(api);
        assertEquals(1, api.getPaths().getPathItems().size());
    }

    @Test
    void theApplicationsFilterRunsOverMizansPartToo() {
        OpenAPI api = serversDocument();
        new MizanOpenApiFilter(new ApplicationFilter()).filterOpenAPI(api);
        assertTrue(ApplicationFilter.seen.contains("operation updateName"), ApplicationFilter.seen.toString());
        assertTrue(ApplicationFilter.seen.contains("schema"));
        String last = ApplicationFilter.seen.get(ApplicationFilter.seen.size() - 1);
        assertTrue(last.startsWith("document with "), "filterOpenAPI comes last: " + last);
        assertEquals("filtered by the application", api.getInfo().getDescription());
        List<Parameter> parameters = api.getPaths()
                .getPathItem("/api/mizan/ctx/userProfile")
                .getGET()
                .getParameters();
        assertEquals(
                List.of("userId"), parameters.stream().map(Parameter::getName).toList(), "lang removed");
    }

    @Test
    void theSettingNamesMizansFilterAndTheApplicationsIsReadBelowIt() throws Exception {
        assertEquals(
                MizanOpenApiFilter.class.getName(), config().getValue(OpenApiFilterSetting.PROPERTY, String.class));
        assertNull(OpenApiFilterSetting.applicationsFilter());
        System.setProperty(OpenApiFilterSetting.PROPERTY, ApplicationFilter.class.getName());
        ConfigProviderResolver.instance().releaseConfig(config());
        assertEquals(
                MizanOpenApiFilter.class.getName(),
                config().getValue(OpenApiFilterSetting.PROPERTY, String.class),
                "Mizan's stands in front");
        assertEquals(ApplicationFilter.class.getName(), OpenApiFilterSetting.applicationsFilter());
        // created by the server with its no-argument constructor, it finds the application's filter itself
        OpenAPI api = serversDocument();
        MizanOpenApiFilter.class.getConstructor().newInstance().filterOpenAPI(api);
        assertEquals("filtered by the application", api.getInfo().getDescription());
    }

    @Test
    void switchedOffTheApplicationsFilterIsTheOnlyOne() {
        System.setProperty(OpenApiFilterSetting.ENABLED, "false");
        System.setProperty(OpenApiFilterSetting.PROPERTY, ApplicationFilter.class.getName());
        ConfigProviderResolver.instance().releaseConfig(config());
        assertEquals(ApplicationFilter.class.getName(), config().getValue(OpenApiFilterSetting.PROPERTY, String.class));
        assertFalse(new OpenApiFilterSetting().getPropertyNames().contains(OpenApiFilterSetting.PROPERTY));
    }

    @Test
    void aFilterThatCannotBeCreatedIsLoggedAndMizansPartIsStillAdded() throws Exception {
        System.setProperty(OpenApiFilterSetting.PROPERTY, "com.example.NoSuchFilter");
        ConfigProviderResolver.instance().releaseConfig(config());
        OpenAPI api = serversDocument();
        MizanOpenApiFilter.class.getConstructor().newInstance().filterOpenAPI(api);
        assertNotNull(api.getPaths().getPathItem("/api/mizan/call/updateName"));
    }

    @Test
    void theFilterIsNamedByItsClassName() {
        assertEquals(MizanOpenApiFilter.class.getName(), OpenApiFilterSetting.FILTER);
    }
}
