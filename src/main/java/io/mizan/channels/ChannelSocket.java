package io.mizan.channels;

import io.mizan.security.Caller;

import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One open WebSocket: its caller, its joins by ref, its outgoing queue and its abuse counters. */
final class ChannelSocket {

    final String id;
    final Caller caller;
    final String user;
    final SocketTransport transport;
    final Outbox outbox;
    final Map<String, Membership> joins = new ConcurrentHashMap<>();
    /** Whether this socket's user may read a context, decided once per context for live invalidation. */
    final Map<String, Boolean> readable = new ConcurrentHashMap<>();

    /**
     * Set when the hub closes this socket (its client left, abused it or fell behind), before its joins are
     * emptied: frames the container still delivers after are dropped, and a join that raced the close is
     * undone. A flag, not a look-up in the hub's set of open sockets, on the path of every frame.
     */
    volatile boolean closed;

    /** When the client was last heard from ({@link System#nanoTime}): a frame or a pong. */
    volatile long heard = System.nanoTime();

    private int strikes;
    private long windowStart;
    private int sentInWindow;

    ChannelSocket(
            String id,
            Caller caller,
            SocketTransport transport,
            int queueCapacity,
            long windowBytes,
            Runnable onOverflow,
            Runnable onBroken) {
        this.id = id;
        this.caller = caller;
        Principal principal = caller.principal();
        this.user = principal == null ? null : principal.getName();
        this.transport = transport;
        this.outbox = new Outbox(transport, queueCapacity, windowBytes, onOverflow, onBroken);
    }

    void send(String frame) {
        outbox.offer(frame);
    }

    /** Counts a frame that was malformed or refused; true when the socket has earned a close. */
    synchronized boolean strike(int limit) {
        return ++strikes >= limit;
    }

    synchronized void forgive() {
        strikes = 0;
    }

    /** Counts a message sent by the client; false when it is over the limit for this second. */
    synchronized boolean allowMessage(int perSecond, long nowMillis) {
        if (nowMillis - windowStart >= 1000) {
            windowStart = nowMillis;
            sentInWindow = 0;
        }
        return ++sentInWindow <= perSecond;
    }
}
