package io.mizan.channels;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A socket's outgoing frames: sent one at a time, asynchronously, in order. Whoever offers a frame
 * never waits for the network; a socket that stops reading fills its bounded queue and is then
 * closed (1013), so a slow client costs the others nothing and memory stays bounded.
 *
 * <p>A container may report a send as done as soon as it has buffered it (Tyrus does, without
 * limit), so a completed send proves nothing about the client. After {@code windowBytes} the outbox
 * therefore asks the client for a pong and sends nothing more until it comes: a client that reads
 * answers at once (browsers answer pings by themselves); one that stopped reading never does, and
 * its queue fills.
 */
final class Outbox {

    /** WebSocket close code 1013, "try again later": the server dropped a client that fell behind. */
    static final int FELL_BEHIND = 1013;

    private final SocketTransport transport;
    private final int capacity;
    private final long windowBytes;
    private final Runnable onOverflow;
    private final Runnable onBroken;
    private final Deque<String> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean awaitingPong;
    private long unconfirmed;
    private long pings;
    private boolean closed;

    /**
     * @param onOverflow runs once when the queue overflows: the client stopped reading
     * @param onBroken runs once when a send fails: the connection is gone (or cannot carry a frame), and a
     *     container does not always report its close (Tyrus misses some connections reset while it writes)
     */
    Outbox(SocketTransport transport, int capacity, long windowBytes, Runnable onOverflow, Runnable onBroken) {
        this.transport = transport;
        this.capacity = capacity;
        this.windowBytes = windowBytes;
        this.onOverflow = onOverflow;
        this.onBroken = onBroken;
    }

    /** Queues a frame; sends it now when nothing else is on its way. */
    void offer(String frame) {
        boolean overflow = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (sending || awaitingPong) {
                if (queue.size() < capacity) {
                    queue.addLast(frame);
                    return;
                }
                closed = true;
                queue.clear();
                overflow = true;
            } else {
                sending = true;
            }
        }
        if (overflow) {
            onOverflow.run();
            return;
        }
        send(frame);
    }

    private void send(String frame) {
        byte[] ping = null;
        synchronized (this) {
            unconfirmed += sizeOf(frame);
            if (unconfirmed >= windowBytes) {
                awaitingPong = true;
                ping = Long.toString(++pings).getBytes(StandardCharsets.US_ASCII);
            }
        }
        try {
            transport.send(frame, this::sent);
            if (ping != null) {
                transport.ping(ping);
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // a connection that is gone throws, and so does a container that cannot write a frame (Tyrus throws
            // an Error for text it cannot encode) on a connection that stays open: either way the socket is
            // broken (onBroken closes it, so that its page reconnects and refetches, rather than left silent)
            sent(e);
        }
    }

    private void sent(Throwable failure) {
        String next;
        boolean broken = false;
        synchronized (this) {
            if (failure != null) {
                broken = !closed;
                closed = true;
                queue.clear();
            }
            next = closed || awaitingPong ? null : queue.pollFirst();
            if (next == null) {
                sending = false;
            }
        }
        if (broken) {
            onBroken.run(); // the connection is gone: its joins end now, whether or not its close event comes
        } else if (next != null) {
            send(next);
        }
    }

    /** The client answered a ping: what was sent before it has been read; go on. */
    void pong(byte[] payload) {
        String next;
        synchronized (this) {
            if (!awaitingPong || !new String(payload, StandardCharsets.US_ASCII).equals(Long.toString(pings))) {
                return; // an answer to an older ping, or an unasked pong
            }
            awaitingPong = false;
            unconfirmed = 0;
            if (sending || closed) {
                return;
            }
            next = queue.pollFirst();
            if (next == null) {
                return;
            }
            sending = true;
        }
        send(next);
    }

    /** The last frame sized: a broadcast hands one frame to every socket of its group, sized once. */
    private static volatile Sized lastSized = new Sized("", 0);

    private record Sized(String frame, long bytes) {}

    /** {@link #utf8Length}, remembered for the frame last asked about (the same instance). */
    static long sizeOf(String frame) {
        Sized last = lastSized;
        if (last.frame() == frame) {
            return last.bytes();
        }
        long bytes = utf8Length(frame);
        lastSized = new Sized(frame, bytes);
        return bytes;
    }

    /** The frame's size on the wire, counted without encoding it. */
    static long utf8Length(String text) {
        long bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                bytes += c >= 0x800 && !Character.isSurrogate(c) ? 2 : 1; // surrogate pairs: 4 bytes for 2 chars
            }
        }
        return bytes;
    }

    /** Drops what is queued and accepts nothing more. */
    synchronized void close() {
        closed = true;
        queue.clear();
    }

    /** Frames waiting to be sent. */
    synchronized int queued() {
        return queue.size();
    }
}
