package io.mizan.inprocess.channels.abuse;

import static io.mizan.inprocess.channels.ChannelClient.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.channels.ChannelHub;
import io.mizan.inprocess.InProcess;
import io.mizan.inprocess.channels.ChannelClient;
import io.mizan.inprocess.channels.MemoryTransport;
import io.mizan.security.Caller;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Clients that misbehave or fall behind: repeated bad frames close the socket with 1008; a socket that
 * stops reading fills its bounded queue and is closed with 1013 while everyone else is served; a
 * closed socket's joins leave their groups.
 */
class AbuseTest {

    private static final String MAIN = "{\"floor\":\"main\"}";

    private InProcess.Deployment deployment;
    private ChannelHub hub;

    @BeforeEach
    void start() {
        deployment = InProcess.start(
                Map.of("mizan.channels.send-queue", "4", "mizan.channels.send-window-bytes", "4096"),
                FloorChannel.class,
                PitChannel.class);
        hub = deployment.bean(ChannelHub.class);
    }

    @AfterEach
    void stop() {
        deployment.close();
    }

    private int quote(String floor, long cents) {
        return hub.broadcast(FloorChannel.class, floor, new Quote("ACME", cents));
    }

    @Test
    void tenBadFramesInARowCloseTheSocketWith1008() {
        ChannelClient mallory = ChannelClient.open(hub, InProcess.user("mallory"));
        mallory.joinOk("1", "floor", MAIN);
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.joinOk("1", "floor", MAIN);
        for (int i = 1; i <= 9; i++) {
            mallory.frame("{not json");
        }
        assertEquals(9, mallory.take().size());
        assertNull(mallory.transport().closeCode(), "nine: still open");
        mallory.frame("{\"op\":\"join\",\"ref\":\"2\",\"channel\":\"nope\"}"); // refused counts as bad
        assertError(mallory.one(), "2", 404, "MIZAN-171");
        assertEquals(
                List.of(new MemoryTransport.Close(1008, "too many bad frames")),
                mallory.transport().closes());
        assertEquals(1, hub.openSockets());
        assertEquals(1, quote("main", 100), "its join left the group");
        assertEquals(List.of(), mallory.take());
        assertEquals("message", ann.one().getString("op"));
    }

    @Test
    void aFrameThatIsNoObjectIsAMalformedFrameAndOneThatIsNoJsonHasTheJsonCode() {
        ChannelClient mallory = ChannelClient.open(hub, InProcess.user("mallory"));
        for (String frame : new String[] {"[]", "\"x\"", "null", "1"}) {
            mallory.frame(frame);
            JsonObject refused = mallory.one();
            assertError(refused, null, 400, "MIZAN-170");
            assertEquals("A frame must be a JSON object: {\"op\": ..., \"ref\": ...}", refused.getString("detail"));
        }
        mallory.frame("{not json");
        assertError(mallory.one(), null, 400, "MIZAN-111");
    }

