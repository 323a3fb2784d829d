package io.mizan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.it.channels.ChannelsApp;
import io.mizan.it.support.Deployments;
import io.mizan.it.support.GeneratedClient;
import io.mizan.it.support.Http;
import io.mizan.it.support.ServerNode;
import io.mizan.it.support.Ws;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/** Channels over a real WebSocket in Payara Micro: joins, messages, presence, live invalidation, abuse. */
@ExtendWith(ArquillianExtension.class)
class ChannelsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("channels", "mizan.channels.max-messages-per-second=50\n", ChannelsApp.class);
    }

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

    Ws anonymous() {
        return Ws.connect(http);
    }

    Ws as(String user) {
        return Ws.connect(http, "Authorization", Http.basic(user));
    }

    static String join(String ref, String channel, String params) {
        return "{\"op\":\"join\",\"ref\":\"" + ref + "\",\"channel\":\"" + channel + "\",\"params\":" + params + "}";
    }

    static String send(String ref, String data) {
        return "{\"op\":\"send\",\"ref\":\"" + ref + "\",\"data\":" + data + "}";
    }

    static JsonObject error(Ws ws, String ref, int status, String code) {
        JsonObject e = ws.next("error", ref);
        assertEquals(status, e.getInt("status"), e.toString());
        assertEquals(code, e.getString("code", null), e.toString());
        return e;
    }

    // --- joins ---

    @Test
    void joinAnswersJoinedAndRefusalsAnswerErrorsWithTheirStatus() {
        try (Ws ann = as("ann");
                Ws nobody = anonymous()) {
            ann.send(join("1", "chat", "{\"room\":\"lobby\"}"));
            ann.next("joined", "1");
            nobody.send(join("a", "chat", "{\"room\":\"lobby\"}"));
            error(nobody, "a", 401, "MIZAN-174");
            ann.send(join("2", "chat", "{\"room\":\"staff\"}"));
            error(ann, "2", 403, "MIZAN-175");
            ann.send(join("3", "chat", "{\"room\":\"Not A Room\"}"));
            JsonObject invalid = error(ann, "3", 422, "MIZAN-179");
            assertEquals(
                    "params.room",
                    invalid.getJsonArray("errors").getJsonObject(0).getString("path"));
            ann.send(join("4", "nope", "{}"));
            error(ann, "4", 404, "MIZAN-171");
            ann.send(join("1", "chat", "{\"room\":\"lobby\"}"));
            error(ann, "1", 409, "MIZAN-173");
            nobody.send(join("b", "chat", "{\"room\":\"public\"}"));
            nobody.next("joined", "b");
        }
    }

    @Test
    void malformedFramesAreErrorsAndTheSocketKeepsWorking() {
        try (Ws ann = as("ann")) {
            ann.send("not json");
            assertEquals("MIZAN-111", ann.next("error", null).getString("code"));
            ann.send("{\"op\":\"dance\",\"ref\":\"1\"}");
            error(ann, "1", 400, "MIZAN-170");
            ann.send(send("9", "{\"text\":\"hi\"}"));
            error(ann, "9", 404, "MIZAN-172");
            ann.sendBinary("{\"op\":\"join\"}".getBytes(StandardCharsets.UTF_8));
            JsonObject binary = ann.next("error", null);
            assertEquals("MIZAN-170", binary.getString("code"), binary.toString());
            assertTrue(binary.getString("detail").contains("binary"), binary.toString());
            ann.send(join("1", "chat", "{\"room\":\"lobby\"}"));
            ann.next("joined", "1");
        }
    }

    // --- messages ---

    @Test
    void messagesGoBothWaysWithinAGroupOnly() {
        try (Ws ann = as("ann");
                Ws sam = as("sam");
                Ws other = as("ann")) {
            ann.send(join("1", "chat", "{\"room\":\"lobby\"}"));
            ann.next("joined", "1");
            sam.send(join("x", "chat", "{\"room\":\"lobby\"}"));
            sam.next("joined", "x");
            other.send(join("1", "chat", "{\"room\":\"garden\"}"));
            other.next("joined", "1");
            ann.send(send("1", "{\"text\":\"hello\",\"author\":null}"));
            JsonObject atSam = sam.next("message", "x").getJsonObject("data");
            assertEquals("hello", atSam.getString("text"));
            assertEquals("ann", atSam.getString("author"), "the author is the handshake's user, not the frame's");
            assertEquals("hello", ann.next("message", "1").getJsonObject("data").getString("text"));
            assertFalse(other.arrives("message", Duration.ofMillis(500)), "another group hears nothing");
            ann.send(send("1", "{\"text\":\"\",\"author\":null}"));
            assertEquals(
                    "data.text",
                    error(ann, "1", 422, "MIZAN-179")
                            .getJsonArray("errors")
                            .getJsonObject(0)
                            .getString("path"));
        }
    }

    @Test
    void aChannelWithoutReceiveRefusesMessagesAndAMutationBroadcasts() {
        try (Ws reader = anonymous()) {
            reader.send(join("n", "news", "{\"topic\":\"releases\"}"));
            reader.next("joined", "n");
            reader.send(send("n", "{\"headline\":\"x\",\"body\":\"y\"}"));
            error(reader, "n", 405, "MIZAN-178");
            assertEquals(
                    200,
                    http.call("announce", "{\"topic\":\"releases\",\"headline\":\"1.0 is out\"}")
                            .statusCode());
            assertEquals(
                    "1.0 is out",
                    reader.next("message", "n").getJsonObject("data").getString("headline"));
        }
    }

    @Test
    void halfASurrogatePairIsRefusedFromAClientAndEscapedWhenTheServerMakesOne() {
        try (Ws ann = as("ann");
                Ws sam = as("sam");
                Ws reader = anonymous()) {
            ann.send(join("1", "chat", "{\"room\":\"lobby\"}"));
            ann.next("joined", "1");
            sam.send(join("x", "chat", "{\"room\":\"lobby\"}"));
            sam.next("joined", "x");
            ann.send(send("1", "{\"text\":\"a\\ud800\",\"author\":null}"));
            JsonObject refused = ann.next("error", null); // the frame is not read, so its ref is not known
            assertEquals(400, refused.getInt("status"), refused.toString());
            assertEquals("MIZAN-119", refused.getString("code"), refused.toString());
            ann.send(send("1", "{\"text\":\"after\",\"author\":null}"));
            assertEquals("after", sam.next("message", "x").getJsonObject("data").getString("text"));
            assertEquals("after", ann.next("message", "1").getJsonObject("data").getString("text"));

            reader.send(join("n", "news", "{\"topic\":\"teasers\"}"));
            reader.next("joined", "n");
            HttpResponse<String> cut =
                    http.call("teaser", "{\"topic\":\"teasers\",\"headline\":\"Go \\ud83d\\ude80 now\",\"length\":4}");
            assertEquals(200, cut.statusCode(), cut.body());
            assertTrue(cut.body().contains("\"Go \\ud83d\""), cut.body());
            assertEquals(
                    "Go \ud83d",
                    reader.next("message", "n").getJsonObject("data").getString("headline"));
            HttpResponse<String> whole =
                    http.call("teaser", "{\"topic\":\"teasers\",\"headline\":\"Go \\ud83d\\ude80 now\",\"length\":5}");
            assertEquals("Go \ud83d\ude80", Http.json(whole).getString("result"));
            assertEquals(
                    "Go \ud83d\ude80",
                    reader.next("message", "n").getJsonObject("data").getString("headline"));
            HttpResponse<String> refusedCall =
                    http.call("teaser", "{\"topic\":\"\\udc00\",\"headline\":\"x\",\"length\":1}");
            assertEquals(400, refusedCall.statusCode());
            assertEquals("MIZAN-119", Http.json(refusedCall).getString("code"));
        }
    }

    // --- presence ---

    @Test
    void presenceStateOnceThenDiffs() {
        try (Ws ann = as("ann");
                Ws sam = as("sam")) {
            ann.send(join("1", "chat", "{\"room\":\"presence\"}"));
            ann.next("joined", "1");
            assertEquals(
                    "[{\"user\":\"ann\",\"sockets\":1}]",
                    ann.next("presence", "1").getJsonArray("members").toString());
            sam.send(join("s", "chat", "{\"room\":\"presence\"}"));
            assertEquals(
                    "[{\"user\":\"ann\",\"sockets\":1},{\"user\":\"sam\",\"sockets\":1}]",
                    sam.next("presence", "s").getJsonArray("members").toString());
            JsonObject joined = ann.next("presence_diff", "1");
            assertEquals(
                    "[{\"user\":\"sam\",\"sockets\":1}]",
                    joined.getJsonArray("joins").toString());
            try (Ws annAgain = as("ann")) {
                annAgain.send(join("2", "chat", "{\"room\":\"presence\"}"));
                annAgain.next("joined", "2");
                assertEquals(
                        "[{\"user\":\"ann\",\"sockets\":2}]",
                        sam.next("presence_diff", "s").getJsonArray("joins").toString());
            }
            assertEquals(
                    "[{\"user\":\"ann\",\"sockets\":1}]",
                    sam.next("presence_diff", "s").getJsonArray("leaves").toString());
            sam.send("{\"op\":\"leave\",\"ref\":\"s\"}");
            sam.next("left", "s");
            assertEquals(
                    "[{\"user\":\"sam\",\"sockets\":0}]",
                    ann.next(f -> f.getString("op").equals("presence_diff")
                                    && f.getJsonArray("leaves").toString().contains("sam"))
                            .getJsonArray("leaves")
                            .toString());
        }
    }

    // --- live invalidation ---

    @Test
    void invalidationsReachEveryOpenSocketThatMayReadTheContext() {
        try (Ws nobody = anonymous();
                Ws sam = as("sam")) {
            nobody.send(join("p", "chat", "{\"room\":\"public\"}")); // opens the socket's life; joins are not needed
            nobody.next("joined", "p");
            assertEquals(
                    200,
                    http.callAs("ann", "addNote", "{\"board\":\"general\",\"text\":\"hi\"}")
                            .statusCode());
            assertEquals(List.of("notes;board=general"), keys(nobody.next("invalidate", null)));
            assertEquals(List.of("notes;board=general"), keys(sam.next("invalidate", null)));
            assertEquals(200, http.call("touchAudit", "{}").statusCode());
            assertEquals(List.of("audit"), keys(sam.next("invalidate", null)), "staff may read audit");
            assertFalse(nobody.arrives("invalidate", Duration.ofMillis(500)), "an anonymous socket may not");
            HttpResponse<String> hook =
                    http.send(http.request("api/hooks/clear/general").POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, hook.statusCode(), hook.body());
            assertEquals(
                    List.of("notes;board=general"),
                    keys(nobody.next("invalidate", null)),
                    "a server-only function called by server code pushes too");
        }
    }

    static List<String> keys(JsonObject frame) {
        return frame.getJsonArray("keys").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    // --- the generated client in Node ---

    /**
     * Generates the TypeScript for this WAR and runs client/it/channels.test.tsx against it: the
     * generated useChatChannel hook rendered in React (jsdom) over real sockets from the ws package,
     * presence, live invalidation of a cached context, and a refused join.
     */
    @Test
    void generatedHookWorksFromNodeAgainstTheServer() throws Exception {
        GeneratedClient.generate("it/generated-channels", ChannelsApp.class.getPackageName());
        GeneratedClient.node(
                Map.of(), "node_modules/typescript/bin/tsc", "--noEmit", "-p", "it/tsconfig.channels.json");
        String output = GeneratedClient.vitest(
                Map.of(
                        "MIZAN_BASE_URL", http.uri("api/mizan").toString(),
                        "MIZAN_SOCKET_URL", http.uri("mizan/ws").toString().replaceFirst("^http", "ws"),
                        "CI", "true"),
                "it/channels.test.tsx");
        assertTrue(output.contains("3 passed"), output);
    }

    // --- the handshake and abuse ---

    @Test
    void aForeignOriginIsRefusedBeforeTheUpgrade() {
        CompletionException refused =
                assertThrows(CompletionException.class, () -> Ws.connect(http, "Origin", "https://evil.example"));
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
        assertEquals(403, handshake.getResponse().statusCode());
        try (Ws own = Ws.connect(http, "Origin", base.getProtocol() + "://" + base.getHost() + ":" + base.getPort())) {
            own.send(join("1", "chat", "{\"room\":\"public\"}"));
            own.next("joined", "1");
        }
    }

    @Test
    void aSessionNamedInTheUrlIsRefusedBeforeTheUpgradeWhereTheContainerReadsIt() {
        String path = "mizan/ws;jsessionid=0123456789abcdef";
        HttpResponse<String> plain = http.send(http.request(path).GET());
        if (plain.statusCode() == 400) { // Payara reads it; WildFly does not
            assertEquals("MIZAN-123", Http.json(plain).getString("code"));
            CompletionException refused = assertThrows(CompletionException.class, () -> Ws.connectTo(http, path));
            WebSocketHandshakeException handshake =
                    assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
            assertEquals(400, handshake.getResponse().statusCode());
        } else {
            try (Ws anonymous = Ws.connectTo(http, path)) {
                anonymous.send(join("1", "chat", "{\"room\":\"public\"}"));
                anonymous.next("joined", "1");
            }
        }
    }

    @Test
    void anOversizeFrameClosesTheSocketWith1009() {
        try (Ws ann = as("ann")) {
            ann.send("{\"op\":\"send\",\"ref\":\"1\",\"data\":\"" + "x".repeat(70_000) + "\"}");
            assertEquals(1009, ann.closeCode());
        }
        try (Ws ann = as("ann")) {
            ann.send(join("1", "chat", "{\"room\":\"public\"}"));
            ann.next("joined", "1");
        }
    }

    @Test
    void oneFrameOverTheLimitIsRefusedWithoutBeingReadWhole() {
        // over the 64 KiB limit (a browser sends a message as one frame): 1009 on every server
        assertEquals(new Http.Closed(1009, "frame over 65536 bytes"), http.webSocketFrame("mizan/ws", 70_000, 70_000));
        // far over, past Tyrus's own 4 MiB, sent whole: Tyrus refuses a frame over its buffer (twice the limit)
        // itself, with 1011; Undertow hands it on in parts, and the endpoint refuses it past the limit
        assertEquals(
                ServerNode.wildfly()
                        ? new Http.Closed(1009, "frame over 65536 bytes")
                        : new Http.Closed(1011, "Buffer overflow."),
                http.webSocketFrame("mizan/ws", 4_500_000, 4_500_000));
        if (ServerNode.wildfly()) {
            // 300 KB of 4.5 MB declared: refused once past the limit, not when (if ever) it is complete. Tyrus
            // may instead stop reading once its buffer is full, and wait: it then holds no more than the buffer
            assertEquals(
                    new Http.Closed(1009, "frame over 65536 bytes"),
                    http.webSocketFrame("mizan/ws", 4_500_000, 300_000));
        }
        try (Ws ann = as("ann")) {
            ann.send(join("1", "chat", "{\"room\":\"public\"}"));
            ann.next("joined", "1");
        }
    }

    @Test
    void repeatedBadFramesCloseTheSocketWith1008() {
        try (Ws ann = as("ann")) {
            for (int i = 0; i < 10; i++) {
                ann.send("{\"op\":\"dance\",\"ref\":\"" + i + "\"}");
            }
            assertEquals(1008, ann.closeCode());
        }
    }

    @Test
    void aStalledClientIsClosedAndDelaysNoneOfFiftyOthers() throws Exception {
        try (Socket stalled = stalledSocket("public")) {
            List<Ws> readers = new ArrayList<>();
            try {
                for (int i = 0; i < 50; i++) {
                    Ws r = anonymous();
                    readers.add(r);
                    r.send(join("r", "chat", "{\"room\":\"public\"}"));
                    r.next("joined", "r");
                }
                // a burst well within the send queue (256 frames): a reader that is still catching up keeps all
                // of it (a burst larger than the queue closes any socket that has not read it yet: 1013), and
                // the stalled socket, whose kernel buffers it overflows, is still open while the others read
                int count = 150;
                long start = System.nanoTime();
                assertEquals(
                        200,
                        http.call("flood", "{\"room\":\"public\",\"count\":" + count + ",\"size\":16000}")
                                .statusCode());
                for (Ws r : readers) {
                    JsonObject last = r.next(f -> f.getString("op").equals("message")
                            && f.getJsonObject("data").getString("author").equals("flood " + (count - 1)));
                    assertTrue(last != null);
                }
                long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                assertTrue(seconds < 30, "the others got every message in " + seconds + " s");
            } finally {
                readers.forEach(Ws::close);
            }
            // the others gone, more than the socket's queue holds: the server must give up on it
            assertEquals(
                    200,
                    http.call("flood", "{\"room\":\"public\",\"count\":1500,\"size\":16000}")
                            .statusCode());
            assertTrue(closedByServer(stalled), "the stalled socket was closed");
        }
    }

    /** A WebSocket that joins a room, then never reads again. */
    private Socket stalledSocket(String room) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096); // before connecting, so that the window stays small
        socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        OutputStream out = socket.getOutputStream();
        String path = base.getPath() + "mizan/ws";
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("no handshake answer: " + head);
            }
            head.append((char) b);
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
        writeFrame(out, join("s", "chat", "{\"room\":\"" + room + "\"}"));
        return socket;
    }

    /** A masked text frame, as a client must send it. */
    private static void writeFrame(OutputStream out, String text) throws java.io.IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        out.write(new byte[] {(byte) 0x81, (byte) (0x80 | payload.length)});
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        out.write(payload);
        out.flush();
    }

    /** Whether the server closed the connection: reading drains what was sent and ends. */
    private static boolean closedByServer(Socket socket) throws Exception {
        socket.setSoTimeout(20_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            while (in.read(buffer) >= 0) {
                // drain
            }
            return true;
        } catch (java.net.SocketException e) {
            return true; // reset by the server
        } catch (java.net.SocketTimeoutException e) {
            return false;
        }
    }
}
