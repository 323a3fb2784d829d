package io.mizan.channels;

import io.mizan.ChannelSession;
import io.mizan.json.ResultEncoder;
import io.mizan.model.ChannelModel;

import java.security.Principal;
import java.util.Optional;

/** One join as its handler sees it: the socket's user, and a way to answer that join alone. */
final class JoinSession implements ChannelSession<Object> {

    private final ChannelSocket socket;
    private final String refJson;
    private final ChannelModel channel;
    private final ResultEncoder encoder;

    JoinSession(ChannelSocket socket, String refJson, ChannelModel channel, ResultEncoder encoder) {
        this.socket = socket;
        this.refJson = refJson;
        this.channel = channel;
        this.encoder = encoder;
    }

    @Override
    public String id() {
        return socket.id;
    }

    @Override
    public Optional<Principal> user() {
        return Optional.ofNullable(socket.caller.principal());
    }

    @Override
    public boolean isUserInRole(String role) {
        return socket.caller.isInRole(role);
    }

    @Override
    public void send(Object message) {
        socket.send(ChannelFrames.message(
                refJson,
                encoder.encode(
                        channel.message(),
                        channel.messageType(),
                        channel.where(),
                        channel.name() + ".message",
                        message)));
    }
}
