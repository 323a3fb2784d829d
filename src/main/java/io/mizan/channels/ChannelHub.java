package io.mizan.channels;

import io.mizan.config.ChannelSettings;
import io.mizan.invoke.BeanTargets;
import io.mizan.invoke.Invoker;
import io.mizan.json.ArgumentBinder;
import io.mizan.json.ResultEncoder;
import io.mizan.messages.Messages;
import io.mizan.model.ChannelModel;
import io.mizan.security.AccessPolicy;
import io.mizan.security.Caller;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The channels of this node, independent of the WebSocket API: what a client frame does
 * ({@link FrameReceiver}, {@link FrameActions}), what the broadcaster sends, and which open sockets hear
 * of an invalidation. The endpoint hands it sockets and text; it answers with frames queued on each
 * socket's {@link Outbox}.
 */
public final class ChannelHub {

    private static final Logger LOG = Logger.getLogger(ChannelHub.class.getName());

    private final Invoker invoker;
    private final ResultEncoder encoder;
    private final ChannelSettings settings;
    private final NodeRelay relay;
    private final GroupRegistry groups;
    private final LiveInvalidation live;
    private final FrameReceiver receiver;
    private final Set<ChannelSocket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();

    /** How often every open socket is pinged and checked ({@link #sweep}). */
    static final long HEARTBEAT_SECONDS = 30;

    /** How long a socket may stay silent, answering no ping, before it is taken for gone. */
    static final long SILENCE_SECONDS = 75;

    /** A heartbeat's payload: no outbox ping is numbered so, so its pong changes nothing but the time. */
    private static final byte[] HEARTBEAT = {'h'};

    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mizan-socket-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public ChannelHub(
            Invoker invoker,
            ArgumentBinder binder,
            ResultEncoder encoder,
            BeanTargets handlers,
            AccessPolicy access,
            ChannelSettings settings,
            NodeRelay relay) {
        this.invoker = invoker;
        this.encoder = encoder;
        this.settings = settings;
        this.live = new LiveInvalidation(invoker.model(), access);
        this.relay = relay;
        this.groups = new GroupRegistry(relay);
        this.receiver = new FrameReceiver(
                invoker, new FrameActions(invoker, binder, encoder, handlers, settings, groups), this::closed);
        relay.start(new FromOtherNodes(groups, live, open));
        heartbeat.scheduleWithFixedDelay(this::sweep, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Pings every open socket, and ends those that answered nothing for {@value #SILENCE_SECONDS} seconds
     * (no frame, no pong) or that the container says are closed. A browser answers pings by itself, so a
     * live page is never silent that long; a connection that is gone though no close came is. Tyrus
     * misses the close of some connections reset right after their handshake or while a frame is written to
     * them, and a ping is no help there (it keeps Tyrus's own idle timer from firing): without this, such
     * sockets would stay open, and in their groups' presence, for as long as the server runs. Runs every
     * {@value #HEARTBEAT_SECONDS} seconds.
     */
    public void sweep() {
        sweep(System.nanoTime());
    }

    /** {@link #sweep()} as at this {@link System#nanoTime} (tests pass a later one). */
    public void sweep(long now) {
        long silence = TimeUnit.SECONDS.toNanos(SILENCE_SECONDS);
        for (ChannelSocket socket : open) {
            try {
                if (now - socket.heard > silence) {
                    drop(socket, GONE_SILENT, "no answer to pings");
                } else if (!socket.transport.isOpen() || !socket.transport.ping(HEARTBEAT)) {
                    closed(socket);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Mizan: socket " + socket.id + " could not be checked", e);
                closed(socket);
            }
        }
    }

    /** WebSocket close code 1001, "going away": the client answered no ping for too long. */
    static final int GONE_SILENT = 1001;

    /** WebSocket close code 1011, "internal error": a frame could not be sent on the connection. */
    static final int CANNOT_SEND = 1011;

    /** Closes a socket's connection with this code, and ends its joins without waiting for the close event. */
    private void drop(ChannelSocket socket, int code, String reason) {
        socket.transport.close(code, reason);
        closed(socket);
    }

    /** A connection opened by this caller; keep the handle for its frames and its close. */
    public Connection open(SocketTransport transport, Caller caller) {
        String id = Long.toString(ids.incrementAndGet(), 36);
        ChannelSocket[] holder = new ChannelSocket[1];
        ChannelSocket socket = new ChannelSocket(
                id,
                caller,
                transport,
                settings.sendQueue(),
                settings.sendWindowBytes(),
                () -> {
                    LOG.warning(Messages.sendQueueFull(id, settings.sendQueue()));
                    drop(holder[0], Outbox.FELL_BEHIND, "too slow");
                },
                () -> drop(holder[0], CANNOT_SEND, "a frame could not be sent"));
        holder[0] = socket;
        open.add(socket);
        return new Connection(socket);
    }

    /** An open socket, as the endpoint holds it. */
    public final class Connection {
        private final ChannelSocket socket;

        private Connection(ChannelSocket socket) {
            this.socket = socket;
        }

        /** A text frame from the client. */
        public void receive(String text) {
            socket.heard = System.nanoTime();
            receiver.receive(socket, text);
        }

        /** A binary frame from the client, refused unread. */
        public void receiveBinary() {
            socket.heard = System.nanoTime();
            receiver.receiveBinary(socket);
        }

        /** The connection closed, for whatever reason: its joins end. */
        public void closed() {
            ChannelHub.this.closed(socket);
        }

        /** The client answered a ping. */
        public void pong(byte[] payload) {
            socket.heard = System.nanoTime();
            socket.outbox.pong(payload);
        }

        /** Frames waiting to be sent to this socket. */
        public int queued() {
            return socket.outbox.queued();
        }
    }

    private void closed(ChannelSocket socket) {
        if (socket == null) {
            return;
        }
        socket.closed = true;
        if (!open.remove(socket)) {
            return;
        }
        socket.outbox.close();
        for (Membership membership : socket.joins.values()) {
            groups.remove(membership);
        }
        socket.joins.clear();
    }

    /**
     * Sends a message to a group of a channel: encoded once, queued to every member.
     *
     * @return how many joins of this node it was queued to (other nodes' are not counted)
     */
    public int broadcast(Class<?> handlerClass, String group, Object message) {
        ChannelModel channel = invoker.model()
                .channel(handlerClass)
                .orElseThrow(() -> new IllegalArgumentException(handlerClass.getName() + " is no @Channel handler"));
        String data = encoder.encode(
                channel.message(), channel.messageType(), channel.where(), channel.name() + ".message", message);
        int here = groups.broadcast(channel.name(), group, data);
        relay.message(channel.name(), group, data);
        return here;
    }

    /**
     * Tells every open socket of the keys whose contexts its user may read, on this node and through
     * the relay on the others: live invalidation.
     */
    public void invalidate(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        live.invalidate(keys, open);
        relay.invalidation(keys);
    }

    /** Stops relaying to and from other nodes: this node's presence leaves them. */
    public void close() {
        heartbeat.shutdownNow();
        relay.close();
    }

    /** Sockets open on this node. */
    public int openSockets() {
        return open.size();
    }
}
