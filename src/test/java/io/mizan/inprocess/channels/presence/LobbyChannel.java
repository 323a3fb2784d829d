package io.mizan.inprocess.channels.presence;

import io.mizan.Channel;
import io.mizan.ChannelHandler;
import io.mizan.ChannelSession;
import jakarta.enterprise.context.ApplicationScoped;

/** A place where everyone sees who else is there. */
@ApplicationScoped
@Channel(value = "lobby", presence = true)
public class LobbyChannel implements ChannelHandler<Place, Wave> {

    @Override
    public boolean authorize(Place params, ChannelSession<Wave> session) {
        return true;
    }

    @Override
    public String group(Place params) {
        return params.place();
    }
}
