package io.mizan.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.inprocess.InProcess;
import io.mizan.inprocess.channels.messages.ChatChannel;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The page's WebSocket as a container drives it, with the core running: the endpoint sets the frame
 * size, opens a connection for the caller its handshake recorded (nobody without one), hands text frames
 * to the hub and refuses binary ones, closes with 1009 a frame over the size in characters or in UTF-8
 * bytes, passes pongs on, and ends the socket's joins on close.
 */
class ChannelEndpointTest {

    static final int MAX = 64;

    InProcess.Deployment deployment;

    ChannelHub hub;

    FakeSession open(Map<String, String> config, Object caller) {
        deployment = InProcess.start(config, ChatChannel.class);
        hub = deployment.bean(ChannelHub.class);
        FakeSession session = new FakeSession();
        if (caller != null) {
            session.properties.put(ChannelEndpoint.CALLER, caller);
        }
        new ChannelEndpoint(() -> hub, MAX).onOpen(session.session, null);
        return session;
    }

    @AfterEach
    void stop() {
        if (deployment != null) {
            deployment.close();
        }
    }

    static String join(String ref) {
        return "{\"op\":\"join\",\"ref\":\"" + ref + "\",\"channel\":\"chat\",\"params\":{\"room\":\"a\"}}";
    }

    @Test
    void aConnectionTakesTheFrameSizeAndTheHandshakesCaller() {
        Principal sam = () -> "sam";
        FakeSession socket = open(Map.of(), new HandshakeCaller(sam, Set.of()));

        assertEquals(Map.of("setMaxTextMessageBufferSize", MAX, "setMaxBinaryMessageBufferSize", MAX), socket.limits);
        assertEquals(1, hub.openSockets());
        socket.text(join("1"));
        socket.text("{\"op\":\"send\",\"ref\":\"1\",\"data\":{\"text\":\"whoami\"}}");

        assertEquals(
                List.of(
                        "{\"op\":\"joined\",\"ref\":\"1\"}",
                        "{\"op\":\"message\",\"ref\":\"1\",\"data\":{\"author\":\"server\",\"text\":\"you are sam\"}}"),
                socket.sent);
    }

    @Test
    void withoutAHandshakeCallerTheSocketIsNobodys() {
        FakeSession socket = open(Map.of(), "not a caller");

        socket.text(join("1"));
        socket.text("{\"op\":\"send\",\"ref\":\"1\",\"data\":{\"text\":\"whoami\"}}");

        assertTrue(socket.sent.get(1).contains("you are null"), socket.sent.toString());
    }

    @Test
    void aBinaryFrameIsRefusedUnread() {
        FakeSession socket = open(Map.of(), null);

        socket.binary();

        assertEquals(1, socket.sent.size());
        assertTrue(socket.sent.get(0).startsWith("{\"op\":\"error\""), socket.sent.toString());
        assertEquals(List.of(), socket.closes);
    }

    @Test
    void aFrameOverTheSizeClosesTheSocketWith1009() {
        FakeSession socket = open(Map.of(), null);

        socket.text("x".repeat(MAX + 1));

        assertEquals(List.of(), socket.sent, "the frame is not read");
        assertEquals(1, socket.closes.size());
        assertEquals(CloseReason.CloseCodes.TOO_BIG, socket.closes.get(0).getCloseCode());
        assertEquals("frame over " + MAX + " bytes", socket.closes.get(0).getReasonPhrase());
    }

    @Test
    void theSizeIsCountedInUtf8Bytes() {
        FakeSession socket = open(Map.of(), null);
        String join = join("a\u00e9"); // 63 characters, 64 bytes: just fits
        assertEquals(MAX - 1, join.length());

        socket.text(join);
        assertEquals(List.of("{\"op\":\"joined\",\"ref\":\"a\u00e9\"}"), socket.sent);

        socket.text(join("a\u00e9\u00e9")); // 64 characters, 66 bytes
        assertEquals(1, socket.sent.size());
        assertEquals(CloseReason.CloseCodes.TOO_BIG, socket.closes.get(0).getCloseCode());
    }

    @Test
    void aFrameOfExactlyTheSizeIsRead() {
        FakeSession socket = open(Map.of(), null);
        String join = join("abc");
        assertEquals(MAX, join.length());

        socket.text(join);

        assertEquals(List.of("{\"op\":\"joined\",\"ref\":\"abc\"}"), socket.sent);
        assertEquals(List.of(), socket.closes);
    }

    @Test
    void aMessageInPartsIsReadWhole() {
        FakeSession socket = open(Map.of(), null);
        String join = join("abc"); // exactly the size

        socket.textPart(join.substring(0, 10), false);
        socket.textPart(join.substring(10, 40), false);
        assertEquals(List.of(), socket.sent, "nothing is read before the last part");
        socket.textPart(join.substring(40), true);
        socket.text(join("d"));

        assertEquals(List.of("{\"op\":\"joined\",\"ref\":\"abc\"}", "{\"op\":\"joined\",\"ref\":\"d\"}"), socket.sent);
        assertEquals(List.of(), socket.closes);
    }

    @Test
    void aMessageIsRefusedByThePartThatTakesItOverTheSizeAndTheRestIsNotRead() {
        FakeSession socket = open(Map.of(), null);

        socket.textPart("x".repeat(MAX - 1), false);
        assertEquals(List.of(), socket.closes, "at the size, not over it");
        socket.textPart("xy", false);
        assertEquals(1, socket.closes.size());
        assertEquals(CloseReason.CloseCodes.TOO_BIG, socket.closes.get(0).getCloseCode());
        socket.textPart("x".repeat(MAX), false);
        socket.textPart("}", true);

        assertEquals(1, socket.closes.size(), "closed once");
        assertEquals(List.of(), socket.sent);
    }

    @Test
    void aMessageOfPartsIsCountedInUtf8BytesWhenItEnds() {
        FakeSession socket = open(Map.of(), null);
        String join = join("a\u00e9\u00e9"); // 64 characters, 66 bytes

        socket.textPart(join.substring(0, 32), false);
        socket.textPart(join.substring(32), true);

        assertEquals(List.of(), socket.sent);
        assertEquals(CloseReason.CloseCodes.TOO_BIG, socket.closes.get(0).getCloseCode());
    }

    @Test
    void aPongLetsTheFramesHeldForItGo() {
        FakeSession socket = open(Map.of("mizan.channels.send-window-bytes", "10"), null);

        socket.text(join("1"));
        socket.text(join("2"));
        assertEquals(1, socket.sent.size(), "the second answer waits for the client to read the first");
        assertEquals(List.of("1"), socket.pings);

        socket.pong("1");

        assertEquals(2, socket.sent.size());
    }

    @Test
    void aCloseEndsTheSocketsJoins() {
        FakeSession socket = open(Map.of(), null);
        FakeSession other = new FakeSession();
        new ChannelEndpoint(() -> hub, MAX).onOpen(other.session, null);
        socket.text(join("1"));
        other.text(join("1"));
        ChannelEndpoint endpoint = new ChannelEndpoint(() -> hub, MAX);

        endpoint.onError(socket.session, new IllegalStateException("reset"));
        endpoint.onClose(socket.session, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "bye"));

        assertEquals(1, hub.openSockets());
        assertEquals(
                1,
                hub.broadcast(
                        ChatChannel.class, "chat_a", new io.mizan.inprocess.channels.messages.ChatMessage("hi", null)));
        endpoint.onClose(new FakeSession().session, null); // a session that never opened: nothing to end
        assertEquals(1, hub.openSockets());
    }
}
