package io.mizan.codegen.unmanagedchannel;

import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;

/**
 * A channel handler without a bean-defining annotation: in an archive with
 * bean-discovery-mode="annotated" CDI makes no bean of it, so the server has no such channel.
 */
@Channel("chat")
public class UnmanagedChat implements ChannelHandler<UnmanagedChat.Room, String> {

    public record Room(String room) {}

    @Override
    public boolean authorize(Room params, ChannelSession<String> session) {
        return true;
    }

    @Override
    public String group(Room params) {
        return params.room();
    }
}
