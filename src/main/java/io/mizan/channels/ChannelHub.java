package io.mizan.channels;

import io.mizan.ChannelHandler;
import io.mizan.config.ChannelSettings;
import io.mizan.invoke.BeanTargets;
import io.mizan.invoke.Failure;
import io.mizan.invoke.Invoker;
import io.mizan.json.ArgumentBinder;
import io.mizan.json.ResultEncoder;
import io.mizan.messages.Messages;
import io.mizan.model.ChannelModel;
import io.mizan.security.AccessPolicy;
import io.mizan.security.Caller;
import io.mizan.telemetry.Kind;
import io.mizan.telemetry.Observation;
import io.mizan.telemetry.Telemetry;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The channels of this node, independent of the WebSocket API: what a client frame does, what the
 * broadcaster sends, and which open sockets hear of an invalidation. The endpoint hands it sockets
 * and text; it answers with frames queued on each socket's {@link Outbox}.
 *
 * <p>Parameters and messages are read and validated the way call arguments are (the same binder and
 * the invoker's validation), and failures become error frames the way calls' become problems.
 */
public final class ChannelHub {

    private static final Logger LOG = Logger.getLogger(ChannelHub.class.getName());

    /** WebSocket close code 1008, "policy violation": a client that keeps sending bad frames. */
    static final int POLICY_VIOLATION = 1008;

    /** Consecutive malformed or refused frames after which a socket is closed. */
    static final int STRIKES = 10;

    private final Invoker invoker;
    private final ArgumentBinder binder;
    private final ResultEncoder encoder;
    private final BeanTargets handlers;
    private final AccessPolicy access;
    private final ChannelSettings settings;
    private final NodeRelay relay;
    private final GroupRegistry groups;
    private final LiveInvalidation live;
    private final Set<ChannelSocket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();

    public ChannelHub(
            Invoker invoker,
            ArgumentBinder binder,
            ResultEncoder encoder,
            BeanTargets handlers,
            AccessPolicy access,
            ChannelSettings settings,
            NodeRelay relay) {
        this.invoker = invoker;
        this.binder = binder;
        this.encoder = encoder;
        this.handlers = handlers;
        this.access = access;
        this.settings = settings;
        this.live = new LiveInvalidation(invoker.model(), access);
        this.relay = relay;
        this.groups = new GroupRegistry(relay);
        relay.start(new RelayedToHere());
    }

    /** What the other nodes tell this one. */
    private final class RelayedToHere implements NodeRelay.Local {
        @Override
        public void message(String channel, String group, String dataJson) {
            groups.broadcast(channel, group, dataJson);
        }

        @Override
        public void invalidation(List<String> keys) {
            live.invalidate(keys, open);
        }

        @Override
        public void remotePresence(String channel, String group, String user, int sockets) {
            groups.remotePresence(channel, group, user, sockets);
        }

        @Override
        public void resync() {
            String frame = ChannelFrames.resync();
            for (ChannelSocket socket : open) {
                socket.send(frame);
            }
        }

        @Override
        public void forEachPresence(NodeRelay.PresenceVisitor visitor) {
            groups.forEachPresence(visitor);
        }
    }

    /** A connection opened by this caller; keep the handle for its frames and its close. */
    public Connection open(SocketTransport transport, Caller caller) {
        String id = Long.toString(ids.incrementAndGet(), 36);
        ChannelSocket[] holder = new ChannelSocket[1];
        ChannelSocket socket =
                new ChannelSocket(id, caller, transport, settings.sendQueue(), settings.sendWindowBytes(), () -> {
                    LOG.warning(Messages.sendQueueFull(id, settings.sendQueue()));
                    transport.close(Outbox.FELL_BEHIND, "too slow");
                    closed(holder[0]);
                });
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
            ChannelHub.this.receive(socket, text);
        }

        /** The connection closed, for whatever reason: its joins end. */
        public void closed() {
            ChannelHub.this.closed(socket);
        }

        /** The client answered a ping. */
        public void pong(byte[] payload) {
            socket.outbox.pong(payload);
        }

        /** Frames waiting to be sent to this socket. */
        public int queued() {
            return socket.outbox.queued();
        }
    }

    private void receive(ChannelSocket socket, String text) {
        if (!open.contains(socket)) {
            return; // closed by the hub (abuse, too slow); the container may still deliver what it read
        }
        ChannelFrames.ClientFrame frame;
        try {
            frame = ChannelFrames.read(text);
        } catch (ChannelFrames.Unreadable e) {
            refuse(socket, e.ref, Failure.of(e.problem, "a frame"));
            return;
        }
        Observation seen = observe(socket, frame);
        int status = 500;
        try {
            ChannelFrames.ClientFrame read = frame;
            // handlers run as the socket's caller, so functions they call are checked against it
            invoker.runAs(socket.caller, () -> {
                if (read instanceof ChannelFrames.Join join) {
                    join(socket, join);
                } else if (read instanceof ChannelFrames.Send send) {
                    send(socket, send);
                } else {
                    leave(socket, read.ref());
                }
                return null;
            });
            status = 200;
            socket.forgive();
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            Failure failure = Failure.of(t, "a frame of the socket " + socket.id);
            status = failure.status();
            refuse(socket, frame.ref(), failure);
        } finally {
            seen.end(status);
        }
    }

    /** A join is observed by the channel it names, a message by the channel of its join; a leave is not. */
    private Observation observe(ChannelSocket socket, ChannelFrames.ClientFrame frame) {
        Telemetry telemetry = invoker.telemetry();
        if (!telemetry.on()) {
            return Observation.NONE;
        }
        if (frame instanceof ChannelFrames.Join join) {
            return telemetry.start(Kind.JOIN, join.channel());
        }
        if (frame instanceof ChannelFrames.Send) {
            Membership membership = socket.joins.get(frame.ref());
            return membership == null
                    ? Observation.NONE
                    : telemetry.start(Kind.RECEIVE, membership.channel().name());
        }
        return Observation.NONE;
    }

    private void refuse(ChannelSocket socket, String ref, Failure failure) {
        socket.send(ChannelFrames.error(ref, failure));
        if (failure.status() < 500 && socket.strike(STRIKES)) { // the server's own failures are not the client's
            socket.transport.close(POLICY_VIOLATION, "too many bad frames");
            closed(socket);
        }
    }

    private void join(ChannelSocket socket, ChannelFrames.Join frame) throws Exception {
        if (socket.joins.containsKey(frame.ref())) {
            throw Messages.refInUse(frame.ref());
        }
        if (socket.joins.size() >= settings.maxJoins()) {
            throw Messages.tooManyJoins(settings.maxJoins());
        }
        ChannelModel channel = invoker.model()
                .channel(frame.channel())
                .orElseThrow(() -> Messages.unknownChannel(io.mizan.json.StrictJson.shorten(frame.channel())));
        Object params = binder.read("params", channel.params(), channel.paramsType(), frame.params());
        invoker.validateValue("params", channel.params(), "channel's parameters", params);
        String refJson = ChannelFrames.quote(frame.ref());
        String group;
        try (BeanTargets.Target target = handlers.open(channel.handlerClass())) {
            ChannelHandler<Object, Object> handler = handler(target);
            JoinSession session = new JoinSession(socket, refJson, channel, encoder);
            if (!handler.authorize(params, session)) {
                throw socket.user == null
                        ? Messages.channelNeedsSignIn(channel.name())
                        : Messages.channelRefused(channel.name());
            }
            group = handler.group(params);
        }
        if (group == null) {
            throw new IllegalStateException(channel.where() + ".group returned null");
        }
        Membership membership = new Membership(frame.ref(), refJson, channel, params, group, socket);
        if (socket.joins.putIfAbsent(frame.ref(), membership) != null) {
            throw Messages.refInUse(frame.ref());
        }
        groups.add(membership);
        if (!open.contains(socket)) { // closed meanwhile: its close already emptied its joins
            socket.joins.remove(frame.ref());
            groups.remove(membership);
        }
    }

    private void send(ChannelSocket socket, ChannelFrames.Send frame) throws Exception {
        Membership membership = socket.joins.get(frame.ref());
        if (membership == null) {
            throw Messages.unknownRef(frame.ref());
        }
        if (!socket.allowMessage(settings.maxMessagesPerSecond(), System.currentTimeMillis())) {
            throw Messages.tooManyMessages(settings.maxMessagesPerSecond());
        }
        ChannelModel channel = membership.channel();
        Object message = binder.read("data", channel.message(), channel.messageType(), frame.data());
        invoker.validateValue("data", channel.message(), "message's fields", message);
        try (BeanTargets.Target target = handlers.open(channel.handlerClass())) {
            ChannelHandler<Object, Object> handler = handler(target);
            handler.receive(
                    membership.params(), message, new JoinSession(socket, membership.refJson(), channel, encoder));
        }
    }

    private void leave(ChannelSocket socket, String ref) {
        Membership membership = socket.joins.remove(ref);
        if (membership == null) {
            throw Messages.unknownRef(ref);
        }
        groups.remove(membership);
        socket.send(ChannelFrames.left(membership.refJson()));
    }

    private void closed(ChannelSocket socket) {
        if (socket == null || !open.remove(socket)) {
            return;
        }
        socket.outbox.close();
        for (Membership membership : socket.joins.values()) {
            groups.remove(membership);
        }
        socket.joins.clear();
    }

    @SuppressWarnings("unchecked")
    private static ChannelHandler<Object, Object> handler(BeanTargets.Target target) {
        return (ChannelHandler<Object, Object>) target.instance();
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
        relay.close();
    }

    /** Sockets open on this node. */
    public int openSockets() {
        return open.size();
    }
}
