package io.mizan.inprocess.channels.messages;

import static io.mizan.inprocess.channels.ChannelClient.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Broadcaster;
import io.mizan.channels.ChannelHub;
import io.mizan.inprocess.InProcess;
import io.mizan.inprocess.channels.ChannelClient;
import io.mizan.invoke.Entry;
import io.mizan.security.Caller;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * Messages both ways: what a client sends is validated and handed to the handler, which relays it to
 * its group through the broadcaster; what server code sends reaches the group's members and nobody else.
 */
class MessagesTest {

    private InProcess.Deployment deployment;
    private ChannelHub hub;
    private ChannelClient ann;
    private ChannelClient bob;
    private ChannelClient carol;
    private ChannelClient dave;

    @BeforeEach
    void start() {
        deployment = InProcess.start(
                Map.of("mizan.channels.max-messages-per-second", "3"),
                ChatChannel.class,
                TickerChannel.class,
                Announcements.class);
        hub = deployment.bean(ChannelHub.class);
        ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.joinOk("1", "chat", "{\"room\":\"lobby\"}");
        bob = ChannelClient.open(hub, InProcess.user("bob"));
        bob.joinOk("a", "chat", "{\"room\":\"lobby\"}");
        carol = ChannelClient.open(hub, InProcess.user("carol"));
        carol.joinOk("1", "chat", "{\"room\":\"kitchen\"}");
        dave = ChannelClient.open(hub, Caller.ANONYMOUS);
        dave.joinOk("t", "ticker", "{\"room\":\"lobby\"}"); // the same group name, another channel
    }

    @AfterEach
    void stop() {
        deployment.close();
    }

    private static void assertMessage(JsonObject frame, String ref, String text, String author) {
        assertEquals("message", frame.getString("op"), frame::toString);
        assertEquals(ref, frame.getString("ref"), frame::toString);
        assertEquals(text, frame.getJsonObject("data").getString("text"), frame::toString);
        assertEquals(author, ChannelClient.string(frame.getJsonObject("data"), "author"), frame::toString);
    }

    @Test
    void aRelayedMessageReachesEveryMemberOfTheGroupAndNoOtherGroup() {
        ann.send("1", "{\"text\":\"hi\"}");
        assertMessage(ann.one(), "1", "hi", "ann"); // the sender is a member too
        assertMessage(bob.one(), "a", "hi", "ann"); // under the ref of bob's own join
        assertEquals(List.of(), carol.take());
        assertEquals(List.of(), dave.take());
    }

    @Test
    void aSocketJoinedTwiceToAGroupHearsOnEachJoin() {
        bob.joinOk("b", "chat", "{\"room\":\"lobby\"}");
        ann.send("1", "{\"text\":\"hi\"}");
        List<JsonObject> frames = bob.take();
        assertEquals(2, frames.size(), frames::toString);
        assertEquals(
                List.of("a", "b"),
                frames.stream().map(f -> f.getString("ref")).sorted().toList());
    }

    @Test
    void anAnonymousSenderIsRelayedWithANullAuthor() {
        ChannelClient eve = ChannelClient.open(hub, Caller.ANONYMOUS);
        eve.joinOk("1", "chat", "{\"room\":\"lobby\"}");
        eve.send("1", "{\"text\":\"psst\"}");
        assertMessage(ann.one(), "1", "psst", null);
        assertTrue(ann.all().get(ann.all().size() - 1).getJsonObject("data").isNull("author"));
    }

    @Test
    void aChannelWithoutReceiveAnswers405() {
        dave.send("t", "{\"n\":1}");
        assertError(dave.one(), "t", 405, "MIZAN-178");
    }

    @Test
    void aMessageFailingValidationIs422AndIsNotRelayed() {
        ann.send("1", "{\"text\":\"\"}");
        JsonObject error = assertError(ann.one(), "1", 422, "MIZAN-179");
        assertEquals(1, error.getJsonArray("errors").size(), error::toString);
        assertEquals("data.text", error.getJsonArray("errors").getJsonObject(0).getString("path"));
        ann.send("1", "{\"text\":\"" + "x".repeat(201) + "\"}");
        assertEquals(
                "data.text",
                assertError(ann.one(), "1", 422, "MIZAN-179")
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("path"));
        assertEquals(List.of(), bob.take());
    }

