package io.mizan.channels;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A socket's outgoing frames: sent one at a time, asynchronously, in order. Whoever offers a frame
 * never waits for the network; a socket that stops reading fills its bounded queue and is then
 * closed (1013), so a slow client costs the others nothing and memory stays bounded.
 */
final class Outbox {

    /** WebSocket close code 1013, "try again later": the server dropped a client that fell behind. */
    static final int FELL_BEHIND = 1013;

    private final SocketTransport transport;
    private final int capacity;
    private final Runnable onOverflow;
    private final Deque<String> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;

    Outbox(SocketTransport transport, int capacity, Runnable onOverflow) {
        this.transport = transport;
        this.capacity = capacity;
        this.onOverflow = onOverflow;
    }

    /** Queues a frame; sends it now when nothing else is on its way. */
    void offer(String frame) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (sending) {
                if (queue.size() < capacity) {
                    queue.addLast(frame);
                    return;
                }
                closed = true;
                queue.clear();
            } else {
                sending = true;
            }
        }
        if (closed) {
            onOverflow.run();
            return;
        }
        transport.send(frame, this::sent);
    }

    private void sent(Throwable failure) {
        String next;
        synchronized (this) {
            if (failure != null) {
                closed = true; // the connection is gone; its close event cleans up
            }
            next = closed ? null : queue.pollFirst();
            if (next == null) {
                sending = false;
                return;
            }
        }
        transport.send(next, this::sent);
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
