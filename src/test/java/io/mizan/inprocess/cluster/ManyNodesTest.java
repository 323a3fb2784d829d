package io.mizan.inprocess.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.mizan.channels.ChannelHub;
import io.mizan.inprocess.InProcess;
import io.mizan.inprocess.channels.ChannelClient;
import io.mizan.invoke.Entry;
import io.mizan.redis.RedisServer;
import io.mizan.redis.TcpProxy;
import io.mizan.security.Caller;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * Two nodes of one application in this JVM and a real {@code redis-server}: a message, presence and
 * an invalidation made on one node reach the sockets of the other, and keep doing so after Redis
 * restarts, after one node's route to it drops packets, and after a node stops.
 */
class ManyNodesTest {

    private static final String LOBBY = "{\"room\":\"lobby\"}";
    private static final String HALL = "{\"place\":\"hall\"}";

    private static RedisServer redis;
    private Nodes nodes;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void cluster() {
        nodes = new Nodes();
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    private static ChannelClient chatter(ChannelHub node, String user) {
        ChannelClient client = ChannelClient.open(node, InProcess.user(user));
        client.joinOk("1", "chat", LOBBY);
        return client;
    }

    private static String text(JsonObject message) {
        return message.getJsonObject("data").getString("text");
    }

    @Test
    void aChatMessageSentOnOneNodeReachesTheOtherInOrder() {
        ChannelHub a = nodes.start(redis.uri());
        ChannelHub b = nodes.start(redis.uri());
        ChannelClient ann = chatter(a, "ann");
        ChannelClient bob = chatter(b, "bob");

        ann.send("1", "{\"text\":\"hello\"}");
        JsonObject heard = bob.await("message");
        assertEquals("hello", text(heard));
        assertEquals("ann", heard.getJsonObject("data").getString("author"));
        assertEquals("hello", text(ann.await("message")), "the sender's own node delivers it too");

        bob.send("1", "{\"text\":\"hi ann\"}");
        assertEquals("hi ann", text(ann.await("message")));
        assertEquals("hi ann", text(bob.await("message")));

        for (int i = 0; i < 15; i++) { // under the socket's limit of 20 a second
            ann.send("1", "{\"text\":\"" + i + "\"}");
        }
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            order.add(text(bob.await("message")));
        }
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"), order);
    }

    @Test
    void presenceCountsTheMembersOfEveryNode() {
        ChannelHub a = nodes.start(redis.uri());
        ChannelHub b = nodes.start(redis.uri());
        ChannelClient ann = ChannelClient.open(a, InProcess.user("ann"));
        ann.join("1", "lobby", HALL);
        PresenceView annSees = new PresenceView(ann);
        annSees.awaitMembers("ann:1");

        ChannelClient bob = ChannelClient.open(b, InProcess.user("bob"));
        bob.join("1", "lobby", HALL);
        PresenceView bobSees = new PresenceView(bob);
        bobSees.awaitMembers("ann:1", "bob:1");
        annSees.awaitMembers("ann:1", "bob:1");

        ChannelClient annOnB = ChannelClient.open(b, InProcess.user("ann"));
        annOnB.join("1", "lobby", HALL);
        annSees.awaitMembers("ann:2", "bob:1");
        bobSees.awaitMembers("ann:2", "bob:1");

        ChannelClient guest = ChannelClient.open(a, Caller.ANONYMOUS);
        guest.join("g", "lobby", HALL);
        bobSees.awaitMembers("ann:2", "bob:1", "null:1");

        ann.closed();
        guest.closed();
        bobSees.awaitMembers("ann:1", "bob:1");
        annOnB.leave("1");
        bobSees.awaitMembers("bob:1");

        ChannelClient cy = ChannelClient.open(a, InProcess.user("cy"));
        cy.join("1", "lobby", "{\"place\":\"garden\"}");
        new PresenceView(cy).awaitMembers("cy:1");
    }

    @Test
    void aCallOnOneNodePushesItsKeysToSocketsOnTheOther() throws Exception {
        InProcess.Deployment a = nodes.deploy(redis.uri());
        ChannelHub b = nodes.start(redis.uri());
        ChannelClient sam = ChannelClient.open(b, InProcess.user("sam", "staff")); // joined to nothing
        ChannelClient nobody = ChannelClient.open(b, Caller.ANONYMOUS);

        a.call("addNote", InProcess.user("ann"), Entry.CLIENT, "{\"board\":\"general\",\"text\":\"hi\"}");
        assertEquals(List.of("notes;board=general"), keys(sam.await("invalidate")));
        assertEquals(List.of("notes;board=general"), keys(nobody.await("invalidate")));
    }

