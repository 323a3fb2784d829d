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
 * handler is refused, and a group without members here is sent nothing. A socket hears of the keys of
 * the contexts its user may read: not of one only server code reads, nor of one whose check throws.
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
    void aContextOnlyServerCodeReadsOrWhoseCheckThrowsIsNobodysToHearOf() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("io.mizan.channels.LiveInvalidation");
        java.util.logging.Level level = log.getLevel();
        log.setLevel(java.util.logging.Level.OFF); // the check that throws is logged: expected here
        try (InProcess.Deployment site =
                InProcess.start(io.mizan.inprocess.hydration.Site.class, io.mizan.inprocess.hydration.Flaky.class)) {
            ChannelHub siteHub = site.bean(ChannelHub.class);
            ChannelClient sam = ChannelClient.open(siteHub, InProcess.user("sam", "staff"));

            siteHub.invalidate(List.of("internal", "beta", "banner", "staffNotes", "nosuch", "page;[\"a\"]"));

            assertEquals(
                    "[\"banner\",\"staffNotes\",\"page;[\\\"a\\\"]\"]",
                    sam.one().getJsonArray("keys").toString());
        } finally {
            log.setLevel(level);
        }
    }

    @Test
    void onlyAChannelHandlerCanBroadcast() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> hub.broadcast(String.class, "g", new ChatMessage("hi", null)));
        assertTrue(refused.getMessage().contains("java.lang.String"), refused.getMessage());

        assertEquals(0, hub.broadcast(ChatChannel.class, "nobody_here", new ChatMessage("hi", null)));
    }
}
