package io.mizan.inprocess.channels.abuse;

import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Quotes for everyone on a floor, from the server alone. */
@ApplicationScoped
@Channel("floor")
public class FloorChannel implements ChannelHandler<Floor, Quote> {

    @Override
    public boolean authorize(Floor params, ChannelSession<Quote> session) {
        return true;
    }

    @Override
    public String group(Floor params) {
        return params.floor();
    }
}
