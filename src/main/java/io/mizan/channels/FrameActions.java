package io.mizan.channels;

import io.mizan.ChannelHandler;
import io.mizan.config.ChannelSettings;
import io.mizan.invoke.BeanTargets;
import io.mizan.invoke.Invoker;
import io.mizan.json.ArgumentBinder;
import io.mizan.json.ResultEncoder;
import io.mizan.messages.Messages;
import io.mizan.model.ChannelModel;

/**
 * What a client frame does to a socket's joins: a join binds and validates the channel's parameters and
 * asks its handler to authorize and group them, a message is bound, validated and handed to the handler,
 * and a leave ends the join. Parameters and messages are read and validated the way call arguments are.
 */
final class FrameActions {

    private final Invoker invoker;
    private final ArgumentBinder binder;
    private final ResultEncoder encoder;
    private final BeanTargets handlers;
    private final ChannelSettings settings;
    private final GroupRegistry groups;

    FrameActions(
            Invoker invoker,
            ArgumentBinder binder,
            ResultEncoder encoder,
            BeanTargets handlers,
            ChannelSettings settings,
            GroupRegistry groups) {
        this.invoker = invoker;
        this.binder = binder;
        this.encoder = encoder;
        this.handlers = handlers;
        this.settings = settings;
        this.groups = groups;
    }

    /** Joins the channel a join frame names, if its handler lets the socket's caller in. */
    void join(ChannelSocket socket, ChannelFrames.Join frame) throws Exception {
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
        if (socket.closed) { // closed meanwhile: its close set the flag before it emptied the joins
            socket.joins.remove(frame.ref());
            groups.remove(membership);
        }
    }

    /** Hands a message to the handler of the channel its ref joined. */
    void send(ChannelSocket socket, ChannelFrames.Send frame) throws Exception {
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

    /** Leaves the join of a ref. */
    void leave(ChannelSocket socket, String ref) {
        Membership membership = socket.joins.remove(ref);
        if (membership == null) {
            throw Messages.unknownRef(ref);
        }
        groups.remove(membership);
        socket.send(ChannelFrames.left(membership.refJson()));
    }

    @SuppressWarnings("unchecked")
    private static ChannelHandler<Object, Object> handler(BeanTargets.Target target) {
        return (ChannelHandler<Object, Object>) target.instance();
    }
}