    @Test
    void aMessageOfTheWrongShapeIs400() {
        ann.send("1", "{\"text\":5}");
        JsonObject wrongType = assertError(ann.one(), "1", 400, "MIZAN-134");
        assertTrue(wrongType.getString("detail").contains("data.text"), wrongType::toString);
        ann.frame("{\"op\":\"send\",\"ref\":\"1\"}");
        assertError(ann.one(), "1", 400, "MIZAN-133"); // no data
        assertEquals(List.of(), bob.take());
    }

    @Test
    void messagesBeyondTheRateAre429() throws InterruptedException {
        for (int i = 1; i <= 5; i++) {
            ann.send("1", "{\"text\":\"m" + i + "\"}");
        }
        List<JsonObject> frames = ann.take();
        assertEquals(List.of("message", "message", "message", "error", "error"), ops(frames));
        assertError(frames.get(3), "1", 429, "MIZAN-177");
        assertError(frames.get(4), "1", 429, "MIZAN-177");
        assertEquals(3, bob.take().size());
        bob.send("a", "{\"text\":\"mine\"}"); // the limit is per socket
        assertMessage(ann.one(), "1", "mine", "bob");
        bob.take();

        Thread.sleep(1100);
        ann.send("1", "{\"text\":\"later\"}");
        assertMessage(bob.one(), "a", "later", "ann");
    }

    @Test
    void sessionSendAnswersTheOneJoinThatSent() {
        ann.joinOk("2", "chat", "{\"room\":\"lobby\"}");
        ann.send("2", "{\"text\":\"whoami\"}");
        assertMessage(ann.one(), "2", "you are ann", "server");
        assertEquals(List.of(), bob.take());
    }

    @Test
    void aHandlersOwnRefusalKeepsItsStatusAndCode() {
        ann.send("1", "{\"text\":\"closed\"}");
        JsonObject error = assertError(ann.one(), "1", 409, "ROOM_CLOSED");
        assertEquals("The room is closed", error.getString("detail"));
    }

    @Test
    void aHandlerThatFailsIs500WithAnIdAndNoTrace() {
        ann.send("1", "{\"text\":\"boom\"}");
        JsonObject error = assertError(ann.one(), "1", 500, "MIZAN-121");
        assertFalse(error.getString("id").isBlank());
        assertTrue(error.getString("detail").contains(error.getString("id")));
        assertFalse(error.toString().contains("IllegalStateException"), error::toString);
        assertFalse(error.toString().contains("store is down"), error::toString);
        ann.send("1", "{\"text\":\"still here\"}");
        assertMessage(ann.one(), "1", "still here", "ann");
    }

    @Test
    void aMutationThatBroadcastsReachesTheGroup() throws Exception {
        deployment.call("announce", InProcess.user("sam"), Entry.CLIENT, "{\"room\":\"lobby\",\"text\":\"closing\"}");
        assertMessage(ann.one(), "1", "closing", "system");
        assertMessage(bob.one(), "a", "closing", "system");
        assertEquals(List.of(), carol.take());
        assertEquals(List.of(), dave.take());
    }

    @Test
    void serverCodeBroadcastsThroughTheInjectedBroadcaster() {
        deployment.bean(Broadcaster.class).send(TickerChannel.class, "chat_lobby", new Tick(7));
        JsonObject tick = dave.one();
        assertEquals("message", tick.getString("op"));
        assertEquals("t", tick.getString("ref"));
        assertEquals(7, tick.getJsonObject("data").getInt("n"));
        assertEquals(List.of(), ann.take());
        assertEquals(List.of(), bob.take());
        deployment.bean(Broadcaster.class).send(TickerChannel.class, "nobody_here", new Tick(8)); // no group: nothing
        assertEquals(List.of(), dave.take());
    }

    private static List<String> ops(List<JsonObject> frames) {
        return frames.stream().map(f -> f.getString("op")).toList();
    }
}
