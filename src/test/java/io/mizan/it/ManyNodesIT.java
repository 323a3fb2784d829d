package io.mizan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.it.channels.ChannelsApp;
import io.mizan.it.support.Deployments;
import io.mizan.it.support.Http;
import io.mizan.it.support.ServerNode;
import io.mizan.it.support.Ws;
import io.mizan.redis.RedisServer;
import jakarta.json.JsonObject;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Two servers (Payara Micro, or WildFly with -Pwildfly) with the same WAR and a real {@code redis-server}: a chat message, presence
 * and an invalidation cross from one node to the other, again after Redis is killed and restarted, and
 * a killed node's members leave presence on the other within its time to live.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManyNodesIT {

    private static final String CONTEXT = "nodes";
    private static final int TTL_SECONDS = 3;

    private static RedisServer redis;
    private static ServerNode nodeA;
    private static ServerNode nodeB;
    private static Http a;
    private static Http b;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start();
        Path dir = Path.of(System.getProperty("project.basedir"), "target", "many-nodes");
        Files.createDirectories(dir);
        Path war = dir.resolve(CONTEXT + ".war");
        Deployments.war(CONTEXT, "mizan.channels.max-messages-per-second=50\n", ChannelsApp.class)
                .addAsLibraries(Deployments.runtimeDependencies())
                .as(ZipExporter.class)
                .exportTo(war.toFile(), true);
        // configured as operators do, from the environment
        Map<String, String> env = Map.of(
                "MIZAN_CHANNELS_REDIS_URI", redis.uri(),
                "MIZAN_CHANNELS_REDIS_NODE_TTL_SECONDS", String.valueOf(TTL_SECONDS));
        nodeA = ServerNode.start("a", war, env);
        nodeB = ServerNode.start("b", war, env);
        a = new Http(nodeA.awaitReady().base(CONTEXT));
        b = new Http(nodeB.awaitReady().base(CONTEXT));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {nodeA, nodeB, redis}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // stopping anyway
            }
        }
    }

    private static Ws as(Http node, String user) {
        return Ws.connect(node, "Authorization", Http.basic(user));
    }

    private static Ws inRoom(Http node, String user, String room) {
        Ws ws = as(node, user);
        ws.send("{\"op\":\"join\",\"ref\":\"1\",\"channel\":\"chat\",\"params\":{\"room\":\"" + room + "\"}}");
        ws.next("joined", "1");
        return ws;
    }

    private static void say(Ws ws, String text) {
        ws.send("{\"op\":\"send\",\"ref\":\"1\",\"data\":{\"text\":\"" + text + "\"}}");
    }

    private static JsonObject heard(Ws ws, String text) {
        return ws.next(f -> f.getString("op").equals("message")
                && f.getJsonObject("data").getString("text").equals(text));
    }

    /** Waits for a presence diff about this user with this count. */
    private static void presenceOf(Ws ws, String user, int sockets) {
        ws.next(f ->
                (f.getString("op").equals("presence_diff") || f.getString("op").equals("presence"))
                        && f.toString().contains("{\"user\":\"" + user + "\",\"sockets\":" + sockets + "}"));
    }

    private static void messagePresenceAndInvalidationCross(String room) {
        try (Ws ann = inRoom(a, "ann", room);
                Ws sam = inRoom(b, "sam", room);
                Ws watcher = Ws.connect(b)) { // anonymous, joined to nothing
            presenceOf(sam, "ann", 1); // sam's presence state lists ann, joined on the other node
            presenceOf(ann, "sam", 1);
            say(ann, "hello from a");
            assertEquals("ann", heard(sam, "hello from a").getJsonObject("data").getString("author"));
            say(sam, "hello from b");
            heard(ann, "hello from b");

            watcher.send("{\"op\":\"join\",\"ref\":\"w\",\"channel\":\"news\",\"params\":{\"topic\":\"x\"}}");
            watcher.next("joined", "w"); // its socket is open on node b
            assertEquals(
                    200,
                    a.callAs("ann", "addNote", "{\"board\":\"" + room + "\",\"text\":\"n\"}")
                            .statusCode());
            JsonObject pushed = watcher.next("invalidate", null);
            assertTrue(pushed.getJsonArray("keys").toString().contains("notes;board=" + room), pushed.toString());
        }
    }

    @Test
    @Order(1)
    void aMessagePresenceAndAnInvalidationCrossNodes() {
        messagePresenceAndInvalidationCross("lobby");
    }

    @Test
    @Order(2)
    void afterRedisIsKilledAndRestartedAllThreeWorkAgainWithoutRestartingANode() throws Exception {
        try (Ws ann = inRoom(a, "ann", "outage");
                Ws sam = inRoom(b, "sam", "outage")) {
            presenceOf(ann, "sam", 1);
            redis.kill();
            say(ann, "during the outage");
            heard(ann, "during the outage"); // a node's own sockets keep working
            assertEquals(200, a.call("notes", "{\"board\":\"outage\"}").statusCode(), "calls keep working");
            Thread.sleep(1500);
            redis.restart(); // empty: it keeps nothing on disk

            long restarted = System.nanoTime();
            sam.next("resync", null);
            ann.next("resync", null);
            long seconds = (System.nanoTime() - restarted) / 1_000_000_000L;
            assertTrue(seconds <= 10, "back after " + seconds + " s");
            say(ann, "after the outage");
            heard(sam, "after the outage");
        }
        messagePresenceAndInvalidationCross("again");
        assertTrue(nodeA.log().contains("MIZAN-191"), "the outage is logged");
        assertTrue(nodeA.log().contains("MIZAN-192"), "and the return");
    }

    @Test
    @Order(3)
    void aKilledNodesMembersLeavePresenceOnTheOtherWithinTheTimeToLive() {
        try (Ws ann = inRoom(a, "ann", "crash")) {
            Ws sam = inRoom(b, "sam", "crash");
            presenceOf(ann, "sam", 1);
            long killed = System.nanoTime();
            nodeB.kill();
            presenceOf(ann, "sam", 0);
            double seconds = (System.nanoTime() - killed) / 1e9;
            assertTrue(seconds <= TTL_SECONDS + 2, "sam left after " + seconds + " s");
            say(ann, "still here");
            heard(ann, "still here");
        }
    }
}