    @Test
    void aNodeWithoutSocketsOfItsOwnStillTellsTheOthersOfItsInvalidations() throws Exception {
        InProcess.Deployment worker = nodes.deploy(redis.uri(), java.util.Map.of("mizan.channels.enabled", "false"));
        ChannelHub web = nodes.start(redis.uri());
        ChannelClient page = ChannelClient.open(web, Caller.ANONYMOUS);
        worker.call("addNote", InProcess.user("ann"), Entry.CLIENT, "{\"board\":\"general\",\"text\":\"batch\"}");
        assertEquals(List.of("notes;board=general"), keys(page.await("invalidate")));
    }

    private static List<String> keys(JsonObject frame) {
        return frame.getJsonArray("keys").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    @Test
    void afterRedisRestartsEverythingWorksAgainAndPagesResync() throws Exception {
        InProcess.Deployment nodeA = nodes.deploy(redis.uri());
        ChannelHub a = nodeA.bean(ChannelHub.class);
        ChannelHub b = nodes.start(redis.uri());
        ChannelClient ann = chatter(a, "ann");
        ChannelClient bob = chatter(b, "bob");
        ChannelClient annInLobby = ChannelClient.open(a, InProcess.user("ann"));
        annInLobby.join("1", "lobby", HALL);
        new PresenceView(annInLobby).awaitMembers("ann:1");

        redis.kill();
        ann.send("1", "{\"text\":\"while Redis is away\"}");
        assertEquals("while Redis is away", text(ann.await("message")), "a node's own sockets keep working");
        Thread.sleep(1000);
        redis.restart(); // empty: it keeps nothing on disk

        bob.await("resync");
        ann.await("resync");
        // Redis lost every node's presence; each node told its own again when it came back
        ChannelClient bobInLobby = ChannelClient.open(b, InProcess.user("bob"));
        bobInLobby.join("1", "lobby", HALL);
        new PresenceView(bobInLobby).awaitMembers("ann:1", "bob:1");

        ann.send("1", "{\"text\":\"back\"}");
        assertEquals("back", text(bob.await("message")));
        nodeA.call("addNote", InProcess.user("ann"), Entry.CLIENT, "{\"board\":\"general\",\"text\":\"hi\"}");
        assertEquals(List.of("notes;board=general"), keys(bob.await("invalidate")));
    }

    @Test
    void whenRedisRestartsEmptyNoNodeSeesTheOthersMembersLeaveAndComeBack() throws Exception {
        ChannelHub a = nodes.start(redis.uri());
        ChannelHub b = nodes.start(redis.uri());
        ChannelClient ann = ChannelClient.open(a, InProcess.user("ann"));
        ann.join("1", "lobby", HALL);
        ChannelClient bob = ChannelClient.open(b, InProcess.user("bob"));
        bob.join("1", "lobby", HALL);
        ChannelClient cy = ChannelClient.open(b, InProcess.user("cy"));
        cy.join("1", "lobby", HALL);
        PresenceView annSees = new PresenceView(ann);
        PresenceView bobSees = new PresenceView(bob);
        annSees.awaitMembers("ann:1", "bob:1", "cy:1");
        bobSees.awaitMembers("ann:1", "bob:1", "cy:1");
        int annSawBefore = annSees.seen().size();
        int bobSawBefore = bobSees.seen().size();

        redis.kill();
        cy.closed(); // leaves while Redis is away: no node but b hears of it then
        Thread.sleep(500);
        redis.restart(); // empty: whichever node is back first finds nothing of the other's
        annSees.awaitOp("resync");
        bobSees.awaitOp("resync");
        annSees.watch(Nodes.TTL_SECONDS * 2000L);
        bobSees.watch(100);

        annSees.awaitMembers("ann:1", "bob:1");
        bobSees.awaitMembers("ann:1", "bob:1");
        List<List<String>> annSaw =
                annSees.seen().subList(annSawBefore, annSees.seen().size());
        List<List<String>> bobSaw =
                bobSees.seen().subList(bobSawBefore, bobSees.seen().size());
        assertTrue(annSaw.stream().allMatch(m -> m.contains("bob:1")), "bob never left, as ann saw it: " + annSaw);
        assertTrue(bobSaw.stream().allMatch(m -> m.contains("ann:1")), "ann never left, as bob saw it: " + bobSaw);
    }

    /** Ann on a node of her own and bob on {@code nodeB}, in the hall: what ann sees, once she sees both. */
    private PresenceView annSeesBobOn(InProcess.Deployment nodeB) {
        ChannelClient ann = ChannelClient.open(nodes.start(redis.uri()), InProcess.user("ann"));
        ann.join("1", "lobby", HALL);
        PresenceView annSees = new PresenceView(ann);
        ChannelClient bob = ChannelClient.open(nodeB.bean(ChannelHub.class), InProcess.user("bob"));
        bob.join("1", "lobby", HALL);
        annSees.awaitMembers("ann:1", "bob:1");
        return annSees;
    }

    @Test
    void aNodeThatStopsWhileRedisIsAwayLeavesPresenceWithinItsTimeToLiveOfRedisComingBack() throws Exception {
        InProcess.Deployment nodeB = nodes.deploy(redis.uri());
        PresenceView annSees = annSeesBobOn(nodeB);

        redis.kill();
        nodeB.close(); // cannot say so: nothing to tell it through
        redis.restart();
        annSees.awaitOp("resync");
        long back = System.nanoTime();
        annSees.awaitMembers("ann:1");
        long seconds = (System.nanoTime() - back) / 1_000_000_000L;
        assertTrue(seconds <= Nodes.TTL_SECONDS + 2, "gone after " + seconds + " s");
    }

    @Test
    void aNodeThatStopsAnsweringLeavesPresenceWithinItsTimeToLiveAndComesBack() {
        try (TcpProxy route = new TcpProxy(redis.port())) {
            ChannelHub a = nodes.start(redis.uri());
            ChannelHub b = nodes.start("redis://127.0.0.1:" + route.port());
            ChannelClient ann = ChannelClient.open(a, InProcess.user("ann"));
            ann.join("1", "lobby", HALL);
            PresenceView annSees = new PresenceView(ann);
            ChannelClient bob = ChannelClient.open(b, InProcess.user("bob"));
            bob.join("1", "lobby", HALL);
            annSees.awaitMembers("ann:1", "bob:1");

            route.stall(); // packets dropped, nothing closed: only the time to live tells
            long stalled = System.nanoTime();
            annSees.awaitMembers("ann:1");
            long seconds = (System.nanoTime() - stalled) / 1_000_000_000L;
            assertTrue(seconds <= Nodes.TTL_SECONDS + 2, "gone after " + seconds + " s");

            route.restore();
            annSees.awaitMembers("ann:1", "bob:1");
            bob.await("resync");
            ann.send("1", "{\"text\":\"hi\"}"); // ann never joined the chat here: refused, but harmless
            ChannelClient cy = chatter(a, "cy");
            ChannelClient dee = chatter(b, "dee");
            cy.send("1", "{\"text\":\"still there?\"}");
            assertEquals("still there?", text(dee.await("message")));
        }
    }

    @Test
    void aNodePausedPastItsTimeToLiveWithRedisUpIsAnnouncedAgainAndItsPagesResync() {
        ChannelHub a = nodes.start(redis.uri());
        ChannelClient ann = ChannelClient.open(a, InProcess.user("ann"));
        ann.join("1", "lobby", HALL);
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> redisOfTest = client.connect()) {
            List<String> keys = redisOfTest.sync().keys("*:node:*");
            assertEquals(1, keys.size(), keys.toString()); // a's alone, as b is not started yet
            ChannelClient bob = ChannelClient.open(nodes.start(redis.uri()), InProcess.user("bob"));
            bob.join("1", "lobby", HALL);
            PresenceView bobSees = new PresenceView(bob);
            bobSees.awaitMembers("ann:1", "bob:1");

            // a's key expires while a is paused (a long GC pause) and its connection stays up: the
            // others drop a's members; a, running again, must find out and tell them again
            redisOfTest.sync().del(keys.get(0));
            ann.await("resync");
            bobSees.awaitMembers("ann:1", "bob:1");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aNodeThatStopsLeavesPresenceAtOnce() {
        InProcess.Deployment nodeB = nodes.deploy(redis.uri());
        PresenceView annSees = annSeesBobOn(nodeB);

        long t0 = System.nanoTime();
        nodeB.close();
        annSees.awaitMembers("ann:1");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < Nodes.TTL_SECONDS * 1000L, "told, not expired: " + millis + " ms");
    }
}
