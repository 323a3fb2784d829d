package io.mizan.codegen.names;

import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;

/** A channel whose message type is called like a name of the runtime's channel API. */
@Channel("lobby")
public class Lobby implements ChannelHandler<Lobby.Door, ChannelState> {

    public record Door(String name) {}

    @Override
    public boolean authorize(Door params, ChannelSession<ChannelState> session) {
        return true;
    }

    @Override
    public String group(Door params) {
        return params.name();
    }
}
