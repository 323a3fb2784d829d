package io.mizan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.mizan.it.boundary.Lifecycle;
import io.mizan.it.core.CoreApp;
import io.mizan.it.openapi.ApplicationFilter;
import io.mizan.it.support.Deployments;
import io.mizan.it.support.Http;
import io.mizan.it.support.ServerNode;
import io.mizan.it.telemetry.ExportedSpans;
import io.mizan.it.telemetry.MemorySpanExporter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The call endpoint in a real Payara Micro: success, every error status, auth, JSON-B types; and every
 * rule on every path (what becomes a function, server-only, checks, results, methods, proxies, ETags).
 */
@ExtendWith(ArquillianExtension.class)
class CoreIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        // the application's own OpenAPI filter, where the server has MicroProfile OpenAPI (WildFly's
        // standalone.xml has not, and the filter's interface would be missing there)
        boolean openapi = !ServerNode.wildfly();
        WebArchive war = Deployments.war(
                        "core",
                        "mizan.allowed-origins=https://allowed.example\nmizan.max-body-bytes=65536\nmizan.schema.enabled=false\n"
                                + "mizan.trust-forwarded-headers=true\nmizan.manifest.enabled=false\n"
                                + (openapi ? "mp.openapi.filter=" + ApplicationFilter.class.getName() + "\n" : "")
                                + TELEMETRY,
                        CoreApp.class,
                        Lifecycle.class,
                        ExportedSpans.class)
                .addAsWebResource(new ClassLoaderAsset("contexts/index.html"), "index.html")
                // read by the server's OpenTelemetry SDK with the application's class loader
                .addAsResource(
                        new StringAsset(MemorySpanExporter.class.getName()),
                        "META-INF/services/io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider");
        return openapi ? war.addClass(ApplicationFilter.class) : war;
    }

    /**
     * MicroProfile Telemetry switched on, its spans kept in memory (no exporter reaching out) and
     * handed on every 50 ms. Every request of these tests is then traced by the server as well: that
     * adds spans, not headers or answers, so the other tests see the same server (a WAR of its own
     * would cost another server start).
     */
    static final String TELEMETRY = "otel.sdk.disabled=false\notel.traces.exporter=mizan-memory\n"
            + "otel.metrics.exporter=none\notel.logs.exporter=none\notel.bsp.schedule.delay=50\n";

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    // --- the server's own endpoints ---

    @Test
    void theServersOpenApiDocumentStillAnswers() throws Exception {
        // @Client parameters carry Bean Validation constraints (greet's @NotBlank) on methods that are no
        // JAX-RS resource methods, and so do the records they take: the server's OpenAPI scanner must not
        // fail on them. WildFly's standalone.xml, the one the ITs use, has no OpenAPI subsystem.
        HttpResponse<String> openapi = openApiDocument();
        assertTrue(openapi.body().contains("\"openapi\""), openapi.body());
    }

    /** The server's /openapi as JSON, answered 200 (skips on WildFly's standalone.xml, which has none). */
    HttpResponse<String> openApiDocument() throws Exception {
        assumeFalse(ServerNode.wildfly(), "WildFly's standalone.xml serves no /openapi");
        HttpResponse<String> openapi =
                http.send(HttpRequest.newBuilder(base.toURI().resolve("/openapi"))
                        .header("Accept", "application/json")
                        .GET());
        assertEquals(200, openapi.statusCode(), openapi.body());
        return openapi;
    }

    @Test
    void theServersOpenApiDocumentDescribesTheFunctions() throws Exception {
        HttpResponse<String> openapi = openApiDocument();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        // Payara adds a member of its own, "endpoints" (the application's paths by context root), when the
        // application has JAX-RS resources of its own, as this one has (api/test/spans): no OpenAPI member,
        // and not Mizan's, so it is left out of what is validated
        JsonObject served =
                Json.createReader(new java.io.StringReader(openapi.body())).readObject();
        String standard =
                Json.createObjectBuilder(served).remove("endpoints").build().toString();
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(standard, null, options);
        assertEquals(List.of(), parsed.getMessages(), openapi.body());
        OpenAPI document = parsed.getOpenAPI();

        // a function with a @NotBlank @Size(max = 20) parameter, under the application path (/api)
        Operation greet = document.getPaths().get("/api/mizan/call/greet").getPost();
        assertEquals("greet", greet.getOperationId());
        Schema<?> body =
                greet.getRequestBody().getContent().get("application/json").getSchema();
        Schema<?> name = body.getProperties().get("name");
        assertEquals("string", name.getType());
        assertEquals("[^\\x00-\\x20]", name.getPattern());
        assertEquals(20, name.getMaxLength());
        assertEquals(List.of("name"), body.getRequired());
        Schema<?> result = (Schema<?>) greet.getResponses()
                .get("200")
                .getContent()
                .get("application/json")
                .getSchema()
                .getProperties()
                .get("result");
        assertEquals("#/components/schemas/Greeting", result.get$ref());
        assertNotNull(document.getComponents().getSchemas().get("Greeting"));
        assertEquals(
                "#/components/schemas/MizanProblem",
                greet.getResponses()
                        .get("422")
                        .getContent()
                        .get("application/problem+json")
                        .getSchema()
                        .get$ref());
        assertTrue(greet.getSecurity() == null || greet.getSecurity().isEmpty(), "anyone may greet");

        // a context with a parameter, read with GET and a query parameter
        Operation motdFor = document.getPaths().get("/api/mizan/ctx/motdFor").getGet();
        assertEquals("motdFor", motdFor.getOperationId());
        assertEquals("lang", motdFor.getParameters().get(0).getName());
        assertEquals("query", motdFor.getParameters().get(0).getIn());
        assertTrue(motdFor.getParameters().get(0).getRequired());

        // a function for one role: a security requirement, the role in the description and the extension
        Operation staffOnly =
                document.getPaths().get("/api/mizan/call/staffOnly").getPost();
        assertFalse(staffOnly.getSecurity().isEmpty(), staffOnly.toString());
        assertTrue(document.getComponents()
                .getSecuritySchemes()
                .containsKey(staffOnly.getSecurity().get(0).keySet().iterator().next()));
        assertTrue(staffOnly.getDescription().contains("staff"), staffOnly.getDescription());
        assertEquals("roles", ((java.util.Map<?, ?>) staffOnly.getExtensions().get("x-mizan-access")).get("rule"));
        assertTrue(staffOnly.getResponses().containsKey("401"));

        // what a client cannot call is not described
        assertFalse(document.getPaths().containsKey("/api/mizan/call/serverSettings"), "server only");

        // the application's own mp.openapi.filter still ran, over Mizan's operations too
        assertEquals(Boolean.TRUE, document.getInfo().getExtensions().get("x-filtered-by-application"));
        assertEquals(Boolean.TRUE, greet.getExtensions().get("x-seen-by-application"));
    }

    // --- telemetry ---

    /** Spans of one trace the server exported, once one named so is among them (the SDK exports in batches). */
    List<JsonObject> spansOnceThereIs(String traceId, String name) throws InterruptedException {
        return spansOnce(traceId, name, spans -> spans.stream()
                .anyMatch(s -> s.getString("name").equals(name)));
    }

    /** The trace's spans once they show what is awaited: spans are exported as they end, each on its own. */
    List<JsonObject> spansOnce(String traceId, String name, java.util.function.Predicate<List<JsonObject>> shown)
            throws InterruptedException {
        List<JsonObject> spans = List.of();
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> r = http.get("api/test/spans?trace=" + traceId);
            assertEquals(200, r.statusCode(), r.body());
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(r.body()))) {
                spans = reader.readArray().getValuesAs(JsonObject.class);
            }
            if (shown.test(spans)) {
                return spans;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no span " + name + " in trace " + traceId + ": " + spans);
    }

    static JsonObject named(List<JsonObject> spans, String name) {
        return spans.stream()
                .filter(s -> s.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " in " + spans));
    }

    /** A call from a client that traces: W3C {@code traceparent} with a trace of its own. */
    HttpResponse<String> tracedCall(String traceId, String parentSpanId, String name, String json) {
        return http.send(http.request("api/mizan/call/" + name)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + parentSpanId + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static String randomHex(int chars) {
        StringBuilder hex = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (hex.length() < chars) {
            hex.append(Long.toHexString(random.nextLong() | Long.MIN_VALUE));
        }
        return hex.substring(0, chars);
    }

    @Test
    void aCallIsASpanInsideTheServersSpanOfItsRequest() throws Exception {
        assumeFalse(ServerNode.wildfly(), "WildFly's standalone.xml has no OpenTelemetry subsystem");
        String trace = randomHex(32);
        String client = randomHex(16);
        assertEquals(
                200, tracedCall(trace, client, "greet", "{\"name\":\"Ada\"}").statusCode());
        // the server's span of the request ends after the answer is written, so after the call's
        List<JsonObject> spans = spansOnce(trace, "mizan call greet and its parent", found -> found.stream()
                .filter(s -> s.getString("name").equals("mizan call greet"))
                .anyMatch(call ->
                        found.stream().anyMatch(s -> s.getString("spanId").equals(call.getString("parentSpanId")))));
        JsonObject call = named(spans, "mizan call greet");
        JsonObject attributes = call.getJsonObject("attributes");
        assertEquals("greet", attributes.getString("mizan.function"), call.toString());
        assertEquals("call", attributes.getString("mizan.entry"), call.toString());
        assertEquals("200", attributes.getString("mizan.status"), call.toString());
        assertEquals("UNSET", call.getString("status"), call.toString());
        assertEquals("INTERNAL", call.getString("kind"), call.toString());
        // its parent is the server's span of the HTTP request, whose parent is the client's
        JsonObject request = spans.stream()
                .filter(s -> s.getString("spanId").equals(call.getString("parentSpanId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the parent of " + call + " in " + spans));
        assertEquals("SERVER", request.getString("kind"), request.toString());
        assertEquals(client, request.getString("parentSpanId"), request.toString());
    }

    @Test
    void aRefusedCallIsASpanWithItsStatusAndAFailedOneAnError() throws Exception {
        assumeFalse(ServerNode.wildfly(), "WildFly's standalone.xml has no OpenTelemetry subsystem");
        String refusedTrace = randomHex(32);
        assertEquals(
                422,
                tracedCall(refusedTrace, randomHex(16), "greet", "{\"name\":\"\"}")
                        .statusCode());
        JsonObject refused = named(spansOnceThereIs(refusedTrace, "mizan call greet"), "mizan call greet");
        assertEquals("422", refused.getJsonObject("attributes").getString("mizan.status"), refused.toString());
        assertEquals("UNSET", refused.getString("status"), "a client's mistake is no error of the server");
        assertFalse(refused.getJsonObject("attributes").containsKey("error.type"), refused.toString());

        String failedTrace = randomHex(32);
        assertEquals(500, tracedCall(failedTrace, randomHex(16), "boom", "{}").statusCode());
        JsonObject failed = named(spansOnceThereIs(failedTrace, "mizan call boom"), "mizan call boom");
        assertEquals("500", failed.getJsonObject("attributes").getString("mizan.status"), failed.toString());
        assertEquals("ERROR", failed.getString("status"), failed.toString());
        assertEquals("500", failed.getJsonObject("attributes").getString("error.type"), failed.toString());
    }

    @Test
    void callsAreCountedAndTimedInTheServersMetrics() throws Exception {
        assumeFalse(ServerNode.wildfly(), "WildFly's standalone.xml has no MicroProfile Metrics");
        assertEquals(200, http.call("half", "{\"value\":3}").statusCode());
        assertEquals(400, http.call("half", "{}").statusCode());
        // all scopes: Payara 6.2025.10 answers ?scope=application with 404 when the last registry it
        // looks at (its own, not the application's) has no such scope
        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(base.toURI().resolve("/metrics")).GET());
        assertEquals(200, metrics.statusCode(), metrics.body());
        List<String> lines = metrics.body().lines().toList();
        assertTrue(
                metric(lines, "mizan_calls_total{", "function=\"half\"", "entry=\"call\"", "status=\"200\"") >= 1,
                metrics.body());
        assertTrue(metric(lines, "mizan_calls_total{", "function=\"half\"", "status=\"400\"") >= 1, metrics.body());
        // the timer's count: Payara 6.2025.10 names it without the _seconds that MicroProfile Metrics 5.1 gives it
        double timed = Math.max(
                metric(lines, "mizan_call_duration_count{", "function=\"half\"", "entry=\"call\""),
                metric(lines, "mizan_call_duration_seconds_count{", "function=\"half\"", "entry=\"call\""));
        assertTrue(timed >= 2, metrics.body());
    }

    /** The value of the first line of a Prometheus text that starts so and has these labels; -1 when none. */
    static double metric(List<String> lines, String start, String... labels) {
        for (String line : lines) {
            if (line.startsWith(start) && java.util.Arrays.stream(labels).allMatch(line::contains)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    // --- success ---

    @Test
    void callWithoutArgumentsAnswersResultAndNoKeys() {
        HttpResponse<String> r = http.call("hello", "{}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"result\":\"Hello\",\"invalidate\":[]}", r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertFalse(r.headers().firstValue("X-Mizan-Invalidate").isPresent());
    }

    @Test
    void emptyBodyWithoutContentTypeIsACallWithoutArguments() {
        HttpResponse<String> r =
                http.send(http.request("api/mizan/call/hello").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void argumentsBindByName() {
        JsonObject body = Http.json(http.call("greet", "{\"name\":\"Ada\"}"));
        assertEquals("Hello, Ada", body.getJsonObject("result").getString("text"));
        assertEquals(10, body.getJsonObject("result").getInt("length"));
        assertEquals(
                7L,
                Http.json(http.call("add", "{\"b\":4,\"a\":3}"))
                        .getJsonNumber("result")
                        .longValue());
    }

    @Test
    void jsonbTypesRoundTrip() {
        String value = "{\"at\":\"2025-01-31T10:15:30Z\",\"big\":9007199254740993,\"color\":\"GREEN\","
                + "\"counts\":{\"a\":1,\"b\":2},\"day\":\"2025-01-31\",\"flag\":true,"
                + "\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"note\":\"hi\",\"numbers\":[1,2,3],"
                + "\"page\":{\"items\":[{\"color\":\"RED\",\"item_name\":\"pen\"}],\"total\":1},"
                + "\"price\":12.50,\"ratio\":0.5,\"tags\":[\"x\"],\"text\":\"caf\u00e9 \\\"q\\\"\"}";
        HttpResponse<String> r = http.call("echo", "{\"value\":" + value + "}");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject result = Http.json(r).getJsonObject("result");
        assertEquals("2025-01-31T10:15:30Z", result.getString("at"));
        assertEquals(9007199254740993L, result.getJsonNumber("big").longValueExact());
        assertEquals("GREEN", result.getString("color"));
        assertEquals(2, result.getJsonObject("counts").getInt("b"));
        assertEquals("2025-01-31", result.getString("day"));
        assertEquals("hi", result.getString("note"));
        assertEquals(3, result.getJsonArray("numbers").size());
        JsonObject item = result.getJsonObject("page").getJsonArray("items").getJsonObject(0);
        assertEquals("pen", item.getString("item_name"));
        assertEquals(Set.of("color", "item_name"), item.keySet(), "a record's components alone");
        assertEquals("12.50", result.getJsonNumber("price").bigDecimalValue().toPlainString());
        assertEquals("123e4567-e89b-12d3-a456-426614174000", result.getString("id"));
        assertEquals("caf\u00e9 \"q\"", result.getString("text"));
    }

    @Test
    void emptyOptionalIsWrittenAsNull() {
        String value =
                "{\"at\":\"2025-01-31T10:15:30Z\",\"big\":1,\"color\":\"RED\",\"counts\":{},\"day\":\"2025-01-31\","
                        + "\"flag\":false,\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"note\":null,\"numbers\":[],"
                        + "\"page\":{\"items\":[],\"total\":0},\"price\":1,\"ratio\":1,\"tags\":[],\"text\":\"\"}";
        JsonObject result =
                Http.json(http.call("echo", "{\"value\":" + value + "}")).getJsonObject("result");
        assertTrue(result.containsKey("note"), result.toString());
        assertTrue(result.isNull("note"));
    }

    @Test
    void optionalAndNullableArgumentsMayBeLeftOutOrNull() {
        assertEquals("none/null", Http.json(http.call("maybe", "{}")).getString("result"));
        assertEquals(
                "a/b",
                Http.json(http.call("maybe", "{\"note\":\"a\",\"other\":\"b\"}"))
                        .getString("result"));
        assertEquals(
                "none/null",
                Http.json(http.call("maybe", "{\"note\":null,\"other\":null}")).getString("result"));
    }

    @Test
    void voidAnswersNull() {
        assertEquals(
                "{\"result\":null,\"invalidate\":[]}",
                http.call("nothing", "{}").body());
    }

    @Test
    void principalAndRequestAreInjectedNotSent() {
        assertEquals("nobody via POST", Http.json(http.call("whoAmI", "{}")).getString("result"));
        assertEquals(
                "alice via POST",
                Http.json(http.callAs("alice", "whoAmI", "{}")).getString("result"));
        assertProblem(http.call("whoAmI", "{\"me\":\"bob\"}"), 400, "MIZAN-130", "Unknown argument 'me'");
    }

    // --- 400 ---

    @Test
    void malformedJsonIs400() {
        assertProblem(http.call("greet", "{\"name\":"), 400, "MIZAN-111", "not valid JSON");
        assertProblem(http.call("greet", "[\"Ada\"]"), 400, "MIZAN-113", "must be a JSON object");
        assertProblem(http.call("greet", "\"Ada\""), 400, "MIZAN-113", "must be a JSON object");
        assertProblem(http.call("greet", "{\"name\":\"Ada\"} {}"), 400, "MIZAN-114", "after the JSON object");
        assertProblem(http.call("greet", "{\"name\":\"Ada\",\"name\":\"Bob\"}"), 400, "MIZAN-115", "appears twice");
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertProblem(
                http.send(http.request("api/mizan/call/greet")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))),
                400,
                "MIZAN-112",
                "not valid UTF-8");
    }

    @Test
    void deepNestingIs400AndTheServerKeepsServing() {
        String deep = "{\"value\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertProblem(http.call("echo", deep), 400, "MIZAN-116", "deeper than");
        assertEquals(200, http.call("hello", "{}").statusCode());
    }

    @Test
    void hugeNumbersAre400Quickly() {
        long start = System.nanoTime();
        assertProblem(http.call("add", "{\"a\":1,\"b\":1e1000000000}"), 400, "MIZAN-118", "exponent");
        assertProblem(http.call("half", "{\"value\":" + "9".repeat(60_000) + "}"), 400, "MIZAN-117", "more than");
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "huge numbers took too long");
        assertEquals(
                "0.5",
                Http.json(http.call("half", "{\"value\":1}"))
                        .getJsonNumber("result")
                        .toString());
    }

    @Test
    void wrongTypesAre400NamingTheArgument() {
        assertProblem(
                http.call("add", "{\"a\":\"3\",\"b\":4}"), 400, "MIZAN-134", "Argument 'a' must be a whole number");
        assertProblem(http.call("add", "{\"a\":1.5,\"b\":4}"), 400, "MIZAN-134", "Argument 'a'");
        assertProblem(http.call("add", "{\"a\":3000000000,\"b\":4}"), 400, "MIZAN-134", "within 32 bits");
        assertProblem(http.call("greet", "{\"name\":42}"), 400, "MIZAN-134", "Argument 'name' must be a string");
        assertProblem(http.call("echo", "{\"value\":[]}"), 400, "MIZAN-134", "Argument 'value' must be an object");
    }

    @Test
    void missingUnknownAndNullArgumentsAre400() {
        assertProblem(http.call("add", "{\"a\":1}"), 400, "MIZAN-131", "Missing argument 'b'");
        assertProblem(http.call("add", "{\"a\":1,\"b\":2,\"c\":3}"), 400, "MIZAN-130", "Unknown argument 'c'");
        assertProblem(http.call("add", "{\"a\":null,\"b\":2}"), 400, "MIZAN-133", "Argument 'a' must not be null");
        assertProblem(http.call("greet", "{\"name\":null}"), 400, "MIZAN-133", "Argument 'name' must not be null");
    }

    // --- 401 / 403 ---

    @Test
    void authenticatedFunctionNeedsASignedInCaller() {
        assertProblem(http.call("secret", "{}"), 401, "MIZAN-140", "Sign in");
        assertEquals(200, http.callAs("alice", "secret", "{}").statusCode());
    }

    @Test
    void rolesAreChecked() {
        assertProblem(http.call("staffOnly", "{}"), 401, "MIZAN-140", "Sign in");
        assertProblem(http.callAs("alice", "staffOnly", "{}"), 403, "MIZAN-141", "may not call");
        assertEquals(
                "staff only", Http.json(http.callAs("bob", "staffOnly", "{}")).getString("result"));
        assertProblem(http.callAs("alice", "report", "{}"), 403, "MIZAN-141", "may not call");
        assertEquals(
                "weekly report", Http.json(http.callAs("bob", "report", "{}")).getString("result"));
    }

    @Test
    void denyAllRefusesEveryone() {
        assertProblem(http.callAs("bob", "denied", "{}"), 403, "MIZAN-141", "may not call");
    }

    @Test
    void customCheckDecides() {
        assertProblem(http.callAs("alice", "bobOnly", "{}"), 403, "MIZAN-141", "may not call");
        assertProblem(http.call("bobOnly", "{}"), 403, "MIZAN-141", "may not call");
        assertEquals("hello bob", Http.json(http.callAs("bob", "bobOnly", "{}")).getString("result"));
    }

    @Test
    void serverOnlyIs403OverHttpButRunsInProcess() {
        assertProblem(http.call("webhook", "{}"), 403, "MIZAN-142", "server code");
        assertEquals("got hooked", Http.json(http.call("viaWebhook", "{}")).getString("result"));
    }

    @Test
    void beanToBeanCallIsCheckedByTheInterceptor() {
        assertProblem(http.call("viaStaff", "{}"), 401, "MIZAN-140", "Sign in to call payroll");
        assertProblem(http.callAs("alice", "viaStaff", "{}"), 403, "MIZAN-141", "may not call payroll");
        assertEquals(
                "got payroll", Http.json(http.callAs("bob", "viaStaff", "{}")).getString("result"));
    }

    @Test
    void foreignOriginIs403AndListedOriginPasses() {
        HttpResponse<String> foreign = http.send(http.request("api/mizan/call/hello")
                .header("Content-Type", "application/json")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertProblem(foreign, 403, "MIZAN-105", "not allowed");
        HttpResponse<String> crossSite = http.send(http.request("api/mizan/call/hello")
                .header("Content-Type", "application/json")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertProblem(crossSite, 403, "MIZAN-105", "not allowed");
        HttpResponse<String> own = http.send(http.request("api/mizan/call/hello")
                .header("Content-Type", "application/json")
                .header("Origin", "http://" + http.uri("/").getAuthority())
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(200, own.statusCode(), own.body());
        HttpResponse<String> allowed = http.send(http.request("api/mizan/call/hello")
                .header("Content-Type", "application/json")
                .header("Origin", "https://allowed.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertEquals(
                "https://allowed.example",
                allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        HttpResponse<String> preflight = http.send(http.request("api/mizan/call/hello")
                .header("Origin", "https://allowed.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, preflight.statusCode());
        assertEquals(
                "https://allowed.example",
                preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight
                .headers()
                .firstValue("Access-Control-Allow-Headers")
                .orElse("")
                .contains("Content-Type"));
        HttpResponse<String> foreignPreflight = http.send(http.request("api/mizan/call/hello")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertFalse(foreignPreflight
                .headers()
                .firstValue("Access-Control-Allow-Origin")
                .isPresent());
    }

    // --- 404 / 405 / 413 / 415 ---

    @Test
    void schemaCanBeSwitchedOff() {
        assertProblem(http.get("api/mizan/schema"), 404, "MIZAN-104", "switched off");
        assertProblem(http.get("api/mizan/nothing-here"), 404, "MIZAN-102", "no Mizan endpoint");
    }

    @Test
    void unknownFunctionAndPlainMethodGetTheSame404() {
        HttpResponse<String> unknown = http.call("nope", "{}");
        HttpResponse<String> plain = http.call("plainMethod", "{}");
        assertProblem(unknown, 404, "MIZAN-100", "no server function named 'nope'");
        assertProblem(plain, 404, "MIZAN-100", "no server function named 'plainMethod'");
        assertEquals(unknown.body().replace("nope", "X"), plain.body().replace("plainMethod", "X"));
    }

    @Test
    void aFunctionOfAGenericSuperclassTakesAndGivesTheBeanClasssType() {
        HttpResponse<String> added = http.call(
                "catalogAdd",
                "{\"entry\":{\"title\":\"Emma\",\"year\":1815},\"alsoAdd\":{\"title\":\"Persuasion\",\"year\":1817}}");
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(
                added.body().contains("{\"title\":\"Emma\",\"year\":1815},{\"title\":\"Persuasion\",\"year\":1817}"),
                added.body());
        // read as a Book: its constraints hold and a property it lacks is refused
        JsonObject blank = assertProblem(
                http.call("catalogAdd", "{\"entry\":{\"title\":\" \",\"year\":1}}"), 422, "MIZAN-137", "");
        assertEquals(
                "entry.title", blank.getJsonArray("errors").getJsonObject(0).getString("path"), blank.toString());
        assertProblem(
                http.call("catalogAdd", "{\"entry\":{\"title\":\"X\",\"year\":1,\"isbn\":\"1\"}}"),
                400,
                "MIZAN-129",
                "isbn");
    }

    @Test
    void getOnACallIs405WithAllow() {
        HttpResponse<String> r = http.get("api/mizan/call/hello");
        assertProblem(r, 405, "MIZAN-103", "POST");
        assertTrue(r.headers().firstValue("Allow").orElse("").contains("POST"));
    }

    @Test
    void contentLengthSentTwiceWithOneValueIsThatLengthAndWithTwoIsRefused() {
        String body = "{\"name\":\"Ada\"}";
        String length = "Content-Length: " + body.length();
        Http.Raw same =
                http.raw("POST", "api/mizan/call/greet", body, "Content-Type: application/json", length, length);
        if (ServerNode.wildfly()) { // Undertow refuses any second Content-Length itself, as RFC 9110 allows
            assertEquals(400, same.status(), same.body());
        } else {
            assertEquals(200, same.status(), same.body());
            assertTrue(same.body().contains("Ada"), same.body());
        }
        Http.Raw differing = http.raw(
                "POST", "api/mizan/call/greet", body, "Content-Type: application/json", length, "Content-Length: 3");
        assertEquals(400, differing.status(), differing.body());
    }

    @Test
    void aBodyInAContentEncodingIsA415Problem() {
        for (String coding : new String[] {"gzip", "bogus", "identity, gzip"}) {
            Http.Raw r = http.raw(
                    "POST",
                    "api/mizan/call/hello",
                    "{}",
                    "Content-Type: application/json",
                    "Content-Encoding: " + coding);
            assertRawProblem(r, 415, "MIZAN-128", "Content-Encoding");
        }
        Http.Raw identity = http.raw(
                "POST", "api/mizan/call/hello", "{}", "Content-Type: application/json", "Content-Encoding: identity");
        assertEquals(200, identity.status(), identity.body());
    }

    @Test
    void aTransferEncodingOtherThanChunkedIsA501ProblemAndTheRestIsNotReadAsARequest() {
        for (String coding : new String[] {"xchunked", "bogus", "gzip, chunked", "identity"}) {
            // what follows the head would be a second request to a server that took no body from it
            Http.Raw r = http.raw(
                    "POST",
                    "api/mizan/call/hello",
                    "GET " + http.uri("api/mizan/call/hello").getPath() + " HTTP/1.1\r\nHost: x\r\n\r\n",
                    "Content-Type: application/json",
                    "Transfer-Encoding: " + coding);
            assertRawProblem(r, 501, "MIZAN-147", "Transfer-Encoding");
            assertFalse(r.body().contains("HTTP/1.1"), "one answer only: " + r.body());
        }
        assertEquals(200, http.call("hello", "{}").statusCode());
    }

    @Test
    void oversizeBodyIs413() {
        String big = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        assertProblem(http.call("greet", big), 413, "MIZAN-108", "larger than 65536");
        assertEquals(200, http.call("hello", "{}").statusCode());
    }

    @Test
    void nonJsonContentTypesAre415() {
        for (String type :
                new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            HttpResponse<String> r = http.send(http.request("api/mizan/call/greet")
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}")));
            assertProblem(r, 415, "MIZAN-106", "application/json");
        }
        HttpResponse<String> utf8 = http.send(http.request("api/mizan/call/greet")
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}", StandardCharsets.UTF_8)));
        assertEquals(200, utf8.statusCode(), utf8.body());
    }

    // --- 422 ---

    @Test
    void beanValidationFailureIs422WithParameterNames() {
        JsonObject problem = assertProblem(http.call("greet", "{\"name\":\"  \"}"), 422, "MIZAN-137", "not valid");
        assertEquals("name", problem.getJsonArray("errors").getJsonObject(0).getString("path"));
        assertNotNull(problem.getJsonArray("errors").getJsonObject(0).getString("message"));
    }

    @Test
    void argumentsAreValidatedOnceNotAgainByTheServersInterceptor() {
        // Counted counts its checks: the invoker's validation alone, the server's interceptor taken off
        HttpResponse<String> r = http.call("checksOf", "{\"word\":\"tea\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"result\":1,\"invalidate\":[]}", r.body());
        assertProblem(http.call("checksOf", "{\"word\":\" \"}"), 422, "MIZAN-137", "not valid");
        // server code calling the function is validated as the interceptor would, once
        r = http.call("blankFromServerCode", "{}");
        assertEquals("{\"result\":\"refused after 1 check\",\"invalidate\":[]}", r.body());
    }

    @Test
    void nestedValidationPathsNameFieldsAndIndexes() {
        String signup = "{\"signup\":{\"email\":\"nope\",\"age\":12,\"address\":{\"city\":\"\",\"zip\":\"1234567\"},"
                + "\"nicknames\":[\"ok\",\" \"]}}";
        JsonObject problem = assertProblem(http.call("signup", signup), 422, "MIZAN-137", "not valid");
        String paths = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("path"))
                .sorted()
                .toList()
                .toString();
        assertEquals("[signup.address.city, signup.address.zip, signup.age, signup.email, signup.nicknames[1]]", paths);
    }

    @Test
    void mizanExceptionKeepsItsStatusCodeAndFields() {
        assertProblem(http.call("conflict", "{}"), 409, null, "Already done");
        assertProblem(http.call("shipped", "{}"), 409, "ORDER_SHIPPED", "The order was already shipped");
        JsonObject problem = assertProblem(
                http.call("taken", "{\"email\":\"a@b.c\"}"), 422, "MIZAN-137", "Some arguments are not valid");
        assertEquals("email", problem.getJsonArray("errors").getJsonObject(0).getString("path"));
    }

    // --- 500 ---

    @Test
    void unexpectedExceptionIs500WithAnIdAndNoDetails() {
        HttpResponse<String> r = http.call("boom", "{}");
        JsonObject problem = assertProblem(r, 500, "MIZAN-121", "error id");
        String id = problem.getString("id");
        assertTrue(problem.getString("detail").contains(id));
        assertFalse(r.body().contains("hunter2"), r.body());
        assertFalse(r.body().contains("IllegalStateException"), r.body());
        assertFalse(r.body().contains("at io.mizan"), r.body());
    }

    @Test
    void resultFailingValidationIs500() {
        HttpResponse<String> r = http.call("badResult", "{}");
        assertProblem(r, 500, "MIZAN-121", "error id");
        assertFalse(r.body().contains("value"), r.body());
    }

    // --- what becomes a function ---

    @Test
    void onlyBusinessMethodsOfAClassLevelClientBeanAreFunctions() {
        assertEquals("hello", Http.json(http.call("greeting", "{}")).getString("result"));
        for (String notAFunction : List.of(
                "start", "stop", "init", "setGreeting", "onStartup", "produced", "toString", "equals", "hashCode")) {
            assertProblem(
                    http.call(notAFunction, "{}"), 404, "MIZAN-100", "no server function named '" + notAFunction + "'");
        }
        assertEquals("hello", Http.json(http.call("greeting", "{}")).getString("result"), "the bean was not touched");
    }

    @Test
    void aMethodLevelClientKeepsTheClassesServerOnly() {
        assertProblem(http.call("rotate", "{}"), 403, "MIZAN-142", "server code");
        assertProblem(http.get("api/mizan/ctx/hiddenContext?lang=en"), 403, "MIZAN-142", "server code");
    }

    // --- server-only on every endpoint ---

    @Test
    void serverOnlyContextsAreRefusedOnEveryEndpoint() {
        assertProblem(http.get("api/mizan/ctx/serverSettings"), 403, "MIZAN-142", "server code");
        assertProblem(http.call("serverSettings", "{}"), 403, "MIZAN-142", "server code");
        JsonObject contexts = Http.json(http.get("api/mizan/hydrate")).getJsonObject("contexts");
        assertFalse(contexts.containsKey("serverSettings"), contexts.toString());
    }

    // --- access checks run once, and a failing one breaks no page ---

    @Test
    void anAccessCheckRunsOncePerCallWhateverThePath() {
        int before = Http.json(http.call("asked", "{}")).getInt("result");
        assertEquals(200, http.call("counted", "{}").statusCode());
        assertEquals(before + 1, Http.json(http.call("asked", "{}")).getInt("result"));
        assertEquals(200, http.callAs("bob", "countedForStaff", "{}").statusCode());
        assertEquals(before + 2, Http.json(http.call("asked", "{}")).getInt("result"));
        assertEquals(200, http.get("api/mizan/ctx/countedContext?n=3").statusCode());
        assertEquals(before + 3, Http.json(http.call("asked", "{}")).getInt("result"));
    }

    @Test
    void aFailingContextOrCheckIsLeftOutOfHydrationAndThePageIsServed() {
        HttpResponse<String> hydrate = http.get("api/mizan/hydrate");
        assertEquals(200, hydrate.statusCode(), hydrate.body());
        JsonObject contexts = Http.json(hydrate).getJsonObject("contexts");
        assertEquals("[motd]", contexts.keySet().stream().sorted().toList().toString());
        HttpResponse<String> page = http.get("index.html");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("\"motd\":\"Welcome\""), page.body());
        assertProblem(http.get("api/mizan/ctx/brokenCheck"), 500, "MIZAN-121", "error id");
    }

    // --- exceptions reach the caller as the application threw them ---

    @Test
    void anEjbsOwnExceptionIsNotWrapped() {
        HttpResponse<String> shipped = http.call("ship", "{\"orderId\":1}");
        assertEquals(200, shipped.statusCode(), shipped.body());
        assertEquals("shipped 1", Http.json(shipped).getString("result"));
        assertProblem(http.call("ship", "{\"orderId\":7}"), 409, null, "already shipped");
    }

    // --- results as sound as arguments ---

    @Test
    void aNullWhereTheModelSaysNeverIsA500WithAnId() {
        assertEquals(
                "t",
                Http.json(http.call("titled", "{\"title\":\"t\"}"))
                        .getJsonObject("result")
                        .getString("title"));
        for (String broken : List.of("nullReport", "untitled", "names", "page")) {
            HttpResponse<String> r = http.call(broken, "{}");
            JsonObject problem = assertProblem(r, 500, "MIZAN-121", "error id");
            assertFalse(problem.containsKey("result"), r.body());
            assertFalse(problem.getString("id").isEmpty());
        }
        assertTrue(Http.json(http.call("maybeReport", "{}")).isNull("result"));
    }

    @Test
    void fieldPathsUseJsonNamesIn400And422Alike() {
        assertProblem(http.call("shipTo", "{}"), 404, "MIZAN-100", "no server function");
        JsonObject invalid = assertProblem(
                http.call("shipAddress", "{\"address\":{\"postal_code\":\" \",\"city\":\"Oslo\"}}"),
                422,
                "MIZAN-137",
                "not valid");
        assertEquals(
                "address.postal_code",
                invalid.getJsonArray("errors").getJsonObject(0).getString("path"));
        assertProblem(
                http.call("shipAddress", "{\"address\":{\"city\":\"Oslo\"}}"),
                400,
                "MIZAN-132",
                "'address.postal_code' is missing");
    }

    // --- every answer under the base is Mizan's ---

    @Test
    void wrongMethodsAnywhereUnderTheBaseAre405ProblemsWithAllow() {
        for (String[] c : new String[][] {
            {"PUT", "api/mizan/hydrate", "GET, HEAD, OPTIONS"},
            {"DELETE", "api/mizan/schema", "GET, HEAD, OPTIONS"},
            {"POST", "api/mizan/manifest", "GET, HEAD, OPTIONS"},
            {"PATCH", "api/mizan/call/report", "POST, OPTIONS"},
            {"DELETE", "api/mizan/ctx/motdFor", "GET, HEAD, OPTIONS"},
            // methods no JAX-RS resource can name: the container would answer them with its own page (TRACE
            // the server refuses itself, before any filter)
            {"PROPFIND", "api/mizan/call/report", "POST, OPTIONS"},
            {"FOO", "api/mizan/ctx/motdFor", "GET, HEAD, OPTIONS"}
        }) {
            HttpResponse<String> r = http.send(http.request(c[1]).method(c[0], HttpRequest.BodyPublishers.noBody()));
            assertProblem(r, 405, "MIZAN-103", "on this endpoint");
            assertEquals(c[2], r.headers().firstValue("Allow").orElse(null), c[0] + " " + c[1]);
        }
        HttpResponse<String> options =
                http.send(http.request("api/mizan/manifest").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, options.statusCode());
        assertEquals("GET, HEAD, OPTIONS", options.headers().firstValue("Allow").orElse(null));
        assertProblem(
                http.send(http.request("api/mizan/call/").method("PUT", HttpRequest.BodyPublishers.noBody())),
                404,
                "MIZAN-102",
                "no Mizan endpoint");
        // the server's own refusal, with no body: still a refusal, never run
        assertEquals(
                405,
                http.send(http.request("api/mizan/call/report").method("TRACE", HttpRequest.BodyPublishers.noBody()))
                        .statusCode());
        for (String method : new String[] {"DELETE", "PROPFIND"}) {
            assertProblem(
                    http.send(
                            http.request("api/mizan/nothing/here").method(method, HttpRequest.BodyPublishers.noBody())),
                    404,
                    "MIZAN-102",
                    "no Mizan endpoint");
        }
    }

    // --- what the server's JAX-RS would answer with a page of its own ---

    @Test
    void malformedContentTypeAcceptOrAcceptLanguageIsA400ProblemAndTheServerKeepsServing() {
        for (String header : new String[] {
            "Content-Type: ;;;",
            "Content-Type: application/json; charset",
            "Content-Type: a/b/c",
            "Content-Type: ",
            "Content-Type: json",
            "Content-Type: application/json, text/plain",
            "Content-Type: application / json",
            "Content-Type: application/json; charset=\"utf-8",
            "Content-Type: application/json; a=b=c",
            "Accept: ;;;",
            "Accept: a/b/c",
            "Accept: json",
            "Accept: text/html;q=x",
            "Accept: text/html;q=",
            "Accept: text/html;q=2",
            "Accept: text/html;level",
            "Accept: ,application/json",
            // well-formed, but RESTEasy splits a list at every comma: refused on both servers alike
            "Accept: text/html;foo=\"a,b\"",
            "Accept-Language: en;q=x",
            "Accept-Language: en;q=2"
        }) {
            String name = header.substring(0, header.indexOf(':'));
            Http.Raw r = name.equals("Content-Type")
                    ? http.raw("POST", "api/mizan/call/hello", "{}", header)
                    : http.raw("POST", "api/mizan/call/hello", "{}", "Content-Type: application/json", header);
            assertRawProblem(r, 400, "MIZAN-124", "The " + name + " header is malformed");
        }
        assertRawProblem(
                http.raw(
                        "POST",
                        "api/mizan/call/hello",
                        "{}",
                        "Content-Type: application/json",
                        "Content-Type: text/plain"),
                400,
                "MIZAN-124",
                "The Content-Type header is malformed");
        // on every endpoint and with every method, before anything else is looked at
        assertRawProblem(
                http.raw("GET", "api/mizan/ctx/motdFor?lang=en", null, "Accept: ;;;"), 400, "MIZAN-124", "Accept");
        assertRawProblem(
                http.raw("GET", "api/mizan/hydrate", null, "Content-Type: ;;;"), 400, "MIZAN-124", "Content-Type");
        assertRawProblem(
                http.raw("POST", "api/mizan/batch", "{\"batch\":[]}", "Content-Type: a/b/c"),
                400,
                "MIZAN-124",
                "Content-Type");
        assertRawProblem(http.raw("DELETE", "api/mizan/nothing", null, "Accept: a/b/c"), 400, "MIZAN-124", "Accept");
        assertRawProblem(http.raw("GET", "api/mizan", null, "Accept: ;;;"), 400, "MIZAN-124", "Accept");
        Http.Raw head = http.raw("HEAD", "api/mizan/hydrate", null, "Accept: ;;;");
        assertEquals(400, head.status());
        assertTrue(
                String.valueOf(head.header("Content-Type")).startsWith("application/problem+json"),
                head.headers().toString());
        assertEquals("", head.body());
        // a connection that carried a refused request carries the next one
        HttpResponse<String> refused = http.send(http.request("api/mizan/call/hello")
                .header("Content-Type", "a/b/c")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "x".repeat(10_000) + "\"}")));
        assertProblem(refused, 400, "MIZAN-124", "The Content-Type header is malformed");
        assertEquals(200, http.call("hello", "{}").statusCode());
        // the application's own resources are left to the server
        Http.Raw own = http.raw("GET", "api/test/spans?trace=x", null, "Accept: ;;;");
        assertEquals(400, own.status());
        assertFalse(String.valueOf(own.header("Content-Type")).startsWith("application/problem+json"), own.body());
    }

    @Test
    void unusualButWellFormedHeadersAreServedAsBefore() {
        for (String header : new String[] {
            "Content-Type: application/json;charset=utf-8",
            "Content-Type: APPLICATION/JSON; CHARSET=UTF-8",
            "Content-Type: application/json;\tcharset=utf-8",
            "Content-Type: application/json; charset=\"utf-8\"",
            "Content-Type: application/json; foo=\"a\\\"b\"",
            "Content-Type: application/json; foo=\"a,b;c\"",
            "Content-Type: application/json; charset=utf-8;",
            "Content-Type: application/json;;",
            "Accept: text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2",
            "Accept: *",
            "Accept: */*;q=0.8",
            "Accept: text/html;q=1.000",
            "Accept: text/html;q=0.",
            "Accept: application/json,",
            "Accept: text/*",
            "Accept: */json",
            "Accept: text/html;q=0.5;level=1",
            "Accept: text/html ; q=0.5",
            "Accept: text/html;Q=0.5",
            "Accept: application/json, text/plain, */*",
            "Accept: ",
            "Accept: application/json;;q=1",
            "Accept: text/html;foo=\"a;b c\"",
            "Accept-Language: en-US,en;q=0.9,fr;q=0.8",
            "Accept-Language: *",
            "Accept-Language: de;q=.5"
        }) {
            Http.Raw r = header.startsWith("Content-Type")
                    ? http.raw("POST", "api/mizan/call/hello", "{}", header)
                    : http.raw("POST", "api/mizan/call/hello", "{}", "Content-Type: application/json", header);
            assertEquals(200, r.status(), header + ": " + r.body());
            assertEquals("{\"result\":\"Hello\",\"invalidate\":[]}", r.body(), header);
        }
        // well-formed, but not JSON: the call's own answer
        assertRawProblem(
                http.raw("POST", "api/mizan/call/hello", "{}", "Content-Type: */*"),
                415,
                "MIZAN-106",
                "application/json");
    }

    @Test
    void theBaseItselfIsA404Problem() {
        for (String[] c : new String[][] {
            {"GET", "api/mizan"},
            {"GET", "api/mizan/"},
            {"GET", "api/mizan;x=1"},
            {"POST", "api/mizan"},
            {"PUT", "api/mizan"},
            {"DELETE", "api/mizan/"},
            {"OPTIONS", "api/mizan"}
        }) {
            assertNoEndpoint(c[0], c[1], "There is no Mizan endpoint at ''");
        }
        Http.Raw head = http.raw("HEAD", "api/mizan", null);
        assertEquals(404, head.status());
        assertTrue(
                String.valueOf(head.header("Content-Type")).startsWith("application/problem+json"),
                head.headers().toString());
        assertEquals("", head.body());
    }

    @Test
    void aTrailingSlashNamesNoEndpointOnEveryServer() {
        for (String[] c : new String[][] {
            {"POST", "api/mizan/call/hello/"},
            {"POST", "api/mizan/call/hello//"},
            {"GET", "api/mizan/ctx/motdFor/"},
            {"GET", "api/mizan/hydrate/"},
            {"POST", "api/mizan/batch/"},
            {"GET", "api/mizan/manifest/"},
            {"GET", "api/mizan/schema/"},
            {"OPTIONS", "api/mizan/call/hello/"},
            {"GET", "api/mizan/hydrate/;x=1"}
        }) {
            assertNoEndpoint(c[0], c[1], "There is no Mizan endpoint");
        }
        assertEquals(200, http.call("hello", "{}").statusCode());
    }

    /** A request of this method to this path (a JSON body when it is a POST) is 404 MIZAN-102. */
    private void assertNoEndpoint(String method, String path, String detailPart) {
        Http.Raw r = http.raw(method, path, method.equals("POST") ? "{}" : null, "Content-Type: application/json");
        assertRawProblem(r, 404, "MIZAN-102", detailPart);
    }

    @Test
    void theManifestCanBeSwitchedOff() {
        assertProblem(http.get("api/mizan/manifest"), 404, "MIZAN-104", "switched off");
    }

    // --- behind a proxy ---

    @Test
    void trustedForwardedHeadersNameTheOwnOrigin() {
        HttpResponse<String> xForwarded = http.send(http.request("api/mizan/call/titled")
                .header("Content-Type", "application/json")
                .header("Origin", "https://shop.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "shop.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"}")));
        assertEquals(200, xForwarded.statusCode(), xForwarded.body());
        HttpResponse<String> forwarded = http.send(http.request("api/mizan/call/titled")
                .header("Content-Type", "application/json")
                .header("Origin", "https://shop.example")
                .header("Forwarded", "for=1.2.3.4;proto=https;host=\"shop.example\"")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"}")));
        assertEquals(200, forwarded.statusCode(), forwarded.body());
        HttpResponse<String> foreign = http.send(http.request("api/mizan/call/titled")
                .header("Content-Type", "application/json")
                .header("Origin", "https://evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "shop.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"}")));
        assertProblem(foreign, 403, "MIZAN-105", "not allowed");
    }

    // --- ETags ---

    @Test
    void etagsAreKeyedAndDifferBetweenCallers() throws Exception {
        HttpResponse<String> anonymous = http.get("api/mizan/ctx/motdFor?lang=en");
        HttpResponse<String> alice = http.send(http.request("api/mizan/ctx/motdFor?lang=en")
                .header("Authorization", Http.basic("alice"))
                .GET());
        assertEquals(anonymous.body(), alice.body());
        String tag = anonymous.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(tag, alice.headers().firstValue("ETag").orElseThrow());
        String plain = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(anonymous.body().getBytes(StandardCharsets.UTF_8)))
                .substring(0, 27);
        assertFalse(tag.contains(plain), "the tag is no plain hash of the body");
        assertEquals(
                304,
                http.send(http.request("api/mizan/ctx/motdFor?lang=en")
                                .header("If-None-Match", tag)
                                .GET())
                        .statusCode());
    }

    /**
     * Asserts a problem answer: its status, its {@code code} (a {@code MIZAN-} id from docs/problems.md,
     * the application's own, or {@code null} for none), and a part of its detail, which never carries
     * the id.
     */
    static JsonObject assertRawProblem(Http.Raw r, int status, String code, String detailPart) {
        assertEquals(status, r.status(), r.body());
        assertTrue(
                String.valueOf(r.header("Content-Type")).startsWith("application/problem+json"),
                "content type " + r.header("Content-Type") + ": " + r.body());
        JsonObject problem;
        try (jakarta.json.JsonReader reader = Json.createReader(new java.io.StringReader(r.body()))) {
            problem = reader.readObject();
        }
        assertEquals(status, problem.getInt("status"));
        assertEquals(code, problem.getString("code", null), r.body());
        assertTrue(problem.getString("detail").contains(detailPart), r.body());
        return problem;
    }

    static JsonObject assertProblem(HttpResponse<String> r, int status, String code, String detailPart) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(
                r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "content type " + r.headers().firstValue("Content-Type"));
        JsonObject problem = Http.json(r);
        assertEquals(status, problem.getInt("status"));
        assertNotNull(problem.getString("title"));
        if (code == null) {
            assertFalse(problem.containsKey("code"), r.body());
        } else {
            assertEquals(code, problem.getString("code", null), r.body());
        }
        assertFalse(problem.getString("detail").contains("MIZAN-"), r.body());
        assertTrue(
                problem.getString("detail").contains(detailPart),
                "detail '" + problem.getString("detail") + "' lacks '" + detailPart + "'");
        return problem;
    }
}
