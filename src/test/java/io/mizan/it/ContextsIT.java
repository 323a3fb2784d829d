package io.mizan.it;

import static io.mizan.it.CoreIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.it.contexts.ContextsApp;
import io.mizan.it.support.Deployments;
import io.mizan.it.support.GeneratedClient;
import io.mizan.it.support.Http;
import io.mizan.it.support.ServerNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Contexts, invalidation keys, the view path, hydration and the manifest in a real Payara Micro. */
@ExtendWith(ArquillianExtension.class)
class ContextsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("contexts", "mizan.cache-tags.enabled=true\n", ContextsApp.class)
                .addAsWebResource(new ClassLoaderAsset("contexts/index.html"), "index.html");
    }

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    static JsonObject body(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    static String header(HttpResponse<String> r) {
        return r.headers().firstValue("X-Mizan-Invalidate").orElse(null);
    }

    static String keys(HttpResponse<String> r) {
        return Http.json(r).getJsonArray("invalidate").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList()
                .toString();
    }

    // --- keys ---

    @Test
    void mutationScopesKeysByTheParametersItSharesWithEachContext() {
        HttpResponse<String> r = http.call("rename", "{\"userId\":5,\"name\":\"Eve\"}");
        assertEquals("[currentUser, userProfile;userId=5]", keys(r));
        assertEquals("currentUser, userProfile;userId=5", header(r));
        assertEquals("Eve", body(r).getJsonObject("result").getString("name"));
    }

    @Test
    void multiParameterKeysAreSortedAndPartialOverlapScopesByWhatIsShared() {
        assertEquals(
                "[todos;listId=7;owner=bob]",
                keys(http.call("addTodo", "{\"owner\":\"bob\",\"listId\":7,\"text\":\"x\"}")));
        assertEquals("[todos;owner=bob]", keys(http.call("clearTodos", "{\"owner\":\"bob\"}")));
    }

    @Test
    void oddValuesArePercentEncoded() {
        HttpResponse<String> r = http.call("clearTodos", "{\"owner\":\"a b,c;d=e%f/caf\u00e9\"}");
        assertEquals("[todos;owner=a%20b%2Cc%3Bd%3De%25f%2Fcaf%C3%A9]", keys(r));
        assertEquals("todos;owner=a%20b%2Cc%3Bd%3De%25f%2Fcaf%C3%A9", header(r));
    }

    @Test
    void unscopedMutationInvalidatesTheWholeContext() {
        assertEquals("[settings]", keys(http.call("setMotto", "{\"motto\":\"Hi\"}")));
    }

    @Test
    void invalidatorAddsKeysByHand() {
        HttpResponse<String> r = http.call("touchDouble", "{\"userId\":21}");
        assertEquals("[userProfile;userId=42, settings]", keys(r));
        assertEquals("userProfile;userId=42, settings", header(r));
    }

    @Test
    void aFailedCallAddsNoKeys() {
        HttpResponse<String> r = http.call("failingUpdate", "{}");
        assertProblem(r, 409, null, "Nothing changed");
        assertFalse(r.headers().firstValue("X-Mizan-Invalidate").isPresent());
        assertFalse(r.body().contains("userProfile"));
    }

    @Test
    void serverOnlyFunctionsInvalidateWhenServerCodeCallsThem() {
        assertProblem(http.call("webhook", "{\"motto\":\"x\"}"), 403, "MIZAN-142", "server code");
        assertEquals("[settings, todos]", keys(http.call("nightly", "{}")));
    }

    @Test
    void aContextIsCallableThroughCallToo() {
        JsonObject r = body(http.call("userProfile", "{\"userId\":3}"));
        assertEquals(3, r.getJsonObject("result").getInt("userId"));
        assertEquals(0, r.getJsonArray("invalidate").size());
    }

    // --- contexts over GET ---

    @Test
    void localContextTakesQueryParametersAndAnswersWithAnETag() {
        HttpResponse<String> r = http.get("api/mizan/ctx/todos?owner=bob&listId=7");
        JsonObject result = body(r).getJsonArray("result").getJsonObject(0);
        assertEquals("bob", result.getString("owner"));
        assertEquals(7, result.getInt("listId"));
        String etag = r.headers().firstValue("ETag").orElse(null);
        assertNotNull(etag);
        HttpResponse<String> again = http.send(http.request("api/mizan/ctx/todos?owner=bob&listId=7")
                .header("If-None-Match", etag)
                .GET());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        // decoded as a form field is, as browsers' URLSearchParams encode: + is a space, %XX a UTF-8 byte
        JsonObject encoded = body(http.get("api/mizan/ctx/todos?owner=caf%C3%A9+au%20lait%2B&listId=7"))
                .getJsonArray("result")
                .getJsonObject(0);
        assertEquals("café au lait+", encoded.getString("owner"));
        HttpResponse<String> other = http.send(http.request("api/mizan/ctx/todos?owner=al&listId=7")
                .header("If-None-Match", etag)
                .GET());
        assertEquals(200, other.statusCode());
    }

    @Test
    void aContextReadIsTaggedWithEveryKeyThatWouldInvalidateIt() {
        HttpResponse<String> read = http.get("api/mizan/ctx/todos?owner=bob&listId=7");
        String surrogate = read.headers().firstValue("Surrogate-Key").orElseThrow();
        List<String> tags = List.of(surrogate.split(" "));
        assertEquals(List.of("todos", "todos;listId=7", "todos;owner=bob", "todos;listId=7;owner=bob"), tags);
        assertEquals(
                String.join(",", tags), read.headers().firstValue("Cache-Tag").orElseThrow());
        // the keys mutations of this entry produce are tags of the read: a CDN purges by them
        for (HttpResponse<String> mutation : List.of(
                http.call("addTodo", "{\"owner\":\"bob\",\"listId\":7,\"text\":\"x\"}"),
                http.call("clearTodos", "{\"owner\":\"bob\"}"))) {
            assertTrue(tags.containsAll(List.of(header(mutation).split(", "))), header(mutation) + " in " + tags);
        }
        // a 304 carries them too, for a cache that revalidates
        HttpResponse<String> again = http.send(http.request("api/mizan/ctx/todos?owner=bob&listId=7")
                .header(
                        "If-None-Match",
                        http.get("api/mizan/ctx/todos?owner=bob&listId=7")
                                .headers()
                                .firstValue("ETag")
                                .orElseThrow())
                .GET());
        assertEquals(304, again.statusCode());
        assertEquals(surrogate, again.headers().firstValue("Surrogate-Key").orElseThrow());
    }

    @Test
    void theETagChangesWhenTheDataDoes() {
        String before = http.get("api/mizan/ctx/userProfile?userId=8")
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        http.call("rename", "{\"userId\":8,\"name\":\"Otto\"}");
        HttpResponse<String> after = http.send(http.request("api/mizan/ctx/userProfile?userId=8")
                .header("If-None-Match", before)
                .GET());
        assertEquals(200, after.statusCode());
        assertEquals("Otto", Http.json(after).getJsonObject("result").getString("name"));
    }

    @Test
    void contextParametersAreChecked() {
        assertProblem(
                http.get("api/mizan/ctx/userProfile?userId=abc"),
                400,
                "MIZAN-136",
                "The parameter 'userId' must be a number");
        assertProblem(http.get("api/mizan/ctx/userProfile"), 400, "MIZAN-131", "Missing argument 'userId'");
        assertProblem(http.get("api/mizan/ctx/userProfile?userId=1&userId=2"), 400, "MIZAN-135", "is given 2 times");
        assertProblem(http.get("api/mizan/ctx/userProfile?userId=1&x=2"), 400, "MIZAN-130", "Unknown argument 'x'");
        // a malformed escape is a 400: Mizan's own on Payara, Undertow's (before any application) on WildFly
        String[] malformed = http.rawGet("api/mizan/ctx/userProfile?userId=%zz");
        assertTrue(malformed[0].startsWith("HTTP/1.1 400"), malformed[0]);
        if (!ServerNode.wildfly()) {
            assertTrue(malformed[1].contains("\"MIZAN-138\""), malformed[1]);
        }
        // UTF-8 bytes sent unescaped (the raw request writes each char as one byte): no charset is assumed
        Http.Raw unescaped = http.raw("GET", "api/mizan/ctx/userProfile?userId=1\u00c3\u00a9", null);
        assertEquals(400, unescaped.status(), unescaped.body());
        if (!ServerNode.wildfly()) {
            assertTrue(unescaped.body().contains("\"MIZAN-138\""), unescaped.body());
        }
        assertProblem(http.get("api/mizan/ctx/rename"), 404, "MIZAN-101", "There is no context named 'rename'");
        assertProblem(
                http.send(http.request("api/mizan/ctx/settings").POST(HttpRequest.BodyPublishers.noBody())),
                405,
                "MIZAN-103",
                "Use GET");
    }

    @Test
    void authRulesApplyToContexts() {
        assertProblem(http.get("api/mizan/ctx/openTickets"), 401, "MIZAN-140", "Sign in to call openTickets");
        assertProblem(
                http.send(http.request("api/mizan/ctx/openTickets")
                        .header("Authorization", Http.basic("ann"))
                        .GET()),
                403,
                "MIZAN-141",
                "You may not call openTickets");
        assertEquals(
                3,
                body(http.send(http.request("api/mizan/ctx/openTickets")
                                .header("Authorization", Http.basic("sam"))
                                .GET()))
                        .getInt("result"));
    }

    // --- batches ---

    static HttpResponse<String> batch(Http http, String user, String json) {
        HttpRequest.Builder request = http.request("api/mizan/batch")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return http.send(user == null ? request : request.header("Authorization", Http.basic(user)));
    }

    @Test
    void aBatchRunsMixedCallsAndReadsEachWithItsOwnStatusAccessAndKeys() {
        HttpResponse<String> answer = batch(
                http,
                "ann",
                """
                {"batch":[\
                {"call":"rename","args":{"userId":61,"name":"Kit"}},\
                {"ctx":"userProfile","params":{"userId":"61"}},\
                {"ctx":"openTickets"},\
                {"call":"failingUpdate"},\
                {"call":"webhook","args":{"motto":"no"}},\
                {"ctx":"currentUser"}]}""");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null));
        // the keys of the entries that succeeded; the failed update's are not published
        assertEquals(
                "currentUser, userProfile;userId=61",
                answer.headers().firstValue("X-Mizan-Invalidate").orElse(null));
        var entries = body(answer).getJsonArray("batch");
        assertEquals(
                "{\"status\":200,\"result\":{\"name\":\"Kit\",\"userId\":61},"
                        + "\"invalidate\":[\"currentUser\",\"userProfile;userId=61\"]}",
                entries.get(0).toString());
        assertEquals(
                "{\"status\":200,\"result\":{\"name\":\"Kit\",\"userId\":61}}",
                entries.get(1).toString());
        assertEquals(403, entries.getJsonObject(2).getInt("status"));
        assertEquals(
                "MIZAN-141", entries.getJsonObject(2).getJsonObject("error").getString("code"));
        assertEquals(409, entries.getJsonObject(3).getInt("status"));
        assertEquals(
                "Nothing changed",
                entries.getJsonObject(3).getJsonObject("error").getString("detail"));
        assertEquals(
                "MIZAN-142", entries.getJsonObject(4).getJsonObject("error").getString("code"));
        assertEquals("ann", entries.getJsonObject(5).getJsonObject("result").getString("name"));
        // the same batch without a user: the staff-only read asks to sign in
        var anonymous = body(batch(http, null, "{\"batch\":[{\"ctx\":\"openTickets\"},{\"ctx\":\"settings\"}]}"))
                .getJsonArray("batch");
        assertEquals(
                "MIZAN-140", anonymous.getJsonObject(0).getJsonObject("error").getString("code"));
        assertEquals(200, anonymous.getJsonObject(1).getInt("status"));
    }

    @Test
    void aBatchOverTheCapOrOfTheWrongShapeIsRefusedWhole() {
        String entry = "{\"ctx\":\"settings\"}";
        String tooMany = "{\"batch\":[" + String.join(",", java.util.Collections.nCopies(21, entry)) + "]}";
        assertProblem(batch(http, null, tooMany), 413, "MIZAN-125", "The batch has 21 entries");
        assertProblem(batch(http, null, "[]"), 400, "MIZAN-126", "The body must be");
        assertProblem(batch(http, null, "{\"batch\":7}"), 400, "MIZAN-126", "The body must be");
        assertProblem(http.send(http.request("api/mizan/batch").GET()), 405, "MIZAN-103", "Use POST");
        // and the server goes on answering
        assertEquals(200, http.get("api/mizan/ctx/settings").statusCode());
    }

    // --- view path ---

    @Test
    void viewPathKeepsItsRedirectAndGainsTheHeaders() {
        HttpResponse<String> r = http.send(http.request("api/profiles/5")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Viv")));
        assertEquals(303, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/profiles/5"));
        assertEquals("profile-form", r.headers().firstValue("X-Handled-By").orElse(null));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("currentUser, userProfile;userId=5", header(r));
        assertProblem(http.call("updateProfile", "{\"userId\":5}"), 404, "MIZAN-100", "no server function");
    }

    // --- hydration ---

    @Test
    void hydrateAnswersTheGlobalContextsTheCallerMayRead() {
        JsonObject anonymous = body(http.get("api/mizan/hydrate")).getJsonObject("contexts");
        assertEquals(
                "[currentUser, settings]",
                anonymous.keySet().stream().sorted().toList().toString());
        assertTrue(anonymous.isNull("currentUser"));
        JsonObject sam = body(http.send(http.request("api/mizan/hydrate")
                        .header("Authorization", Http.basic("sam"))
                        .GET()))
                .getJsonObject("contexts");
        assertEquals(
                "[currentUser, openTickets, settings]",
                sam.keySet().stream().sorted().toList().toString());
        assertEquals("sam", sam.getJsonObject("currentUser").getString("name"));
        assertEquals(3, sam.getInt("openTickets"));
    }

    @Test
    void aReadOrTheHydrationFromAnotherSiteIsRefusedBeforeItRuns() {
        for (String path : List.of("api/mizan/ctx/openTickets", "api/mizan/hydrate")) {
            for (String[] header : List.of(
                    new String[] {"Origin", "https://evil.example"}, new String[] {"Sec-Fetch-Site", "cross-site"})) {
                HttpResponse<String> foreign = http.send(http.request(path)
                        .header("Authorization", Http.basic("sam"))
                        .header(header[0], header[1])
                        .GET());
                assertProblem(foreign, 403, "MIZAN-105", "not allowed");
            }
            HttpResponse<String> own = http.send(http.request(path)
                    .header("Authorization", Http.basic("sam"))
                    .header("Origin", "http://" + http.uri("/").getAuthority())
                    .header("Sec-Fetch-Site", "same-origin")
                    .GET());
            assertEquals(200, own.statusCode(), own.body());
        }
    }

    @Test
    void theHtmlPageCarriesTheHydrationEscaped() {
        String hostile = "</script><script>alert(1)</script><!--";
        http.call("setMotto", "{\"motto\":" + Json.createValue(hostile) + "}");
        try {
            HttpResponse<String> page = http.send(http.request("index.html")
                    .header("Authorization", Http.basic("ann"))
                    .GET());
            assertEquals(200, page.statusCode());
            String html = page.body();
            assertEquals(1, html.split("</script>", -1).length - 1, html);
            assertTrue(html.contains("caf\u00e9 \u2713"), "the page's own text keeps its characters: " + html);
            assertFalse(html.contains("<script>alert"), html);
            Matcher m = Pattern.compile(
                            "<script type=\"application/json\" id=\"mizan-hydration\">(.*?)</script>", Pattern.DOTALL)
                    .matcher(html);
            assertTrue(m.find(), html);
            assertTrue(html.indexOf("mizan-hydration") < html.indexOf("</head>"));
            try (JsonReader reader = Json.createReader(new StringReader(m.group(1)))) {
                JsonObject contexts = reader.readObject().getJsonObject("contexts");
                assertEquals(hostile, contexts.getJsonObject("settings").getString("motto"));
                assertEquals("ann", contexts.getJsonObject("currentUser").getString("name"));
            }
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(null));
            // the file's validators describe the file, not this page
            assertTrue(
                    page.headers().firstValue("ETag").isEmpty(), page.headers().toString());
            assertTrue(
                    page.headers().firstValue("Last-Modified").isEmpty(),
                    page.headers().toString());
            HttpResponse<String> head = http.send(http.request("index.html")
                    .header("Authorization", Http.basic("ann"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, head.statusCode());
            for (String name : List.of("Content-Length", "Content-Type", "Cache-Control")) {
                assertEquals(page.headers().firstValue(name), head.headers().firstValue(name), name);
            }
            assertTrue(
                    head.headers().firstValue("ETag").isEmpty(), head.headers().toString());
            HttpResponse<String> conditional = http.send(http.request("index.html")
                    .header("If-Modified-Since", "Sun, 01 Jan 2090 00:00:00 GMT")
                    .GET());
            assertEquals(200, conditional.statusCode());
        } finally {
            http.call("setMotto", "{\"motto\":\"Hello\"}");
        }
    }

    // --- the generated TypeScript client, run by Node against this deployment ---

    @Test
    void generatedClientRefetchesExactlyTheScopedEntry() throws Exception {
        GeneratedClient.generate("it/generated", ContextsApp.class.getPackageName());
        String output = GeneratedClient.vitest(
                java.util.Map.of("MIZAN_BASE_URL", http.uri("api/mizan").toString(), "CI", "true"),
                "it/contexts.test.tsx");
        assertTrue(output.contains("4 passed"), output);
    }

    // --- schema ---

    @Test
    void schemaServesTheModelForTools() {
        JsonObject schema = body(http.get("api/mizan/schema"));
        JsonObject rename = schema.getJsonObject("functions").getJsonObject("rename");
        assertEquals(
                "[\"currentUser\",\"userProfile\"]",
                rename.getJsonArray("affects").toString());
        JsonObject name = rename.getJsonArray("params").getJsonObject(1);
        assertEquals("name", name.getString("name"));
        assertEquals(
                "[\"NotBlank\",\"Size\"]",
                name.getJsonArray("constraints").getValuesAs(JsonObject.class).stream()
                        .map(c -> "\"" + c.getString("name") + "\"")
                        .sorted()
                        .toList()
                        .toString()
                        .replace(" ", ""));
        assertEquals("#/types/Profile", rename.getJsonObject("result").getString("$ref"));
        assertTrue(schema.getJsonObject("types").containsKey("Profile"), schema.toString());
        assertFalse(schema.getJsonObject("functions").containsKey("updateProfile"), "view path is not for clients");
        assertFalse(schema.toString().contains("io.mizan.it"), "no Java class names");
    }

    // --- manifest ---

    @Test
    void manifestDescribesTheWholeGraph() {
        String expected =
                """
                {"channels":{},\
                "contexts":{\
                "currentUser":{"params":[],"scope":"global"},\
                "inquiries":{"params":[],"scope":"local"},\
                "openTickets":{"params":[],"scope":"global"},\
                "settings":{"params":[],"scope":"global"},\
                "todos":{"params":["listId","owner"],"scope":"local"},\
                "userProfile":{"params":["userId"],"scope":"local"}},\
                "forms":{\
                "booking":{"schema":"booking.schema","submit":"booking.submit","title":"Booking","validate":"booking.validate"},\
                "contact":{"schema":"contact.schema","submit":"contact.submit","title":"Contact Us","validate":"contact.validate"},\
                "raise":{"schema":"raise.schema","submit":"raise.submit","title":"Raise","validate":"raise.validate"}},\
                "functions":{\
                "addTodo":{"affects":["todos"],"scope":"none","scopedBy":{"todos":["listId","owner"]},"serverOnly":false,"viewPath":false},\
                "booking.submit":{"affects":[],"scope":"none","scopedBy":{},"serverOnly":false,"viewPath":false},\
                "clearTodos":{"affects":["todos"],"scope":"none","scopedBy":{"todos":["owner"]},"serverOnly":false,"viewPath":false},\
                "contact.submit":{"affects":["inquiries"],"scope":"none","scopedBy":{"inquiries":[]},"serverOnly":false,"viewPath":false},\
                "currentUser":{"affects":[],"scope":"global","scopedBy":{},"serverOnly":false,"viewPath":false},\
                "failingUpdate":{"affects":["settings"],"scope":"none","scopedBy":{"settings":[]},"serverOnly":false,"viewPath":false},\
                "inquiries":{"affects":[],"scope":"local","scopedBy":{},"serverOnly":false,"viewPath":false},\
                "nightly":{"affects":["todos"],"scope":"none","scopedBy":{"todos":[]},"serverOnly":false,"viewPath":false},\
                "openTickets":{"affects":[],"scope":"global","scopedBy":{},"serverOnly":false,"viewPath":false},\
                "raise.submit":{"affects":[],"scope":"none","scopedBy":{},"serverOnly":false,"viewPath":false},\
                "rename":{"affects":["currentUser","userProfile"],"scope":"none","scopedBy":{"currentUser":[],"userProfile":["userId"]},"serverOnly":false,"viewPath":false},\
                "setMotto":{"affects":["settings"],"scope":"none","scopedBy":{"settings":[]},"serverOnly":false,"viewPath":false},\
                "settings":{"affects":[],"scope":"global","scopedBy":{},"serverOnly":false,"viewPath":false},\
                "todos":{"affects":[],"scope":"local","scopedBy":{},"serverOnly":false,"viewPath":false},\
                "touchDouble":{"affects":[],"scope":"none","scopedBy":{},"serverOnly":false,"viewPath":false},\
                "updateProfile":{"affects":["userProfile"],"scope":"none","scopedBy":{"userProfile":["userId"]},"serverOnly":false,"viewPath":true},\
                "userProfile":{"affects":[],"scope":"local","scopedBy":{},"serverOnly":false,"viewPath":false},\
                "webhook":{"affects":["settings"],"scope":"none","scopedBy":{"settings":[]},"serverOnly":true,"viewPath":false}}}""";
        assertEquals(expected, body(http.get("api/mizan/manifest")).toString());
    }

    // --- forms ---

    static HttpResponse<String> callIn(Http http, String language, String name, String json) {
        return http.send(http.request("api/mizan/call/" + name)
                .header("Content-Type", "application/json")
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static List<String> errors(JsonObject json) {
        return json.getJsonArray("errors").stream()
                .map(v -> v.asJsonObject().getString("path") + ": "
                        + v.asJsonObject().getString("message"))
                .toList();
    }

    @Test
    void aFormsSchemaListsItsFieldsInOrderWithLabelsWidgetsChoicesAndConstraints() {
        JsonObject schema = body(http.call("contact.schema", "")).getJsonObject("result");
        assertEquals("Contact Us", schema.getString("title"));
        List<JsonObject> fields = schema.getJsonArray("fields").getValuesAs(JsonObject.class);
        assertEquals(
                List.of("name", "email", "topic", "message", "copyToMe"),
                fields.stream().map(f -> f.getString("name")).toList());
        assertEquals(
                List.of("Your name", "Email", "Topic", "Message", "Copy to me"),
                fields.stream().map(f -> f.getString("label")).toList());
        assertEquals(
                List.of("text", "email", "select", "textarea", "checkbox"),
                fields.stream().map(f -> f.getString("widget")).toList());
        assertEquals(
                "[\"SALES\",\"SUPPORT\",\"PRESS\"]",
                fields.get(2).getJsonArray("choices").toString());
        assertEquals(
                List.of("Email", "NotBlank"),
                List.copyOf(new java.util.TreeSet<>(
                        fields.get(1).getJsonObject("constraints").keySet())));
        assertEquals(
                "{\"Size\":{\"max\":500,\"min\":0}}",
                fields.get(3).getJsonObject("constraints").toString());
        assertEquals("Plain text", fields.get(3).getString("help"));
    }

    @Test
    void validateChecksWholePartialAndClassLevelWithoutRunningTheHandler() {
        String before = body(http.call("inquiries", "")).get("result").toString();
        String whole =
                "{\"form\":{\"name\":\"Ada\",\"email\":\"nope\",\"topic\":\"SALES\",\"message\":\"\",\"copyToMe\":false}}";
        JsonObject result = body(http.call("contact.validate", whole)).getJsonObject("result");
        assertEquals(false, result.getBoolean("valid"));
        assertEquals(List.of("email: must be a well-formed email address"), errors(result));
        JsonObject partial = body(http.call("contact.validate", "{\"form\":{\"name\":\" \"}}"))
                .getJsonObject("result");
        assertEquals(List.of("name: must not be blank"), errors(partial), "only the given field");
        JsonObject order = body(http.callAs(
                        "ann", "booking.validate", "{\"form\":{\"from\":\"2999-05-02\",\"until\":\"2999-05-01\"}}"))
                .getJsonObject("result");
        assertEquals(List.of("until: must be after the arrival"), errors(order));
        assertEquals(before, body(http.call("inquiries", "")).get("result").toString(), "no handler ran");
    }

    @Test
    void submitAnswersItsResultAndKeysOr422OnTheFormsFieldsOrTheHandlersOwnFieldError() {
        String form =
                "{\"form\":{\"name\":\"Ada\",\"email\":\"%s\",\"topic\":\"PRESS\",\"message\":\"hi\",\"copyToMe\":true}}";
        HttpResponse<String> sent = http.callAs("ann", "contact.submit", form.formatted("ada@example.com"));
        assertEquals("ann", body(sent).getJsonObject("result").getString("by"));
        assertEquals("[inquiries]", keys(sent));
        assertEquals("inquiries", header(sent));

        HttpResponse<String> invalid = http.call("contact.submit", form.formatted("nope"));
        assertEquals(422, invalid.statusCode(), invalid.body());
        assertEquals("MIZAN-183", Http.json(invalid).getString("code"));
        assertEquals(List.of("email: must be a well-formed email address"), errors(Http.json(invalid)));

        HttpResponse<String> unreadable =
                http.call("contact.submit", "{\"form\":{\"name\":\"Ada\",\"topic\":\"NOPE\"}}");
        assertEquals(422, unreadable.statusCode(), unreadable.body());
        assertEquals(
                List.of("copyToMe", "email", "message", "topic"),
                Http.json(unreadable).getJsonArray("errors").stream()
                        .map(v -> v.asJsonObject().getString("path"))
                        .toList());

        HttpResponse<String> taken = http.call("contact.submit", form.formatted("taken@example.com"));
        assertEquals(409, taken.statusCode(), taken.body());
        assertEquals(List.of("email: this email has an open inquiry"), errors(Http.json(taken)));
        assertEquals(null, header(taken), "a failed submit invalidates nothing");
    }

    @Test
    void aFormsAccessRuleAppliesToItsSchemaValidateAndSubmit() {
        assertEquals(401, http.call("booking.schema", "").statusCode());
        assertEquals(
                401,
                http.call("booking.submit", "{\"form\":{\"from\":\"2999-05-01\",\"until\":\"2999-05-02\"}}")
                        .statusCode());
        assertEquals(
                403,
                http.callAs("ann", "raise.validate", "{\"form\":{\"percent\":1}}")
                        .statusCode());
        assertEquals(
                403,
                http.callAs("ann", "raise.submit", "{\"form\":{\"percent\":1}}").statusCode());
        assertEquals(
                "3",
                body(http.callAs("sam", "raise.submit", "{\"form\":{\"percent\":3}}"))
                        .get("result")
                        .toString());
        assertEquals(404, http.call("nothing.schema", "").statusCode());
    }

    @Test
    void messagesFollowTheRequestsLanguage() {
        JsonObject german = body(callIn(http, "de-DE,de;q=0.9", "contact.validate", "{\"form\":{\"name\":\"\"}}"))
                .getJsonObject("result");
        assertEquals(List.of("name: darf nicht leer sein"), errors(german));
        HttpResponse<String> french = callIn(
                http,
                "fr",
                "contact.submit",
                "{\"form\":{\"name\":\"\",\"email\":\"a@b.c\",\"topic\":\"SALES\",\"message\":\"\",\"copyToMe\":false}}");
        assertEquals(422, french.statusCode());
        assertEquals(List.of("name: ne doit pas être vide"), errors(Http.json(french)));
    }
}
