package io.mizan.inprocess.channels.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.cdi.BeanReferences;
import io.mizan.channels.ChannelHub;
import io.mizan.channels.NodeRelay;
import io.mizan.config.MizanSettings;
import io.mizan.inprocess.InProcess;
import io.mizan.inprocess.channels.ChannelClient;
import io.mizan.inprocess.channels.live.Boards;
import io.mizan.inprocess.channels.messages.ChatChannel;
import io.mizan.inprocess.channels.messages.ChatMessage;
import io.mizan.inprocess.channels.presence.LobbyChannel;
import io.mizan.invoke.Invoker;
import io.mizan.json.ArgumentBinder;
import io.mizan.json.ResultEncoder;
import io.mizan.security.AccessPolicy;
import io.mizan.security.Caller;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hub with other nodes behind a relay, stood in for by one that records what this node tells it and
 * lets the test speak for the others: broadcasts, invalidations and this node's presence changes go to
 * the relay; the others' broadcasts, invalidations and presence reach this node's sockets, and after a
 * gap every socket is told to resync and this node's presence can be told again.
 */
class OtherNodesTest {

    /** A relay that records what this node tells it; {@link #others} speaks for the other nodes. */
    static final class Recorded implements NodeRelay {
        final List<String> told = new ArrayList<>();
        final Map<String, Integer> remote = new HashMap<>();
        NodeRelay.Local others;
        boolean closed;

        @Override
        public void start(Local local) {
            others = local;
        }

        @Override
        public void message(String channel, String group, String dataJson) {
            told.add("message " + channel + " " + group + " " + dataJson);
        }

        @Override
        public void invalidation(List<String> keys) {
            told.add("invalidation " + keys);
        }

        @Override
        public void presence(String channel, String group, String user, int sockets) {
            told.add("presence " + channel + " " + group + " " + user + " " + sockets);
        }

        @Override
        public Map<String, Integer> remotePresence(String channel, String group) {
            told.add("asked " + channel + " " + group);
            return remote;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    InProcess.Deployment deployment;
    final Recorded relay = new Recorded();
    ChannelHub hub;

    @BeforeEach
    void start() {
        deployment = InProcess.start(ChatChannel.class, LobbyChannel.class, Boards.class);
        hub = new ChannelHub(
                deployment.bean(Invoker.class),
                deployment.bean(ArgumentBinder.class),
                deployment.bean(ResultEncoder.class),
                deployment.bean(BeanReferences.class),
                deployment.bean(AccessPolicy.class),
                deployment.bean(MizanSettings.class).channels(),
                relay);
    }

    @AfterEach
    void stop() {
        hub.close();
        deployment.close();
    }

    @Test
    void aBroadcastReachesThisNodesMembersAndTheOtherNodes() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.joinOk("1", "chat", "{\"room\":\"a\"}");

        assertEquals(1, hub.broadcast(ChatChannel.class, "chat_a", new ChatMessage("hi", "ann")));

        assertEquals(List.of("message"), ann.ops());
        assertEquals(List.of("message chat chat_a {\"author\":\"ann\",\"text\":\"hi\"}"), relay.told);
    }

    @Test
    void anotherNodesBroadcastReachesTheGroupHere() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.joinOk("1", "chat", "{\"room\":\"a\"}");

        relay.others.message("chat", "chat_a", "{\"text\":\"from afar\"}");
        relay.others.message("chat", "chat_b", "{\"text\":\"elsewhere\"}");

        JsonObject frame = ann.one();
        assertEquals("message", frame.getString("op"));
        assertEquals("from afar", frame.getJsonObject("data").getString("text"));
    }

    @Test
    void invalidationsGoBothWays() {
        ChannelClient ann = ChannelClient.open(hub, Caller.ANONYMOUS);

        hub.invalidate(List.of("notes;[\"b\"]"));
        hub.invalidate(List.of());
        assertEquals(List.of("invalidation [notes;[\"b\"]]"), relay.told, "an empty list is not relayed");
        assertEquals(List.of("invalidate"), ann.ops());

        relay.others.invalidation(List.of("notes;[\"c\"]", "inbox"));
        JsonObject frame = ann.one();
        assertEquals("[\"notes;[\\\"c\\\"]\"]", frame.getJsonArray("keys").toString(), "inbox is not nobody's");
    }

