package io.mizan.bench.channels;

import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;

/**
 * The Mizan side: anyone may join a room and listen; what a client sends is counted (the inbound
 * benchmark), as {@link PlainEndpoint} counts what its clients send.
 */
@ApplicationScoped
@Channel("room")
public class RoomChannel implements ChannelHandler<RoomChannel.Room, Tick> {

    static final Received RECEIVED = new Received();

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

    @Override
    public void receive(Room params, Tick message, ChannelSession<Tick> session) {
        RECEIVED.add(message);
    }
}
