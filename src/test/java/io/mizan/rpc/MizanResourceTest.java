package io.mizan.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.config.MizanSettings;
import io.mizan.forms.FormOperations;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.json.Json;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * Every method on every path under the base is routed in one place: each endpoint answers its own
 * methods and a preflight, any other method is a 405 that names the allowed ones, and any other path
 * is a 404, all as problem JSON.
 */
class MizanResourceTest {

    static final String APP = "https://app.example";

    /** The resource as JAX-RS and CDI would set it up, seeing one request. */
    static MizanResource resource(FakeExchange request) {
        EndpointsTest endpoints = new EndpointsTest(); // its shop, invoker and binder
        MizanResource resource = new MizanResource();
        resource.invoker = endpoints.invoker;
        resource.binder = endpoints.binder;
        resource.forms = new FormOperations(endpoints.invoker, endpoints.binder);
        resource.hydration = new io.mizan.hydration.Hydration(endpoints.invoker, endpoints.binder);
        resource.settings = MizanSettings.from(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("mizan.allowed-origins", APP), "test", 500))
                .build());
        resource.security = (SecurityContext) Proxy.newProxyInstance(
                SecurityContext.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class},
                (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);
        resource.start();
        resource.request = request.build().request();
        return resource;
    }

    static Response send(String method, String path) {
        return send(method, path, new FakeExchange());
    }

    static Response send(String method, String path, FakeExchange request) {
        MizanResource r = resource(request);
        Function<String, Response> route =
                switch (method) {
                    case "GET" -> p -> r.get(p);
                    case "POST" -> p -> r.post(p, new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
                    case "PUT" -> p -> r.put(p);
                    case "DELETE" -> p -> r.delete(p);
                    case "PATCH" -> p -> r.patch(p);
                    default -> p -> r.options(p);
                };
        return route.apply(path);
    }

    static String code(Response answer) {
        return answer.getStatus() + " "
                + Json.createReader(new StringReader(EndpointsTest.text(answer)))
                        .readObject()
                        .getString("code");
    }

    @Test
    void eachEndpointAnswersItsMethods() {
        Response call = send("POST", "call/ping", new FakeExchange().header("Content-Type", "application/json"));
        assertEquals(200, call.getStatus());
        assertEquals("{\"result\":\"pong\",\"invalidate\":[]}", EndpointsTest.text(call));
        Response read =
                send("GET", "ctx/stock", new FakeExchange().query("board", "b").query("page", "1"));
        assertEquals(200, read.getStatus());
        assertEquals("{\"result\":\"b:1\"}", EndpointsTest.text(read));
        assertEquals(200, send("GET", "manifest").getStatus());
        assertEquals(200, send("GET", "schema").getStatus());
    }

    @Test
    void aPreflightNamesTheEndpointsMethods() {
        assertEquals("POST, OPTIONS", send("OPTIONS", "call/ping").getHeaderString("Allow"));
        assertEquals("GET, HEAD, OPTIONS", send("OPTIONS", "ctx/stock").getHeaderString("Allow"));
        for (String document : new String[] {"hydrate", "manifest", "schema"}) {
            Response answer = send("OPTIONS", document);
            assertEquals(204, answer.getStatus());
            assertEquals("GET, HEAD, OPTIONS", answer.getHeaderString("Allow"));
        }
    }

    @Test
    void everyEndpointsMethodsAreKnownByItsPathAlone() {
        for (String[] c : new String[][] {
            {"call/ping", "POST"},
            {"batch", "POST"},
            {"ctx/stock", "GET, HEAD"},
            {"hydrate", "GET, HEAD"},
            {"manifest", "GET, HEAD"},
            {"schema", "GET, HEAD"}
        }) {
            assertEquals(c[1], MizanResource.methodsOf(c[0]), c[0]);
        }
        for (String path : new String[] {"", "call", "call/", "call/a/b", "ctx", "ctx/", "batch/x", "x/y", "nothing"}) {
            assertNull(MizanResource.methodsOf(path), path);
        }
    }

    @Test
    void anotherMethodIsA405ThatNamesTheAllowedOnes() {
        Response get = send("GET", "call/ping", new FakeExchange().header("Origin", APP));
        assertEquals("405 MIZAN-103", code(get));
        assertEquals("POST, OPTIONS", get.getHeaderString("Allow"));
        assertEquals(APP, get.getHeaderString("Access-Control-Allow-Origin"));
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            Response answer = send(method, "ctx/stock");
            assertEquals("405 MIZAN-103", code(answer));
            assertEquals("GET, HEAD, OPTIONS", answer.getHeaderString("Allow"));
        }
        Response post = send("POST", "schema");
        assertEquals("405 MIZAN-103", code(post));
        assertEquals("GET, HEAD, OPTIONS", post.getHeaderString("Allow"));
    }

    @Test
    void everyAnswerUnderTheBaseCarriesCorsForAListedOriginAndNoneForAnother() {
        for (String[] c : new String[][] {
            {"GET", "hydrate"},
            {"GET", "manifest"},
            {"GET", "schema"},
            {"GET", "nothing"},
            {"POST", "call/ping"},
            {"POST", "nothing"},
            {"GET", "ctx/stock"},
            {"OPTIONS", "hydrate"},
            {"OPTIONS", "manifest"},
            {"OPTIONS", "schema"},
            {"OPTIONS", "ctx/stock"}
        }) {
            Response listed = send(c[0], c[1], request().header("Origin", APP));
            String what = c[0] + " " + c[1] + " " + listed.getStatus();
            assertEquals(APP, listed.getHeaderString("Access-Control-Allow-Origin"), what);
            assertEquals("true", listed.getHeaderString("Access-Control-Allow-Credentials"), what);
            assertTrue(listed.getHeaderString("Vary").contains("Origin"), what);
            if (c[0].equals("OPTIONS")) {
                assertEquals(204, listed.getStatus(), what);
                assertEquals(
                        c[1].equals("call/ping") ? "POST" : "GET, HEAD",
                        listed.getHeaderString("Access-Control-Allow-Methods"),
                        what);
            }
            Response foreign = send(c[0], c[1], request().header("Origin", "https://evil.example"));
            assertNull(foreign.getHeaderString("Access-Control-Allow-Origin"), what);
        }
    }

    private static FakeExchange request() {
        return new FakeExchange()
                .header("Content-Type", "application/json")
                .query("board", "b")
                .query("page", "1");
    }

    @Test
    void anyOtherPathIsA404() {
        for (String path : new String[] {"", "call", "call/", "call/a/b", "ctx/", "nothing", "manifest/x", "x/y"}) {
            assertEquals("404 MIZAN-102", code(send("GET", path)), path);
        }
    }

    @Test
    void aSessionNamedInTheUrlIsRefusedOnEveryEndpoint() {
        for (String path : new String[] {"call/ping", "ctx/stock", "batch", "hydrate", "nothing"}) {
            assertEquals("400 MIZAN-123", code(send("GET", path, new FakeExchange().sessionIdInUrl())), path);
            assertEquals("400 MIZAN-123", code(send("POST", path, new FakeExchange().sessionIdInUrl())), path);
        }
    }

    @Test
    void theRequestPassingTheFiltersIsReadRatherThanTheJaxRsProxy() throws Exception {
        MizanResource resource = resource(new FakeExchange());
        // JAX-RS's proxy, which the resource falls back on, knows no query: only the request the
        // filter holds does
        HttpServletRequest current = new FakeExchange()
                .query("board", "b")
                .query("page", "1")
                .build()
                .request();
        Response[] read = new Response[1];
        new CurrentServletRequest().doFilter(current, null, (req, res) -> read[0] = resource.get("ctx/stock"));
        assertEquals(200, read[0].getStatus());
        assertEquals("{\"result\":\"b:1\"}", EndpointsTest.text(read[0]));
        assertNull(CurrentServletRequest.get(), "forgotten when the chain returns");
        assertEquals("400 MIZAN-131", code(resource.get("ctx/stock")), "the proxy again: no query");
    }
}