    @Test
    void aFirstJoinReadsWhoIsThereOnOtherNodesAndTellsThemOfItsUser() {
        relay.remote.put("bob", 2);
        relay.remote.put(null, 1);
        relay.remote.put("gone", 0);
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));

        ann.join("1", "lobby", "{\"place\":\"hall\"}");

        List<JsonObject> frames = ann.take();
        assertEquals("joined", frames.get(0).getString("op"));
        assertEquals(
                "[{\"user\":\"ann\",\"sockets\":1},{\"user\":\"bob\",\"sockets\":2},{\"user\":null,\"sockets\":1}]",
                frames.get(1).getJsonArray("members").toString());
        assertEquals(List.of("asked lobby hall", "presence lobby hall ann 1"), relay.told);

        ChannelClient ann2 = ChannelClient.open(hub, InProcess.user("ann"));
        ann2.join("1", "lobby", "{\"place\":\"hall\"}");
        assertEquals(
                List.of("asked lobby hall", "presence lobby hall ann 1", "presence lobby hall ann 2"),
                relay.told,
                "the relay is asked only for the group's first join");

        ann2.leave("1");
        ann.closed();
        assertEquals("presence lobby hall ann 0", relay.told.get(relay.told.size() - 1));
    }

    @Test
    void anotherNodesPresenceChangesReachTheGroupHere() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.joinOk("1", "lobby", "{\"place\":\"hall\"}");
        ann.take();

        relay.others.remotePresence("lobby", "hall", "bob", 2);
        JsonObject joined = ann.one();
        assertEquals("presence_diff", joined.getString("op"));
        assertEquals(
                "[{\"user\":\"bob\",\"sockets\":2}]",
                joined.getJsonArray("joins").toString());
        assertEquals("[]", joined.getJsonArray("leaves").toString());

        relay.others.remotePresence("lobby", "hall", "bob", 2);
        assertEquals(List.of(), ann.take(), "no change, no frame");

        relay.others.remotePresence("lobby", "hall", "bob", 1);
        JsonObject fewer = ann.one();
        assertEquals("[]", fewer.getJsonArray("joins").toString());
        assertEquals(
                "[{\"user\":\"bob\",\"sockets\":1}]",
                fewer.getJsonArray("leaves").toString());

        relay.others.remotePresence("lobby", "hall", "ann", 1);
        JsonObject more = ann.one();
        assertEquals(
                "[{\"user\":\"ann\",\"sockets\":2}]", more.getJsonArray("joins").toString());

        relay.others.remotePresence("lobby", "elsewhere", "bob", 1);
        assertEquals(List.of(), ann.take(), "a group without a member here hears nothing");
    }

    @Test
    void afterAGapEverySocketResyncsAndThisNodesPresenceIsToldAgain() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ChannelClient nobody = ChannelClient.open(hub, Caller.ANONYMOUS);
        ann.joinOk("1", "lobby", "{\"place\":\"hall\"}");
        nobody.joinOk("1", "lobby", "{\"place\":\"hall\"}");
        ann.take();
        nobody.take();

        relay.others.resync();
        List<String> again = new ArrayList<>();
        relay.others.forEachPresence(
                (channel, group, user, sockets) -> again.add(channel + " " + group + " " + user + " " + sockets));

        assertEquals("{\"op\":\"resync\"}", ann.one().toString());
        assertEquals("{\"op\":\"resync\"}", nobody.one().toString());
        assertEquals(
                List.of("lobby hall ann 1", "lobby hall null 1"),
                again.stream().sorted().toList());
    }

    @Test
    void closingTheHubStopsTheRelay() {
        hub.close();

        assertTrue(relay.closed);
    }
}
