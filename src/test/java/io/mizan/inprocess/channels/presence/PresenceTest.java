package io.mizan.inprocess.channels.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.channels.ChannelHub;
import io.mizan.inprocess.InProcess;
import io.mizan.inprocess.channels.ChannelClient;
import io.mizan.security.Caller;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Presence: a joiner is told everyone in its group (each user with its number of sockets, anonymous
 * sockets together under {@code null}, sorted), and the others are told what changed.
 */
class PresenceTest {

    private static final String HALL = "{\"place\":\"hall\"}";

    private InProcess.Deployment deployment;
    private ChannelHub hub;

    @BeforeEach
    void start() {
        deployment = InProcess.start(LobbyChannel.class, QuietChannel.class);
        hub = deployment.bean(ChannelHub.class);
    }

    @AfterEach
    void stop() {
        deployment.close();
    }

    /** Members as text, {@code user:sockets} in order, {@code null} for anonymous. */
    private static List<String> members(JsonArray members) {
        return members.stream()
                .map(JsonValue::asJsonObject)
                .map(m -> (m.isNull("user") ? "null" : m.getString("user")) + ":" + m.getInt("sockets"))
                .toList();
    }

    private ChannelClient joined(String ref, Caller caller) {
        ChannelClient client = ChannelClient.open(hub, caller);
        client.join(ref, "lobby", HALL);
        List<JsonObject> frames = client.take();
        assertEquals(List.of("joined", "presence"), ops(frames), frames::toString);
        return client;
    }

    private static JsonObject diff(ChannelClient client, String ref, List<String> joins, List<String> leaves) {
        JsonObject diff = client.one();
        assertEquals("presence_diff", diff.getString("op"), diff::toString);
        assertEquals(ref, diff.getString("ref"));
        assertEquals(joins, members(diff.getJsonArray("joins")), diff::toString);
        assertEquals(leaves, members(diff.getJsonArray("leaves")), diff::toString);
        return diff;
    }

    @Test
    void theJoinerIsToldEveryMemberSortedWithAnonymousTogetherLast() {
        joined("1", Caller.ANONYMOUS);
        joined("1", InProcess.user("bob"));
        joined("1", Caller.ANONYMOUS);
        joined("1", InProcess.user("ann"));

        ChannelClient carol = ChannelClient.open(hub, InProcess.user("carol"));
        carol.join("c", "lobby", HALL);
        List<JsonObject> frames = carol.take();
        assertEquals(List.of("joined", "presence"), ops(frames));
        JsonObject presence = frames.get(1);
        assertEquals("c", presence.getString("ref"));
        assertEquals(List.of("ann:1", "bob:1", "carol:1", "null:2"), members(presence.getJsonArray("members")));
        assertEquals(
                JsonValue.NULL,
                presence.getJsonArray("members").getJsonObject(3).get("user"),
                "null, not absent");
    }

    @Test
    void theOthersAreToldWhoJoinedWithTheNewCount() {
        ChannelClient ann = joined("a", InProcess.user("ann"));
        ChannelClient bob = joined("b", InProcess.user("bob"));
        diff(ann, "a", List.of("bob:1"), List.of());
        assertEquals(List.of(), bob.take(), "a joiner is not told of itself in a diff");

        joined("1", Caller.ANONYMOUS);
        diff(ann, "a", List.of("null:1"), List.of());
        diff(bob, "b", List.of("null:1"), List.of());
        joined("1", Caller.ANONYMOUS);
        diff(ann, "a", List.of("null:2"), List.of());
        diff(bob, "b", List.of("null:2"), List.of());
    }

    @Test
    void aSecondSocketOfAUserRaisesItsCountAndLeavingLowersIt() {
        ChannelClient ann = joined("a", InProcess.user("ann"));
        ChannelClient bob = joined("b", InProcess.user("bob"));
        ann.take();

        ChannelClient bobAgain = ChannelClient.open(hub, InProcess.user("bob"));
        bobAgain.join("b2", "lobby", HALL);
        JsonObject presence = bobAgain.take().get(1);
        assertEquals(List.of("ann:1", "bob:2"), members(presence.getJsonArray("members")));
        diff(ann, "a", List.of("bob:2"), List.of());
        diff(bob, "b", List.of("bob:2"), List.of());

        bobAgain.leave("b2");
        assertEquals(List.of("left"), bobAgain.ops(), "the leaver is told it left, no diff");
        diff(ann, "a", List.of(), List.of("bob:1"));
        diff(bob, "b", List.of(), List.of("bob:1"));

        bob.closed();
        diff(ann, "a", List.of(), List.of("bob:0"));
        assertEquals(List.of(), bob.take(), "a closed socket hears nothing more");
        assertEquals(List.of(), bobAgain.take(), "it left the group");

        ChannelClient carol = ChannelClient.open(hub, InProcess.user("carol"));
        carol.join("c", "lobby", HALL);
        assertEquals(List.of("ann:1", "carol:1"), members(carol.take().get(1).getJsonArray("members")));
    }

    @Test
    void oneSocketJoinedTwiceCountsOnce() {
        ChannelClient ann = joined("a", InProcess.user("ann"));
        ChannelClient bob = joined("b1", InProcess.user("bob"));
        ann.take();

        bob.join("b2", "lobby", HALL);
        List<JsonObject> frames = bob.take();
        assertEquals(List.of("joined", "presence"), ops(frames));
        assertEquals(List.of("ann:1", "bob:1"), members(frames.get(1).getJsonArray("members")));
        assertEquals(List.of(), ann.take(), "bob's count did not change");

        bob.leave("b1");
        assertEquals(List.of("left"), bob.ops());
        assertEquals(List.of(), ann.take(), "bob is still there on b2");
        bob.leave("b2");
        assertEquals(List.of("left"), bob.ops());
        diff(ann, "a", List.of(), List.of("bob:0"));
    }

    @Test
    void groupsAreToldOnlyOfTheirOwnMembers() {
        ChannelClient ann = joined("a", InProcess.user("ann"));
        ChannelClient bob = ChannelClient.open(hub, InProcess.user("bob"));
        bob.join("b", "lobby", "{\"place\":\"garden\"}");
        List<JsonObject> frames = bob.take();
        assertEquals(List.of("bob:1"), members(frames.get(1).getJsonArray("members")));
        assertEquals(List.of(), ann.take());
        bob.closed();
        assertEquals(List.of(), ann.take());
    }

    @Test
    void aChannelWithoutPresenceSendsNone() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.join("a", "quiet", HALL);
        assertEquals(List.of("joined"), ann.ops());
        ChannelClient bob = ChannelClient.open(hub, InProcess.user("bob"));
        bob.join("b", "quiet", HALL);
        assertEquals(List.of("joined"), bob.ops());
        ChannelClient lobby = joined("l", InProcess.user("carol")); // the same group name with presence
        bob.leave("b");
        assertEquals(List.of("left"), bob.ops());
        bob.closed();
        assertEquals(List.of(), ann.take());
        assertEquals(List.of(), lobby.take());
    }

    private static List<String> ops(List<JsonObject> frames) {
        return frames.stream().map(f -> f.getString("op")).toList();
    }
}
