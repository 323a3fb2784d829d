package io.mizan.it;

import static io.mizan.it.CoreIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.it.boundary.BoundaryApp;
import io.mizan.it.support.Deployments;
import io.mizan.it.support.Http;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
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

/** Every rule holds on every path: what becomes a function, server-only, checks, results, methods, proxies. */
@ExtendWith(ArquillianExtension.class)
class BoundaryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                        "boundary",
                        "mizan.trust-forwarded-headers=true\nmizan.manifest.enabled=false\n",
                        BoundaryApp.class)
                .addAsWebResource(new ClassLoaderAsset("contexts/index.html"), "index.html");
    }

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
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
        assertEquals(
                "shipped 1", Http.json(http.call("ship", "{\"orderId\":1}")).getString("result"));
        assertProblem(http.call("ship", "{\"orderId\":7}"), 409, null, "already shipped");
    }

    // --- results as sound as arguments ---

    @Test
    void aNullWhereTheModelSaysNeverIsA500WithAnId() {
        assertEquals(
                "t",
                Http.json(http.call("report", "{\"title\":\"t\"}"))
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
            {"DELETE", "api/mizan/ctx/motdFor", "GET, HEAD, OPTIONS"}
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
        assertProblem(
                http.send(http.request("api/mizan/nothing/here").method("DELETE", HttpRequest.BodyPublishers.noBody())),
                404,
                "MIZAN-102",
                "no Mizan endpoint");
    }

    @Test
    void theManifestCanBeSwitchedOff() {
        assertProblem(http.get("api/mizan/manifest"), 404, "MIZAN-104", "switched off");
    }

    // --- behind a proxy ---

    @Test
    void trustedForwardedHeadersNameTheOwnOrigin() {
        HttpResponse<String> xForwarded = http.send(http.request("api/mizan/call/report")
                .header("Content-Type", "application/json")
                .header("Origin", "https://shop.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "shop.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"}")));
        assertEquals(200, xForwarded.statusCode(), xForwarded.body());
        HttpResponse<String> forwarded = http.send(http.request("api/mizan/call/report")
                .header("Content-Type", "application/json")
                .header("Origin", "https://shop.example")
                .header("Forwarded", "for=1.2.3.4;proto=https;host=\"shop.example\"")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"}")));
        assertEquals(200, forwarded.statusCode(), forwarded.body());
        HttpResponse<String> foreign = http.send(http.request("api/mizan/call/report")
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
}
