package io.mizan.rpc;

import static io.mizan.security.TestCallers.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.Scope;
import io.mizan.forms.FormOperations;
import io.mizan.invalidation.InvalidationFrames;
import io.mizan.invoke.Invoker;
import io.mizan.json.ArgumentBinder;
import io.mizan.json.ResultEncoder;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import io.mizan.security.Caller;
import io.mizan.security.OriginPolicy;
import io.mizan.telemetry.Telemetry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Iterator;
import java.util.List;

/**
 * {@code POST <base>/call/{name}} and {@code GET <base>/ctx/{name}} without a server: the order of the
 * checks (origin, name, access, media type, size, JSON), the envelope and headers of an answer, the ETag
 * and 304 of a context read, and the CORS headers on every answer, errors too.
 */
class EndpointsTest {

    public static class Shop {
        @Client(affects = "stock")
        public int restock(int count) {
            InvalidationFrames.add(List.of("stock"));
            return count + 1;
        }

        @Client
        public String ping() {
            return "pong";
        }

        @Client(serverOnly = true)
        public String internal() {
            return "internal";
        }

        @Client(context = Scope.LOCAL)
        public String stock(String board, int page) {
            return board + ":" + page;
        }

        @Client(auth = Auth.AUTHENTICATED)
        public String whoAmI(Principal me) {
            return me.getName();
        }

        @Client
        public String broken() {
            throw new IllegalStateException("a bug");
        }
    }

