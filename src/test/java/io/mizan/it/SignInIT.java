package io.mizan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.it.signin.SignInApp;
import io.mizan.it.support.Deployments;
import io.mizan.it.support.Http;
import io.mizan.it.support.ServerNode;
import jakarta.json.JsonObject;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in through {@code auth.login} over the application's own Jakarta Security setup (a custom
 * form mechanism and an identity store), on a server of its own (its log is read): wrong and right passwords, a new session id,
 * roles right after, the session context hydrated, signing out, throttling, and no password anywhere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInIT {

    private static final String CONTEXT = "signin";
    private static ServerNode node;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Path.of(System.getProperty("project.basedir"), "target", "signin");
        Files.createDirectories(dir);
        Path war = dir.resolve(CONTEXT + ".war");
        Deployments.war(CONTEXT, "mizan.auth.functions=true\nmizan.auth.max-failures=6\n", SignInApp.class)
                .addAsWebResource(new ClassLoaderAsset("contexts/index.html"), "index.html")
                // WildFly's way to a SameSite session cookie (MIZAN-146); other servers ignore the file
                .addAsWebInfResource(new StringAsset("samesite-cookie(mode=Lax)\n"), "undertow-handlers.conf")
                .as(ZipExporter.class)
                .exportTo(war.toFile(), true);
        node = ServerNode.start("server", war, Map.of()).awaitReady();
        http = new Http(node.base(CONTEXT));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** A browser's cookie jar of one: the session cookie. */
    static final class Browser {
        String session;

        HttpResponse<String> call(String name, String json) {
            HttpRequest.Builder request = http.request("api/mizan/call/" + name)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (session != null) {
                request.header("Cookie", "JSESSIONID=" + session);
            }
            HttpResponse<String> response = http.send(request);
            sessionCookie(response)
                    .ifPresent(c -> session =
                            c.substring("JSESSIONID=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')));
            return response;
        }

        HttpResponse<String> batch(String entries) {
            HttpRequest.Builder request = http.request("api/mizan/batch")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"batch\":[" + entries + "]}"));
            if (session != null) {
                request.header("Cookie", "JSESSIONID=" + session);
            }
            return http.send(request);
        }

        HttpResponse<String> hydrate() {
            HttpRequest.Builder request = http.request("api/mizan/hydrate").GET();
            if (session != null) {
                request.header("Cookie", "JSESSIONID=" + session);
            }
            return http.send(request);
        }

        HttpResponse<String> login(String user, String password) {
            return call("auth.login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        }
    }

    static Optional<String> sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .reduce((first, last) -> last); // a browser keeps the last cookie of a name
    }

    static String pw(String user) {
        return SignInApp.PASSWORDS.get(user);
    }

    @Test
    @Order(1)
    void aWrongPasswordIsA401ThatNeverSaysWhichWasWrong() {
        Browser browser = new Browser();
        HttpResponse<String> wrong = browser.login("ann", "not-it-91b2");
        HttpResponse<String> nobody = browser.login("nobody", "not-it-91b2");
        for (HttpResponse<String> r : List.of(wrong, nobody)) {
            assertEquals(401, r.statusCode(), r.body());
            JsonObject problem = Http.json(r);
            assertEquals("MIZAN-143", problem.getString("code"));
            assertEquals(
                    "password", problem.getJsonArray("errors").getJsonObject(0).getString("path"));
            assertFalse(r.body().contains("not-it-91b2"));
        }
        assertEquals(Http.json(wrong).toString(), Http.json(nobody).toString(), "the same answer for both");
        assertEquals(401, browser.call("inbox", "").statusCode(), "still nobody");
    }

    @Test
    @Order(2)
    void theRightPasswordSignsInWithANewSessionAndTheRolesApplyAtOnce() {
        Browser browser = new Browser();
        assertEquals(200, browser.call("visit", "").statusCode());
        String before = browser.session;
        assertTrue(before != null, "visit opened a session");

        HttpResponse<String> in = browser.login("sam", pw("sam"));
        assertEquals(200, in.statusCode(), in.body());
        JsonObject session = Http.json(in).getJsonObject("result");
        assertEquals("sam", session.getString("user"));
        assertEquals("[\"staff\",\"user\"]", session.getJsonArray("roles").toString());
        String cookie = sessionCookie(in).orElseThrow(() -> new AssertionError("no new session cookie"));
        assertNotEquals(before, browser.session, "the session id changed on sign-in");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);

        assertEquals("42", Http.json(browser.call("payroll", "")).get("result").toString());
        JsonObject hydrated = Http.json(browser.hydrate()).getJsonObject("contexts");
        assertEquals("sam", hydrated.getJsonObject("auth.session").getString("user"));
        // the session is found by its cookie only, never by a ;jsessionid= in the URL
        HttpResponse<String> byUrl = http.send(
                http.request("api/mizan/hydrate;jsessionid=" + browser.session).GET());
        // (Payara reads it whatever the tracking modes, and Mizan refuses it; WildFly does not read it)
        if (byUrl.statusCode() == 400) {
            assertEquals("MIZAN-123", Http.json(byUrl).getString("code"));
        } else {
            assertTrue(Http.json(byUrl).getJsonObject("contexts").isNull("auth.session"), byUrl.body());
        }
        String page = http.send(
                        http.request("index.html;jsessionid=" + browser.session).GET())
                .body();
        assertTrue(page.contains("mizan-hydration") && !page.contains("sam"), page);

        Browser ann = new Browser();
        assertEquals(200, ann.login("ann", pw("ann")).statusCode());
        assertEquals(403, ann.call("payroll", "").statusCode());
        assertEquals(200, ann.call("inbox", "").statusCode());
    }

    @Test
    @Order(3)
    void signingInAgainAsSomeoneElseSwitchesTheSession() {
        Browser browser = new Browser();
        assertEquals(200, browser.login("ann", pw("ann")).statusCode());
        HttpResponse<String> again = browser.login("sam", pw("sam"));
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(
                sessionCookie(again).orElse("").contains("SameSite=Lax"),
                "the cookie a browser keeps: " + again.headers().allValues("Set-Cookie"));
        assertEquals("sam", Http.json(again).getJsonObject("result").getString("user"));
        assertEquals(
                "[\"staff\",\"user\"]",
                Http.json(again).getJsonObject("result").getJsonArray("roles").toString(),
                "the new caller's roles, in the request that signed in");
        JsonObject hydrated = Http.json(browser.hydrate()).getJsonObject("contexts");
        assertEquals("sam", hydrated.getJsonObject("auth.session").getString("user"), hydrated.toString());
        assertEquals("42", Http.json(browser.call("payroll", "")).get("result").toString());
    }

    @Test
    @Order(3)
    void signingOutEndsTheSession() {
        Browser browser = new Browser();
        browser.login("ann", pw("ann"));
        assertEquals(200, browser.call("inbox", "").statusCode());
        HttpResponse<String> out = browser.call("auth.logout", "");
        assertEquals(200, out.statusCode());
        // no new session (Payara's logout would move the session to a new id); clearing the cookie is fine
        assertTrue(
                out.headers().allValues("Set-Cookie").stream().allMatch(c -> c.contains("Max-Age=0")),
                "signing out starts no new session: " + out.headers().allValues("Set-Cookie"));
        assertEquals(401, browser.call("inbox", "").statusCode());
        assertTrue(Http.json(browser.hydrate()).getJsonObject("contexts").isNull("auth.session"));
        assertTrue(Http.json(new Browser().hydrate()).getJsonObject("contexts").isNull("auth.session"));
    }

    @Test
    @Order(3)
    void entriesOfABatchAfterASignInOrOutSeeTheNewCaller() {
        Browser browser = new Browser();
        assertEquals(200, browser.login("ann", pw("ann")).statusCode()); // signed in as someone else before
        String login = "{\"call\":\"auth.login\",\"args\":{\"username\":\"sam\",\"password\":\"" + pw("sam") + "\"}}";
        String read = "{\"ctx\":\"auth.session\"}";
        String payroll = "{\"call\":\"payroll\"}";
        String logout = "{\"call\":\"auth.logout\"}";
        HttpResponse<String> r =
                browser.batch(String.join(",", payroll, login, read, payroll, logout, read, payroll, login, payroll));
        assertEquals(200, r.statusCode(), r.body());
        List<JsonObject> answers = Http.json(r).getJsonArray("batch").getValuesAs(JsonObject.class);
        assertEquals(
                List.of(403, 200, 200, 200, 200, 200, 401, 200, 200),
                answers.stream().map(a -> a.getInt("status")).toList(),
                r.body());
        assertEquals("sam", answers.get(2).getJsonObject("result").getString("user"), r.body());
        assertEquals(
                "[\"staff\",\"user\"]",
                answers.get(2).getJsonObject("result").getJsonArray("roles").toString(),
                r.body());
        assertEquals("42", answers.get(3).get("result").toString(), r.body());
        assertTrue(answers.get(5).isNull("result"), "signed out: " + r.body());
    }

    @Test
    @Order(4)
    void aSignInFromAnotherSiteIsRefused() {
        HttpResponse<String> r = http.send(http.request("api/mizan/call/auth.login")
                .header("Content-Type", "application/json")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"ann\",\"password\":\"" + pw("ann") + "\"}")));
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(sessionCookie(r).isEmpty(), "no session for a foreign page");
    }

    @Test
    @Order(5)
    void repeatedFailuresAreSlowedThenRefusedWithRetryAfter() {
        Browser browser = new Browser();
        long slowest = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 8 && (last == null || last.statusCode() != 429); i++) {
            long t0 = System.nanoTime();
            last = browser.login("ann", "guess-" + i);
            slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
        }
        assertEquals(429, last.statusCode(), last.body());
        assertEquals("MIZAN-144", Http.json(last).getString("code"));
        long retryAfter =
                Long.parseLong(last.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter > 0 && retryAfter <= 300, "Retry-After: " + retryAfter);
        assertTrue(slowest >= 250, "failures past half the limit are slowed: " + slowest + " ms");
        assertEquals(429, browser.login("ann", pw("ann")).statusCode(), "even the right password waits");
    }

    @Test
    @Order(6)
    void noPasswordReachesTheLog() {
        String log = node.log();
        for (String secret : List.of(pw("ann"), pw("sam"), "not-it-91b2", "guess-1")) {
            assertFalse(log.contains(secret), "the log holds " + secret);
        }
        assertFalse(log.contains("MIZAN-146"), "the WAR says how its session cookie gets SameSite on WildFly");
    }
}
