package io.mizan.codegen.clash;

import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import io.mizan.Client;

/** A function whose name is the constant channels.ts exports for a channel. */
public class ChannelClashes {

    @Client
    public void chatChannel() {}

    public record Room(String room) {}

    @Channel("chat")
    public static class Chat implements ChannelHandler<Room, String> {
        @Override
        public boolean authorize(Room params, ChannelSession<String> session) {
            return true;
        }

        @Override
        public String group(Room params) {
            return params.room();
        }
    }
}
