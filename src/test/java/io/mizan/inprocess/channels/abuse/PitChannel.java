package io.mizan.inprocess.channels.abuse;

import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import jakarta.enterprise.context.ApplicationScoped;

/** The same quotes where traders see each other: presence. */
@ApplicationScoped
@Channel(value = "pit", presence = true)
public class PitChannel implements ChannelHandler<Floor, Quote> {

    @Override
    public boolean authorize(Floor params, ChannelSession<Quote> session) {
        return true;
    }

    @Override
    public String group(Floor params) {
        return params.floor();
    }
}
