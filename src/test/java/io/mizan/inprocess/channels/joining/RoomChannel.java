package io.mizan.inprocess.channels.joining;

import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Rooms anyone may join, except those whose name starts with {@code staff}: staff only. */
@ApplicationScoped
@Channel("rooms")
public class RoomChannel implements ChannelHandler<Room, Note> {

    @Override
    public boolean authorize(Room params, ChannelSession<Note> session) {
        return !params.name().startsWith("staff") || session.isUserInRole("staff");
    }

    @Override
    public String group(Room params) {
        return params.name();
    }
}
