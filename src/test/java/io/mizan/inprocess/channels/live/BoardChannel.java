package io.mizan.inprocess.channels.live;

import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Something to join, to show that joined and unjoined sockets alike hear of invalidations. */
@ApplicationScoped
@Channel("board")
public class BoardChannel implements ChannelHandler<BoardChannel.Board, String> {

    /** A board. */
    public record Board(String board) {}

    @Override
    public boolean authorize(Board params, ChannelSession<String> session) {
        return true;
    }

    @Override
    public String group(Board params) {
        return params.board();
    }
}
