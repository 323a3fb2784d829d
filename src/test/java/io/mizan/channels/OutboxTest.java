package io.mizan.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A socket's outbox: frames go one at a time and in order; after a window of bytes it waits for the
 * client's pong; a client that never answers fills its queue and is dropped.
 */
class OutboxTest {

    /** A connection that records what is sent and completes each send when told to. */
    static class Recorded implements SocketTransport {
        final List<String> sent = new ArrayList<>();
        final List<String> pings = new ArrayList<>();
        final List<Consumer<Throwable>> pending = new ArrayList<>();

        @Override
        public void send(String text, Consumer<Throwable> done) {
            sent.add(text);
            pending.add(done);
        }

        @Override
        public boolean ping(byte[] payload) {
            pings.add(new String(payload, StandardCharsets.US_ASCII));
            return true;
        }

        @Override
        public void close(int code, String reason) {}

        void completeAll() {
            while (!pending.isEmpty()) {
                pending.remove(0).accept(null);
            }
        }
    }

    @Test
    void sizesAreCountedAsUtf8WithoutEncoding() {
        for (String text : List.of("", "ascii", "\u007f", "\u0080", "é", "\u07ff", "\u0800", "€", "😀", "a€😀é")) {
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, Outbox.utf8Length(text), text);
            assertEquals(Outbox.utf8Length(text), Outbox.sizeOf(text), text);
            assertEquals(Outbox.utf8Length(text), Outbox.sizeOf(text), "again: " + text);
        }
        String one = "{\"op\":\"message\",\"data\":\"€\"}";
        String other = new String("{\"op\":\"message\",\"data\":\"a\"}");
        assertEquals(29, Outbox.sizeOf(one));
        assertEquals(27, Outbox.sizeOf(other), "another frame is sized anew");
        assertEquals(29, Outbox.sizeOf(one));
    }

    @Test
    void aFrameTheContainerCannotWriteClosesTheSocketRatherThanStallingIt() {
        Recorded connection = new Recorded() {
            @Override
            public void send(String text, Consumer<Throwable> done) {
                if (text.equals("bad")) {
                    throw new Error(new java.nio.charset.MalformedInputException(1)); // as Tyrus does
                }
                super.send(text, done);
            }
        };
        int[] broken = {0};
        Outbox outbox = new Outbox(connection, 10, 1_000_000, () -> {}, () -> broken[0]++);
        outbox.offer("bad");
        assertEquals(1, broken[0], "the socket is reported broken, to be closed");
        outbox.offer("after");
        assertEquals(List.of(), connection.sent, "nothing more goes to a socket being closed");
        assertEquals(1, broken[0], "once");
        Recorded other = new Recorded() {
            @Override
            public void send(String text, Consumer<Throwable> done) {
                throw new StackOverflowError();
            }
        };
        assertThrows(StackOverflowError.class, () -> new Outbox(other, 10, 1_000_000, () -> {}, () -> {}).offer("x"));
    }

    @Test
    void aSendThatFailsLaterReportsTheSocketBrokenOnceAndSendsNothingMore() {
        Recorded connection = new Recorded();
        int[] broken = {0};
        Outbox outbox = new Outbox(connection, 10, 1_000_000, () -> {}, () -> broken[0]++);
        outbox.offer("a");
        outbox.offer("b");
        connection.pending.remove(0).accept(new java.io.IOException("Connection reset by peer"));
        assertEquals(1, broken[0]);
        outbox.offer("c");
        assertEquals(List.of("a"), connection.sent, "the queue is dropped, nothing more is sent");
        assertEquals(1, broken[0]);
    }

    @Test
    void whatIsQueuedIsDroppedWhenTheSocketClosesFallsBehindOrBreaks() {
        Recorded closing = new Recorded();
        Outbox closed = new Outbox(closing, 10, 1_000_000, () -> {}, () -> {});
        closed.offer("a");
        closed.offer("b");
        closed.offer("c");
        assertEquals(2, closed.queued());
        closed.close();
        assertEquals(0, closed.queued());
        closing.completeAll();
        assertEquals(List.of("a"), closing.sent);

        Recorded slow = new Recorded();
        Outbox behind = new Outbox(slow, 2, 1_000_000, () -> {}, () -> {});
        for (String frame : List.of("a", "b", "c", "d")) {
            behind.offer(frame);
        }
        assertEquals(0, behind.queued(), "the queue of a client that fell behind is dropped");

        Recorded failing = new Recorded();
        Outbox broken = new Outbox(failing, 10, 1_000_000, () -> {}, () -> {});
        broken.offer("a");
        broken.offer("b");
        failing.pending.remove(0).accept(new java.io.IOException("reset"));
        assertEquals(0, broken.queued(), "the queue of a broken socket is dropped");
    }

    @Test
    void framesGoOneAtATimeInOrder() {
        Recorded connection = new Recorded();
        Outbox outbox = new Outbox(connection, 10, 1_000_000, () -> {}, () -> {});
        outbox.offer("a");
        outbox.offer("b");
        outbox.offer("c");
        assertEquals(List.of("a"), connection.sent, "the next waits for the first to be sent");
        connection.completeAll();
        connection.completeAll();
        connection.completeAll();
        assertEquals(List.of("a", "b", "c"), connection.sent);
    }

    @Test
    void afterTheWindowItWaitsForThePongAndDropsAClientThatNeverAnswers() {
        Recorded connection = new Recorded();
        boolean[] dropped = {false};
        Outbox outbox = new Outbox(connection, 2, 10, () -> dropped[0] = true, () -> {});
        outbox.offer("0123456789"); // 10 bytes: the window is full, a ping goes with it
        connection.completeAll();
        assertEquals(List.of("1"), connection.pings);
        outbox.offer("x");
        outbox.offer("y");
        assertEquals(List.of("0123456789"), connection.sent, "nothing more until the pong");
        outbox.pong("0".getBytes(StandardCharsets.US_ASCII)); // not the ping asked
        assertEquals(1, connection.sent.size());
        outbox.pong("1".getBytes(StandardCharsets.US_ASCII));
        connection.completeAll();
        assertEquals(List.of("0123456789", "x", "y"), connection.sent);
        assertFalse(dropped[0]);

        outbox.offer("0123456789"); // the window again; this time no pong comes
        connection.completeAll();
        outbox.offer("p");
        outbox.offer("q");
        outbox.offer("r"); // beyond the queue of 2
        assertTrue(dropped[0], "a client that stopped reading is dropped when its queue is full");
        outbox.offer("s");
        assertEquals(4, connection.sent.size(), "nothing is sent after that");
    }
}
