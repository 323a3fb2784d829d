package io.mizan.bench.channels;

import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;

/** The Mizan side: anyone may join a room and listen; only the server sends. */
@ApplicationScoped
@Channel("room")
public class RoomChannel implements ChannelHandler<RoomChannel.Room, Tick> {

    public record Room(@NotBlank String room) {
    }

    @Override
    public boolean authorize(Room params, ChannelSession<Tick> session) {
        return true;
    }

    @Override
    public String group(Room params) {
        return "room_" + params.room();
    }
}