    @Test
    void framesRefusedForTheirRateAreAnsweredAndTheSocketStaysOpen() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        for (int i = 1; i <= 50; i++) {
            ann.joinOk("j" + i, "floor", MAIN);
            pong(ann);
        }
        for (int i = 51; i <= 80; i++) {
            ann.join("j" + i, "floor", MAIN);
            pong(ann);
            assertError(ann.one(), "j" + i, 429, "MIZAN-176");
        }
        assertNull(ann.transport().closeCode(), "a limit asks the client to slow down: no strike");
        ann.leave("j1");
        assertEquals("left", ann.one().getString("op"));
        ann.joinOk("again", "floor", MAIN);
    }

    /** Answers the last ping, as a browser does: this deployment's send window is small. */
    private static void pong(ChannelClient client) {
        List<byte[]> pings = client.transport().pings;
        if (!pings.isEmpty()) {
            client.pong(pings.get(pings.size() - 1));
        }
    }

    @Test
    void aBinaryFrameIsRefusedUnreadAndCountsAsABadFrame() {
        ChannelClient mallory = ChannelClient.open(hub, InProcess.user("mallory"));
        mallory.binary();
        JsonObject refused = mallory.one();
        assertError(refused, null, 400, "MIZAN-170");
        assertTrue(refused.getString("detail").contains("binary"), refused.toString());
        for (int i = 2; i <= 10; i++) {
            mallory.binary();
        }
        assertEquals(
                List.of(new MemoryTransport.Close(1008, "too many bad frames")),
                mallory.transport().closes());
    }

    @Test
    void aConnectionResetWithoutACloseEventIsEndedByTheHeartbeatAndLeavesItsPresence() throws InterruptedException {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.joinOk("1", "pit", MAIN);
        ChannelClient gone = ChannelClient.open(hub, InProcess.user("gone"));
        gone.joinOk("1", "pit", MAIN);
        ann.take();
        gone.transport().reset();
        hub.sweep();
        assertEquals(1, hub.openSockets(), "a connection the container knows is closed ends at once");
        assertTrue(ann.ops().contains("presence_diff"), "the others see it leave");

        ChannelClient silent = ChannelClient.open(hub, InProcess.user("silent"));
        silent.joinOk("1", "pit", MAIN);
        ann.take();
        hub.sweep(System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
        assertEquals(2, hub.openSockets(), "silent for a minute: pinged, not yet ended");
        Thread.sleep(300);
        ann.pong("h".getBytes(StandardCharsets.US_ASCII)); // a browser answers by itself
        long answered = System.nanoTime();
        hub.sweep(answered + TimeUnit.SECONDS.toNanos(75) - TimeUnit.MILLISECONDS.toNanos(150));
        assertEquals(1, hub.openSockets(), "no answer for 75 s: taken for gone");
        assertEquals(1001, silent.transport().closeCode());
        assertNull(ann.transport().closeCode(), "the one that answered stays");
        assertTrue(ann.ops().contains("presence_diff"), "and sees the silent one leave");
    }

    @Test
    void aGoodFrameForgivesTheBadOnesBefore() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i <= 9; i++) {
                ann.frame("{\"op\":\"dance\",\"ref\":\"1\"}");
            }
            assertEquals(9, ann.take().size());
            ann.joinOk("r" + round, "floor", MAIN);
        }
        assertNull(ann.transport().closeCode());
        assertEquals(1, hub.openSockets());
    }

    @Test
    void aSocketThatStopsReadingIsClosedWith1013AndTheOthersGetEverything() {
        MemoryTransport stuck = MemoryTransport.holding();
        ChannelClient slow = ChannelClient.open(hub, InProcess.user("slow"), stuck);
        slow.join("s", "floor", MAIN); // "joined" is on its way, never completed
        List<ChannelClient> others = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ChannelClient other = ChannelClient.open(hub, InProcess.user("u" + i));
            other.joinOk("1", "floor", MAIN);
            others.add(other);
        }

        List<Integer> reached = new ArrayList<>();
        for (int cents = 1; cents <= 10; cents++) {
            reached.add(quote("main", cents));
        }
        // four fit in its queue, the fifth overflows it: it is closed and leaves the group
        assertEquals(List.of(51, 51, 51, 51, 51, 50, 50, 50, 50, 50), reached);
        assertEquals(List.of(new MemoryTransport.Close(1013, "too slow")), stuck.closes());
        assertEquals(0, slow.queued(), "its queue was dropped");
        assertEquals(50, hub.openSockets());
        for (ChannelClient other : others) {
            List<JsonObject> frames = other.take();
            assertEquals(10, frames.size());
            for (int i = 0; i < 10; i++) {
                assertEquals("message", frames.get(i).getString("op"));
                assertEquals(i + 1, frames.get(i).getJsonObject("data").getInt("cents"), "in order");
            }
            assertNull(other.transport().closeCode());
        }

        stuck.release(); // it reads again, too late: nothing more is sent to it
        assertEquals(1, stuck.sent().size());
        assertEquals("joined", slow.all().get(0).getString("op"));
        assertEquals(1, stuck.closes().size());
    }

    @Test
    void aSocketThatCatchesUpInTimeStaysOpenAndGetsEverythingInOrder() {
        MemoryTransport lagging = MemoryTransport.holding();
        ChannelClient slow = ChannelClient.open(hub, InProcess.user("slow"), lagging);
        slow.join("s", "floor", MAIN);
        for (int cents = 1; cents <= 4; cents++) {
            quote("main", cents);
        }
        assertEquals(4, slow.queued());
        assertEquals(1, lagging.pending());
        lagging.release();
        assertEquals(0, slow.queued());
        assertNull(lagging.closeCode());
        List<JsonObject> frames = slow.take();
        assertEquals(List.of("joined", "message", "message", "message", "message"), ops(frames));
        assertEquals(4, frames.get(4).getJsonObject("data").getInt("cents"));
    }

    @Test
    void aSlowMemberDroppedFromAPresenceGroupLeavesItsPresence() {
        MemoryTransport stuck = MemoryTransport.holding();
        ChannelClient slow = ChannelClient.open(hub, InProcess.user("slow"), stuck);
        slow.join("s", "pit", MAIN); // joined (held), presence (queued: 1)
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.join("a", "pit", MAIN); // a diff for slow (queued: 2)
        assertEquals(List.of("joined", "presence"), ann.ops());
        hub.broadcast(PitChannel.class, "main", new Quote("ACME", 1)); // queued: 3
        hub.broadcast(PitChannel.class, "main", new Quote("ACME", 2)); // queued: 4
        assertNull(stuck.closeCode());
        hub.broadcast(PitChannel.class, "main", new Quote("ACME", 3)); // overflow
        assertEquals(1013, stuck.closeCode());

        // whether ann hears of the third quote before or after slow's leave depends on the order of the
        // group's members; ann gets both
        List<JsonObject> frames = ann.take();
        assertEquals(
                List.of("message", "message", "message", "presence_diff"),
                ops(frames).stream().sorted().toList());
        assertEquals(
                List.of(1, 2, 3),
                frames.stream()
                        .filter(f -> f.getString("op").equals("message"))
                        .map(f -> f.getJsonObject("data").getInt("cents"))
                        .toList());
        JsonObject diff = frames.stream()
                .filter(f -> f.getString("op").equals("presence_diff"))
                .findFirst()
                .orElseThrow();
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, diff.getJsonArray("joins"));
        JsonObject left = diff.getJsonArray("leaves").getJsonObject(0);
        assertEquals("slow", left.getString("user"));
        assertEquals(0, left.getInt("sockets"));
    }

    @Test
    void aClosedSocketsJoinsLeaveTheirGroups() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.joinOk("1", "floor", MAIN);
        ann.joinOk("2", "floor", "{\"floor\":\"annex\"}");
        ChannelClient bob = ChannelClient.open(hub, Caller.ANONYMOUS);
        bob.joinOk("1", "floor", MAIN);
        assertEquals(2, hub.openSockets());

        ann.closed();
        assertEquals(1, hub.openSockets());
        assertEquals(1, quote("main", 5), "only bob");
        assertEquals(0, quote("annex", 5), "nobody is left in the annex");
        assertEquals(List.of(), ann.take());
        assertEquals(List.of("message"), bob.ops());

        ann.closed(); // the endpoint may report a close twice
        assertEquals(1, hub.openSockets());
    }

    @Test
    void framesOfASocketTheHubClosedAreIgnored() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.joinOk("a", "pit", MAIN);
        ChannelClient mallory = ChannelClient.open(hub, InProcess.user("mallory"));
        for (int i = 1; i <= 10; i++) {
            mallory.frame("{not json");
        }
        assertEquals(1008, mallory.transport().closeCode());
        ann.take();

        // a frame the container had read before the close, delivered after it
        mallory.join("m", "pit", MAIN);
        assertEquals(List.of(), ann.take(), "no presence_diff for a closed socket");
        assertEquals(1, hub.broadcast(PitChannel.class, "main", new Quote("ACME", 1)), "ann alone");
        mallory.closed(); // the endpoint's close event: the hub forgot this socket already
        ChannelClient bob = ChannelClient.open(hub, InProcess.user("bob"));
        bob.join("b", "pit", MAIN);
        List<JsonObject> frames = bob.take();
        assertEquals(2, frames.get(1).getJsonArray("members").size(), () -> "ann and bob only: " + frames);
    }

    @Test
    void aTransportThatThrowsDoesNotStopABroadcast() {
        List<ChannelClient> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ChannelClient member = ChannelClient.open(hub, InProcess.user("u" + i));
            member.joinOk("1", "floor", MAIN);
            members.add(member);
        }
        boolean[] broken = {false};
        hub.open(
                        new io.mizan.channels.SocketTransport() {
                            @Override
                            public void send(String text, java.util.function.Consumer<Throwable> done) {
                                if (broken[0]) {
                                    throw new IllegalStateException("the session is closed");
                                }
                                done.accept(null);
                            }

                            @Override
                            public boolean ping(byte[] payload) {
                                return true;
                            }

                            @Override
                            public void close(int code, String reason) {}
                        },
                        InProcess.user("gone"))
                .receive("{\"op\":\"join\",\"ref\":\"1\",\"channel\":\"floor\",\"params\":" + MAIN + "}");
        broken[0] = true;

        quote("main", 1); // must not throw
        for (ChannelClient member : members) {
            assertEquals(List.of("message"), member.ops());
        }
    }

    @Test
    void aClientThatAnswersPingsGetsEverythingHowevermuchIsSent() {
        ChannelClient reader = ChannelClient.open(hub, InProcess.user("ann"));
        reader.joinOk("1", "floor", MAIN);
        int answered = 0;
        for (int i = 0; i < 500; i++) {
            quote("main", i);
            while (answered < reader.transport().pings.size()) {
                reader.pong(reader.transport().pings.get(answered++));
            }
        }
        assertTrue(answered >= 1, "more than the window was sent, so the client was asked");
        assertEquals(List.of(), reader.transport().closes());
        assertEquals(500, reader.take().size());
    }

    @Test
    void aClientWhoseBuffersTakeEverythingButThatNeverAnswersIsClosedWith1013() {
        // a container that reports every send done at once (Tyrus buffers without limit)
        ChannelClient deaf = ChannelClient.open(hub, InProcess.user("deaf"));
        deaf.joinOk("1", "floor", MAIN);
        ChannelClient reader = ChannelClient.open(hub, InProcess.user("ann"));
        reader.joinOk("1", "floor", MAIN);
        int answered = 0;
        for (int i = 0; i < 500; i++) {
            quote("main", i);
            while (answered < reader.transport().pings.size()) {
                reader.pong(reader.transport().pings.get(answered++));
            }
        }
        assertEquals(1, deaf.transport().pings.size(), "asked once, never answered");
        assertEquals(1013, deaf.transport().closeCode());
        assertTrue(deaf.take().size() < 500, "sending stopped at the window");
        assertEquals(500, reader.take().size(), "the reader got everything");
    }

    @Test
    void aLatePongForAnOldPingReleasesNothing() {
        ChannelClient reader = ChannelClient.open(hub, InProcess.user("ann"));
        reader.joinOk("1", "floor", MAIN);
        reader.pong("42".getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // unasked
        for (int i = 0; i < 500 && reader.transport().pings.isEmpty(); i++) {
            quote("main", i);
        }
        int sent = reader.take().size();
        quote("main", 1);
        assertEquals(0, reader.take().size(), "held until the pong");
        reader.pong("0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(0, reader.take().size(), "a wrong payload releases nothing");
        reader.pong(reader.transport().pings.get(0));
        assertEquals(1, reader.take().size(), "the right one does");
        assertTrue(sent > 10, "a window's worth was sent first: " + sent);
    }

    private static List<String> ops(List<JsonObject> frames) {
        return frames.stream().map(f -> f.getString("op")).toList();
    }
}
