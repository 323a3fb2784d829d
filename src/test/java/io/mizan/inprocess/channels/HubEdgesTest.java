package io.mizan.inprocess.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.channels.ChannelHub;
import io.mizan.channels.SocketTransport;
import io.mizan.inprocess.InProcess;
import io.mizan.inprocess.channels.messages.ChatChannel;
import io.mizan.inprocess.channels.messages.ChatMessage;
import io.mizan.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

/**
 * The hub's heartbeat ends a socket whose connection takes no ping or cannot even be asked, as it ends
 * one the container says is closed; a live one stays. Broadcasting through a class that is no channel
 * handler is refused, and a group without members here is sent nothing.
 */
class HubEdgesTest {

    InProcess.Deployment deployment;
    ChannelHub hub;

    @BeforeEach
    void start() {
        deployment = InProcess.start(ChatChannel.class);
        hub = deployment.bean(ChannelHub.class);
    }

    @AfterEach
    void stop() {
        deployment.close();
    }

    /** A connection that is open, but refuses pings or throws when asked anything. */
    record Broken(boolean pingTaken, boolean throwing) implements SocketTransport {
        @Override
        public void send(String text, Consumer<Throwable> done) {
            done.accept(null);
        }

        @Override
        public boolean ping(byte[] payload) {
            if (throwing) {
                throw new IllegalStateException("the session is gone");
            }
            return pingTaken;
        }

        @Override
        public void close(int code, String reason) {}
    }

    @Test
    void aSocketThatTakesNoPingOrCannotBeAskedIsEnded() {
        ChannelClient live = ChannelClient.open(hub, InProcess.user("ann"));
        hub.open(new Broken(false, false), Caller.ANONYMOUS);
        hub.open(new Broken(false, true), Caller.ANONYMOUS);
        hub.open(new Broken(true, false), Caller.ANONYMOUS);
        assertEquals(4, hub.openSockets());

        hub.sweep();

        assertEquals(2, hub.openSockets(), "the one that took the ping stays, and the live one");
        assertEquals(1, live.transport().pings.size(), "the live one was pinged");
        assertEquals(List.of(), live.transport().closes());
    }

    @Test
    void onlyAChannelHandlerCanBroadcast() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> hub.broadcast(String.class, "g", new ChatMessage("hi", null)));
        assertTrue(refused.getMessage().contains("java.lang.String"), refused.getMessage());

        assertEquals(0, hub.broadcast(ChatChannel.class, "nobody_here", new ChatMessage("hi", null)));
    }
}