    static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Shop.class));
    static final String APP = "https://app.example";

    final Shop shop = new Shop();
    final ResultEncoder encoder = new ResultEncoder(MODEL);
    final ArgumentBinder binder = new ArgumentBinder(MODEL, encoder.jsonb());
    final Invoker invoker = TestInvokers.on(MODEL, shop, encoder, VALIDATION, Telemetry.OFF);
    final OriginPolicy origins = new OriginPolicy(List.of(APP), null, false);
    final Cors cors = new Cors(origins);
    final CallEndpoint calls = new CallEndpoint(
            invoker,
            binder,
            new FormOperations(invoker, binder),
            new OriginPolicy(List.of(APP), null, false),
            cors,
            64);
    final ContextEndpoint contexts = new ContextEndpoint(invoker, binder, origins, new ETags("test-key"), cors, false);
    final BatchEndpoint batches = new BatchEndpoint(
            new CallEndpoint(
                    invoker,
                    binder,
                    new FormOperations(invoker, binder),
                    new OriginPolicy(List.of(APP), null, false),
                    cors,
                    4096),
            contexts,
            cors,
            4,
            invoker.telemetry());

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    static InputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    static FakeExchange json() {
        return new FakeExchange().header("Content-Type", "application/json");
    }

    /** An answer's body as text (Mizan sends its bodies as UTF-8 bytes). */
    static String text(Response answer) {
        return answer.getEntity() instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : (String) answer.getEntity();
    }

    static JsonObject problem(Response answer) {
        assertEquals("application/problem+json", answer.getHeaderString("Content-Type"));
        return Json.createReader(new StringReader(text(answer))).readObject();
    }

    /** The status and code of a refused call: {@code 415 MIZAN-106}. */
    static String refusal(Response answer) {
        return answer.getStatus() + " " + problem(answer).getString("code");
    }

    Response call(String name, String json, FakeExchange request) {
        return calls.call(name, body(json), request.build(), Caller.ANONYMOUS);
    }

    @Test
    void aCallAnswersTheEnvelopeWithItsKeysInBodyAndHeader() {
        Response answer = call("restock", "{\"count\":2}", json());
        assertEquals(200, answer.getStatus());
        assertEquals("{\"result\":3,\"invalidate\":[\"stock\"]}", text(answer));
        assertEquals("application/json", answer.getHeaderString("Content-Type"));
        assertEquals("no-store", answer.getHeaderString("Cache-Control"));
        assertEquals("stock", answer.getHeaderString("X-Mizan-Invalidate"));
    }

    @Test
    void aCallWithoutKeysHasNoInvalidationHeader() {
        Response answer = call("ping", "{}", json());
        assertEquals("{\"result\":\"pong\",\"invalidate\":[]}", text(answer));
        assertNull(answer.getHeaderString("X-Mizan-Invalidate"));
    }

    @Test
    void aCallWithoutABodyNeedsNoMediaType() {
        assertEquals(
                200,
                calls.call("ping", null, new FakeExchange().build(), Caller.ANONYMOUS)
                        .getStatus());
        assertEquals(
                200,
                call("ping", "", new FakeExchange().header("Content-Length", " 0"))
                        .getStatus());
    }

    @Test
    void aBodyMustBeUtf8Json() {
        assertEquals("415 MIZAN-106", refusal(call("ping", "{}", new FakeExchange().header("Content-Length", "2"))));
        assertEquals(
                "415 MIZAN-106",
                refusal(call("ping", "{}", new FakeExchange().header("Transfer-Encoding", "chunked"))),
                "a chunked body says no length, yet it is a body");
        assertEquals(
                "415 MIZAN-106", refusal(call("ping", "{}", new FakeExchange().header("Content-Type", "text/plain"))));
        assertEquals(
                "415 MIZAN-106", refusal(call("ping", "{}", new FakeExchange().header("Content-Type", "text/json"))));
        assertEquals(
                "415 MIZAN-106",
                refusal(call("ping", "{}", new FakeExchange().header("Content-Type", "application/xml"))));
        assertEquals("415 MIZAN-106", refusal(call("ping", "{}", new FakeExchange().header("Content-Type", "/;;"))));
        assertEquals(
                "415 MIZAN-107",
                refusal(call(
                        "ping",
                        "{}",
                        new FakeExchange().header("Content-Type", "application/json; charset=ISO-8859-1"))));
        assertEquals(
                200,
                call("ping", "{}", new FakeExchange().header("Content-Type", "Application/JSON; charset=UTF-8"))
                        .getStatus());
    }

    @Test
    void aBodyInAContentEncodingIsRefusedAndIdentityIsNone() {
        FakeExchange json = new FakeExchange().header("Content-Type", "application/json");
        assertEquals("415 MIZAN-128", refusal(call("ping", "{}", json.header("Content-Encoding", "gzip"))));
        assertEquals(
                "415 MIZAN-128",
                refusal(call(
                        "ping",
                        "{}",
                        new FakeExchange()
                                .header("Content-Type", "application/json")
                                .header("Content-Encoding", "br"))));
        assertEquals(
                200,
                call(
                                "ping",
                                "{}",
                                new FakeExchange()
                                        .header("Content-Type", "application/json")
                                        .header("Content-Encoding", " Identity "))
                        .getStatus());
    }

    @Test
    void theMediaTypeIsNamedInTheDetail() {
        assertTrue(problem(call("ping", "{}", new FakeExchange().header("Content-Type", "text/plain")))
                .getString("detail")
                .endsWith(", not text/plain"));
    }

    @Test
    void anOversizeBodyIsRefusedAndClosesTheConnection() {
        String big = "{\"count\":" + "1".repeat(80) + "}";
        Response declared = call("restock", big, json().header("Content-Length", String.valueOf(big.length())));
        assertEquals("413 MIZAN-108", refusal(declared));
        assertEquals("close", declared.getHeaderString("Connection"));
        assertEquals("413 MIZAN-108", refusal(call("restock", big, json())));
        assertEquals("400 MIZAN-109", refusal(call("restock", "{}", json().header("Content-Length", "two"))));
    }

    @Test
    void theChecksComeInOrder() {
        // origin before name, name before access, access before the body is looked at
        assertEquals(
                "403 MIZAN-105",
                refusal(call("nothing", "{", new FakeExchange().header("Origin", "https://evil.example"))));
        assertEquals("404 MIZAN-100", refusal(call("nothing", "{", new FakeExchange().header("Content-Type", "x"))));
        assertEquals("403 MIZAN-142", refusal(call("internal", "{", new FakeExchange().header("Content-Type", "x"))));
    }

    @Test
    void aCallFromTheServersOwnOrThirdListedOriginGoesAhead() {
        assertEquals(
                200,
                call(
                                "ping",
                                "{}",
                                json().header("Origin", "https://shop.example").header("Host", "shop.example"))
                        .getStatus());
        Response listed = call("ping", "{}", json().header("Origin", APP));
        assertEquals(200, listed.getStatus());
        assertEquals(APP, listed.getHeaderString("Access-Control-Allow-Origin"));
    }

    @Test
    void errorsCarryCorsHeadersForAListedOrigin() {
        Response answer = call("nothing", "{}", json().header("Origin", APP));
        assertEquals(404, answer.getStatus());
        assertEquals(APP, answer.getHeaderString("Access-Control-Allow-Origin"));
        assertEquals("no-store", answer.getHeaderString("Cache-Control"));
    }

    @Test
    void aContextReadAnswersItsResultWithAnETag() {
        Response answer = contexts.read(
                "stock",
                new FakeExchange().query("board", "general").query("page", "2").build(),
                user("ann"));
        assertEquals(200, answer.getStatus());
        assertEquals("{\"result\":\"general:2\"}", text(answer));
        assertEquals("application/json", answer.getHeaderString("Content-Type"));
        assertEquals("private, no-cache", answer.getHeaderString("Cache-Control"));
        assertEquals("Cookie, Authorization", answer.getHeaderString("Vary"));
        String tag = answer.getEntityTag().getValue();
        assertEquals(new ETags("test-key").of(() -> "ann", ETagsTest.bytes("{\"result\":\"general:2\"}")), tag);
    }

    @Test
    void aContextReadListsTheKeysThatWouldInvalidateItOnlyWhenCacheTagsAreOn() {
        FakeExchange request = new FakeExchange().query("board", "general").query("page", "2");
        // off by default: the answer is private, so no shared cache keeps it to purge
        Response plain = contexts.read("stock", request.build(), user("ann"));
        assertNull(plain.getHeaderString("Cache-Tag"));
        assertNull(plain.getHeaderString("Surrogate-Key"));

        ContextEndpoint tagged = new ContextEndpoint(invoker, binder, origins, new ETags("test-key"), cors, true);
        Response answer = tagged.read("stock", request.build(), user("ann"));
        assertEquals(200, answer.getStatus());
        assertEquals(
                "stock,stock;board=general,stock;page=2,stock;board=general;page=2",
                answer.getHeaderString("Cache-Tag"));
        assertEquals(
                "stock stock;board=general stock;page=2 stock;board=general;page=2",
                answer.getHeaderString("Surrogate-Key"));
        // and so does its 304, for a cache that revalidates
        Response again = tagged.read(
                "stock",
                request.header("If-None-Match", "\"" + answer.getEntityTag().getValue() + "\"")
                        .build(),
                user("ann"));
        assertEquals(304, again.getStatus());
        assertEquals(answer.getHeaderString("Cache-Tag"), again.getHeaderString("Cache-Tag"));
        assertEquals(answer.getHeaderString("Surrogate-Key"), again.getHeaderString("Surrogate-Key"));
    }

    @Test
    void aMatchingIfNoneMatchIsANotModifiedWithoutABody() {
        FakeExchange request = new FakeExchange().query("board", "general").query("page", "2");
        String tag = contexts.read("stock", request.build(), user("ann"))
                .getEntityTag()
                .getValue();
        Response again = contexts.read(
                "stock", request.header("If-None-Match", "W/\"" + tag + "\"").build(), user("ann"));
        assertEquals(304, again.getStatus());
        assertNull(again.getEntity());
        assertEquals(tag, again.getEntityTag().getValue());
        assertEquals("private, no-cache", again.getHeaderString("Cache-Control"));
        // another caller's tag for the same data differs, so it does not match
        Response other = contexts.read("stock", request.build(), user("bob"));
        assertEquals(200, other.getStatus());
        assertNotEquals(tag, other.getEntityTag().getValue());
    }

    @Test
    void aContextReadRefusesWhatIsNoContextAndBadQueries() {
        assertEquals("404 MIZAN-101", refusal(contexts.read("ping", new FakeExchange().build(), Caller.ANONYMOUS)));
        assertEquals(
                "400 MIZAN-136",
                refusal(contexts.read(
                        "stock",
                        new FakeExchange()
                                .query("board", "x")
                                .query("page", "two")
                                .build(),
                        Caller.ANONYMOUS)));
        Response refused = contexts.read(
                "nothing", new FakeExchange().header("Origin", APP).build(), Caller.ANONYMOUS);
        assertEquals(APP, refused.getHeaderString("Access-Control-Allow-Origin"));
    }

    @Test
    void aContextReadFromAnotherSiteIsRefusedBeforeTheContextIsLookedUp() {
        assertEquals(
                "403 MIZAN-105",
                refusal(contexts.read(
                        "nothing",
                        new FakeExchange()
                                .header("Origin", "https://evil.example")
                                .build(),
                        Caller.ANONYMOUS)));
        assertEquals(
                "403 MIZAN-105",
                refusal(contexts.read(
                        "stock",
                        new FakeExchange()
                                .header("Sec-Fetch-Site", "cross-site")
                                .build(),
                        user("ann"))));
        Response listed = contexts.read(
                "stock",
                new FakeExchange()
                        .header("Origin", APP)
                        .query("board", "general")
                        .query("page", "2")
                        .build(),
                user("ann"));
        assertEquals(200, listed.getStatus());
        assertEquals(APP, listed.getHeaderString("Access-Control-Allow-Origin"));
    }

    // --- batches ---

    Response batch(String json, FakeExchange request) {
        return batches.batch(body(json), request.build(), () -> Caller.ANONYMOUS);
    }

    static JsonObject object(Response answer) {
        return Json.createReader(new StringReader(text(answer))).readObject();
    }

    @Test
    void aBatchAnswersEachEntryOnItsOwnInOrder() {
        Response answer = batch(
                """
                {"batch":[{"call":"restock","args":{"count":2}},{"ctx":"stock","params":{"board":"a","page":"3"}},\
                {"call":"internal"},{"call":"ping"}]}""",
                json());
        assertEquals(200, answer.getStatus());
        assertEquals("no-store", answer.getHeaderString("Cache-Control"));
        assertEquals("stock", answer.getHeaderString("X-Mizan-Invalidate"));
        var entries = object(answer).getJsonArray("batch");
        assertEquals(4, entries.size());
        assertEquals(
                "{\"status\":200,\"result\":3,\"invalidate\":[\"stock\"]}",
                entries.get(0).toString());
        assertEquals("{\"status\":200,\"result\":\"a:3\"}", entries.get(1).toString());
        JsonObject refused = entries.getJsonObject(2);
        assertEquals(403, refused.getInt("status"));
        assertEquals("MIZAN-142", refused.getJsonObject("error").getString("code"));
        assertEquals(403, refused.getJsonObject("error").getInt("status"));
        assertEquals(
                "{\"status\":200,\"result\":\"pong\",\"invalidate\":[]}",
                entries.get(3).toString());
    }

    @Test
    void aFailingEntryGetsItsProblemAndTheRestStillRun() {
        var entries = object(batch(
                        """
                        {"batch":[{"call":"broken"},{"call":"nothing"},{"ctx":"ping"},\
                        {"ctx":"stock","params":{"board":"a","page":"two"}}]}""",
                        json()))
                .getJsonArray("batch");
        JsonObject failed = entries.getJsonObject(0);
        assertEquals(500, failed.getInt("status"));
        assertEquals("MIZAN-121", failed.getJsonObject("error").getString("code"));
        assertTrue(failed.getJsonObject("error").containsKey("id"));
        assertTrue(!failed.toString().contains("a bug"), "the cause stays in the log");
        assertEquals(
                "MIZAN-100", entries.getJsonObject(1).getJsonObject("error").getString("code"));
        assertEquals(
                "MIZAN-101", entries.getJsonObject(2).getJsonObject("error").getString("code"));
        assertEquals(
                "MIZAN-136", entries.getJsonObject(3).getJsonObject("error").getString("code"));
        assertEquals(400, entries.getJsonObject(3).getInt("status"));
    }

    @Test
    void eachEntryAsksForItsCallerAsItWouldAlone() {
        // as after an auth.login entry: the request carries someone from the next entry on
        Iterator<Caller> callers =
                List.of(Caller.ANONYMOUS, user("ann"), user("bob")).iterator();
        Response answer = batches.batch(
                body("{\"batch\":[{\"call\":\"whoAmI\"},{\"call\":\"whoAmI\"},{\"call\":\"whoAmI\"}]}"),
                json().build(),
                callers::next);
        var entries = object(answer).getJsonArray("batch");
        assertEquals(401, entries.getJsonObject(0).getInt("status"), entries.toString());
        assertEquals("ann", entries.getJsonObject(1).getString("result"), entries.toString());
        assertEquals("bob", entries.getJsonObject(2).getString("result"), entries.toString());
    }

    @Test
    void malformedEntriesAreRefusedOneByOne() {
        String[] entries = {
            "3",
            "{}",
            "{\"call\":\"ping\",\"ctx\":\"stock\"}",
            "{\"call\":7}",
            "{\"call\":\"ping\",\"args\":[]}",
            "{\"call\":\"ping\",\"params\":{}}",
            "{\"ctx\":\"stock\",\"params\":{\"board\":\"a\",\"page\":3}}",
            "{\"ctx\":\"stock\",\"params\":\"board=a\"}",
        };
        for (String entry : entries) {
            JsonObject answer = object(batch("{\"batch\":[" + entry + ",{\"call\":\"ping\"}]}", json()))
                    .getJsonArray("batch")
                    .getJsonObject(0);
            assertEquals(400, answer.getInt("status"), entry);
            assertEquals("MIZAN-127", answer.getJsonObject("error").getString("code"), entry);
        }
    }

    @Test
    void theBatchAsAWholeIsCheckedLikeACall() {
        assertEquals("400 MIZAN-126", refusal(batch("{\"calls\":[]}", json())));
        assertEquals("400 MIZAN-126", refusal(batch("{\"batch\":{}}", json())));
        assertEquals("400 MIZAN-126", refusal(batch("{\"batch\":[],\"x\":1}", json())));
        assertEquals("400 MIZAN-126", refusal(batch("[]", json())));
        assertEquals("400 MIZAN-126", refusal(batch("\"batch\"", json())));
        assertEquals(
                "413 MIZAN-125",
                refusal(batch(
                        "{\"batch\":[{\"call\":\"ping\"},{\"call\":\"ping\"},{\"call\":\"ping\"},"
                                + "{\"call\":\"ping\"},{\"call\":\"ping\"}]}",
                        json())));
        assertEquals(
                "415 MIZAN-106",
                refusal(batch("{\"batch\":[]}", new FakeExchange().header("Content-Type", "text/plain"))));
        assertEquals("400 MIZAN-111", refusal(batch("{\"batch\":[", json())));
        assertEquals(
                "403 MIZAN-105",
                refusal(batch("{\"batch\":[{\"call\":\"ping\"}]}", json().header("Origin", "https://evil.example"))));
        Response empty = batch("{\"batch\":[]}", json().header("Origin", APP));
        assertEquals("{\"batch\":[]}", text(empty));
        assertEquals(APP, empty.getHeaderString("Access-Control-Allow-Origin"));
        assertNull(empty.getHeaderString("X-Mizan-Invalidate"));
    }
}
