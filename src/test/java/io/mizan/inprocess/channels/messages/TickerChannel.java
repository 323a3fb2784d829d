package io.mizan.inprocess.channels.messages;

import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A channel the server alone speaks on: no {@code receive}. Its groups have the same names as the
 * chat's, to show that groups are per channel.
 */
@ApplicationScoped
@Channel("ticker")
public class TickerChannel implements ChannelHandler<Room, Tick> {

    @Override
    public boolean authorize(Room params, ChannelSession<Tick> session) {
        return true;
    }

    @Override
    public String group(Room params) {
        return "chat_" + params.room();
    }
}
